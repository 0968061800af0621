import type {
  DisbursementOutcome,
  DisbursementStatus,
  GoalStatus,
  KeyEvaluationStage,
  LibraryStatus,
  PreAssessmentConclusion,
  PreAssessmentStatus,
  ReviewResult,
  ReviewStage,
  SelfEvaluationDecision,
  SelfEvaluationStatus,
} from '../gql/graphql';

/** The tag colours the console uses: Ant Design's status colours and the presets whose text reads at WCAG AA. */
export type TagColor =
  'default' | 'processing' | 'success' | 'warning' | 'error' | 'blue' | 'geekblue' | 'green' | 'cyan' | 'purple';

/**
 * The colour of every lifecycle state, decision and stage the platform shows as a tag, by the
 * schema's enum and value (the same code means different things in different lifecycles: a goal
 * ISSUED is done, a self-evaluation ISSUED is still to be filled). The label is the schema's
 * (`label(enum, value)`). Typed by the generated enums, so a value the schema gains without a
 * colour fails the build; status-colors.unit.spec.ts holds it to every status list of events/src.
 * Blue shades: waiting for someone; warning: returned or held; green shades: done.
 */
export const STATUS_COLORS = {
  GoalStatus: {
    DRAFT: 'default',
    SUBMITTED: 'processing',
    FINANCE_REVIEW: 'processing',
    RETURNED: 'warning',
    APPROVED: 'success',
    ISSUED: 'green',
    ADJUSTED: 'cyan',
  } satisfies Record<GoalStatus, TagColor>,
  ReviewStage: { DEPARTMENT: 'processing', FINANCE: 'geekblue' } satisfies Record<ReviewStage, TagColor>,
  ReviewResult: { APPROVE: 'success', RETURN: 'warning' } satisfies Record<ReviewResult, TagColor>,
  LibraryStatus: { PROPOSED: 'default', IN_LIBRARY: 'success' } satisfies Record<LibraryStatus, TagColor>,
  PreAssessmentStatus: { OPEN: 'processing', CONCLUDED: 'success' } satisfies Record<PreAssessmentStatus, TagColor>,
  PreAssessmentConclusion: {
    SUPPORT: 'success',
    SUPPORT_AFTER_REVISION: 'warning',
    REJECT: 'error',
  } satisfies Record<PreAssessmentConclusion, TagColor>,
  // 拨款申请
  DisbursementStatus: { REQUESTED: 'processing', CLEARED: 'green', HELD: 'warning' } satisfies Record<
    DisbursementStatus,
    TagColor
  >,
  DisbursementOutcome: { CLEARED: 'green', HELD: 'warning' } satisfies Record<DisbursementOutcome, TagColor>,
  // 单位自评: issued to the unit, filled, reviewed by the department, returned, accepted
  SelfEvaluationStatus: {
    ISSUED: 'blue',
    FILLED: 'processing',
    DEPARTMENT_REVIEWED: 'geekblue',
    RETURNED: 'warning',
    ACCEPTED: 'success',
  } satisfies Record<SelfEvaluationStatus, TagColor>,
  SelfEvaluationDecision: { ACCEPT: 'success', RETURN: 'warning' } satisfies Record<SelfEvaluationDecision, TagColor>,
  // 重点评价: planned and assigned (blue), in the evaluator's hands, waiting for opinions, reported, notified
  KeyEvaluationStage: {
    PLANNED: 'purple',
    AGENCY_ASSIGNED: 'blue',
    FIELDWORK: 'processing',
    DRAFT_REPORT: 'geekblue',
    UNIT_FEEDBACK: 'warning',
    FINAL: 'success',
    RESULTS_NOTIFIED: 'green',
  } satisfies Record<KeyEvaluationStage, TagColor>,
} as const;

/** An enum shown as a status tag. */
export type StatusEnum = keyof typeof STATUS_COLORS;

/** The colour of `value` of `enumName`; 'default' for a value the table lacks (an older console). */
export const statusColor = (enumName: StatusEnum, value: string): TagColor =>
  (STATUS_COLORS[enumName] as Record<string, TagColor>)[value] ?? 'default';

/** Text colours for the presets whose own (#389e0d, #08979c on their light backgrounds) fall short of WCAG AA 4.5:1. */
export const TEXT_COLORS: Partial<Record<TagColor, string>> = { green: '#135200', cyan: '#006d75' };
