import { Tag } from 'antd';

/** Colours of the lifecycle states, by the state's code; the label is the platform's (…Label fields). */
const COLORS: Record<string, string> = {
  DRAFT: 'default',
  SUBMITTED: 'processing',
  FINANCE_REVIEW: 'processing',
  UNDER_REVIEW: 'processing',
  RETURNED: 'warning',
  APPROVED: 'success',
  ISSUED: 'green',
  ADJUSTED: 'cyan',
  PROPOSED: 'default',
  IN_LIBRARY: 'success',
  ALLOCATED: 'green',
  OPEN: 'processing',
  CONCLUDED: 'success',
  SUPPORT: 'success',
  REVISE: 'warning',
  REJECT: 'error',
};

export function StatusTag({ status, label }: { status: string; label?: string | null }) {
  return <Tag color={COLORS[status] ?? 'default'}>{label ?? status}</Tag>;
}
