import type {
  EventOf,
  GoalReviewed as GoalReviewedDef,
  GoalSubmitted as GoalSubmittedDef,
  IndicatorRevised as IndicatorRevisedDef,
} from '@jixiao/events';

/** 绩效目标已提交 — a goal was submitted with its indicators. */
export type GoalSubmitted = EventOf<typeof GoalSubmittedDef>;
/** 绩效指标已修改 — one indicator was replaced before approval. */
export type IndicatorRevised = EventOf<typeof IndicatorRevisedDef>;
/** 绩效目标已审核 — a reviewer approved or returned the goal. */
export type GoalReviewed = EventOf<typeof GoalReviewedDef>;

/** Every event of a `goal-<goalId>` stream. */
export type GoalEvent = GoalSubmitted | IndicatorRevised | GoalReviewed;

/** 绩效指标 — one indicator of a goal, as the catalog defines it. */
export type Indicator = IndicatorRevised['data']['indicator'];
