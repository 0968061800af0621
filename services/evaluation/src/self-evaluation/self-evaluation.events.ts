import type {
  EvaluationNoticeDuePassed as EvaluationNoticeDuePassedDef,
  EvaluationNoticeIssued as EvaluationNoticeIssuedDef,
  EventOf,
  SelfEvaluationAccepted as SelfEvaluationAcceptedDef,
  SelfEvaluationDrawNoted as SelfEvaluationDrawNotedDef,
  SelfEvaluationReviewed as SelfEvaluationReviewedDef,
  SelfEvaluationSubmitted as SelfEvaluationSubmittedDef,
  SpotCheckDecided as SpotCheckDecidedDef,
  SpotCheckDrawn as SpotCheckDrawnDef,
} from '@jixiao/events';

/** 绩效自评通知已下达. */
export type EvaluationNoticeIssued = EventOf<typeof EvaluationNoticeIssuedDef>;
/** 绩效自评填报截止日已过. */
export type EvaluationNoticeDuePassed = EventOf<typeof EvaluationNoticeDuePassedDef>;
/** 财政抽查样本已抽取. */
export type SpotCheckDrawn = EventOf<typeof SpotCheckDrawnDef>;
/** Every event of an `evaluationnotice-<divisionCode>-<fiscalYear>` stream. */
export type EvaluationNoticeEvent = EvaluationNoticeIssued | EvaluationNoticeDuePassed | SpotCheckDrawn;

/** 抽查结果已记入自评. */
export type SelfEvaluationDrawNoted = EventOf<typeof SelfEvaluationDrawNotedDef>;
/** 单位自评已提交. */
export type SelfEvaluationSubmitted = EventOf<typeof SelfEvaluationSubmittedDef>;
/** 主管部门已审核单位自评. */
export type SelfEvaluationReviewed = EventOf<typeof SelfEvaluationReviewedDef>;
/** 财政抽查结论. */
export type SpotCheckDecided = EventOf<typeof SpotCheckDecidedDef>;
/** 单位自评已认定. */
export type SelfEvaluationAccepted = EventOf<typeof SelfEvaluationAcceptedDef>;
/** Every event of a `selfevaluation-<evaluationId>` stream. */
export type SelfEvaluationEvent =
  | SelfEvaluationDrawNoted
  | SelfEvaluationSubmitted
  | SelfEvaluationReviewed
  | SpotCheckDecided
  | SelfEvaluationAccepted;
