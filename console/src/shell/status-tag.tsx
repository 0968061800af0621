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
  // 拨款申请
  REQUESTED: 'processing',
  CLEARED: 'green',
  HELD: 'warning',
};

/** Text colours for the presets whose own (#389e0d, #08979c on their light backgrounds) fall short of WCAG AA 4.5:1. */
const TEXT: Record<string, string> = { green: '#135200', cyan: '#006d75' };

export function StatusTag({ status, label }: { status: string; label?: string | null }) {
  const color = COLORS[status] ?? 'default';
  return (
    <Tag color={color} style={TEXT[color] ? { color: TEXT[color] } : undefined}>
      {label ?? status}
    </Tag>
  );
}
