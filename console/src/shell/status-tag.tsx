import { Tag } from 'antd';
import { label as labelOf } from './labels';
import { STATUS_COLORS, statusColor, TEXT_COLORS, type StatusEnum, type TagColor } from './status-colors';

/**
 * Colours by the code alone, for the callers that name no enum (a goal's status with its
 * statusLabel): the goal's lifecycle first, then the project's, pre-assessment's and disbursement's.
 */
const BY_CODE: Record<string, TagColor> = {
  ...STATUS_COLORS.DisbursementOutcome,
  ...STATUS_COLORS.DisbursementStatus,
  ...STATUS_COLORS.PreAssessmentConclusion,
  ...STATUS_COLORS.PreAssessmentStatus,
  ...STATUS_COLORS.LibraryStatus,
  ...STATUS_COLORS.GoalStatus,
};

/**
 * A state as a coloured tag. With `of` (the schema's enum: SelfEvaluationStatus, KeyEvaluationStage …)
 * the colour is that lifecycle's and the label, unless given, the schema's Chinese name.
 */
export function StatusTag({ status, label, of }: { status: string; label?: string | null; of?: StatusEnum }) {
  const color = of ? statusColor(of, status) : (BY_CODE[status] ?? 'default');
  const text = TEXT_COLORS[color];
  return (
    <Tag color={color} style={text ? { color: text } : undefined}>
      {label ?? (of ? labelOf(of, status) : status)}
    </Tag>
  );
}
