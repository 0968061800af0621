import type {
  EventOf,
  GoalAdjusted as GoalAdjustedDef,
  GoalDrafted as GoalDraftedDef,
  GoalIssued as GoalIssuedDef,
  GoalMarkedExemplary as GoalMarkedExemplaryDef,
  GoalReviewed as GoalReviewedDef,
  GoalReviewOpinionRecorded as GoalReviewOpinionRecordedDef,
  GoalSubmitted as GoalSubmittedDef,
  IndicatorAdded as IndicatorAddedDef,
  IndicatorRemoved as IndicatorRemovedDef,
  IndicatorRevised as IndicatorRevisedDef,
} from '@jixiao/events';

/** 绩效目标草稿已建立. */
export type GoalDrafted = EventOf<typeof GoalDraftedDef>;
/** 绩效目标已提交 — with the content as submitted. */
export type GoalSubmitted = EventOf<typeof GoalSubmittedDef>;
export type IndicatorAdded = EventOf<typeof IndicatorAddedDef>;
/** 绩效指标已修改 — one indicator was replaced before approval. */
export type IndicatorRevised = EventOf<typeof IndicatorRevisedDef>;
export type IndicatorRemoved = EventOf<typeof IndicatorRemovedDef>;
/** 联审意见已记录. */
export type GoalReviewOpinionRecorded = EventOf<typeof GoalReviewOpinionRecordedDef>;
/** 绩效目标已审核 — department or joint finance review decided. */
export type GoalReviewed = EventOf<typeof GoalReviewedDef>;
export type GoalIssued = EventOf<typeof GoalIssuedDef>;
export type GoalAdjusted = EventOf<typeof GoalAdjustedDef>;
export type GoalMarkedExemplary = EventOf<typeof GoalMarkedExemplaryDef>;

/** Every event of a `goal-<goalId>` stream. */
export type GoalEvent =
  | GoalDrafted
  | GoalSubmitted
  | IndicatorAdded
  | IndicatorRevised
  | IndicatorRemoved
  | GoalReviewOpinionRecorded
  | GoalReviewed
  | GoalIssued
  | GoalAdjusted
  | GoalMarkedExemplary;

/** 绩效指标 — one indicator of a goal, as the catalog defines it. */
export type Indicator = IndicatorRevised['data']['indicator'];
