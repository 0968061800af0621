import dayjs from 'dayjs';

/** 1234567.5 (a decimal yuan string) → ¥1,234,567.50; money stays a string until shown. */
export function yuan(amount: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const [whole = '0', fraction = ''] = amount.replace(/^-/, '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount.startsWith('-') ? '-' : ''}¥${grouped}.${fraction.padEnd(2, '0').slice(0, 2)}`;
}

/** An ISO time as the officials read it: 2026-12-07 10:31. */
export const when = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** Days since an ISO time, for queues (待办天数). */
export const daysSince = (iso: string): number => Math.max(0, dayjs().diff(dayjs(iso), 'day'));
