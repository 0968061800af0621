import type {
  EvaluationDraftReportSubmitted as EvaluationDraftReportSubmittedDef,
  EvaluationEvidenceRecorded as EvaluationEvidenceRecordedDef,
  EvaluationFeedbackAnswered as EvaluationFeedbackAnsweredDef,
  EvaluationFeedbackGiven as EvaluationFeedbackGivenDef,
  EventOf,
  KeyEvaluationAssigned as KeyEvaluationAssignedDef,
  KeyEvaluationFinalized as KeyEvaluationFinalizedDef,
  KeyEvaluationPlanned as KeyEvaluationPlannedDef,
  KeyEvaluationResultsNotified as KeyEvaluationResultsNotifiedDef,
  EvaluationScoreGiven as EvaluationScoreGivenDef,
  EvaluationExpertScoreGiven as EvaluationExpertScoreGivenDef,
} from '@jixiao/events';

/** 列入年度评价计划. */
export type KeyEvaluationPlanned = EventOf<typeof KeyEvaluationPlannedDef>;
/** 委托评价机构（或部门）. */
export type KeyEvaluationAssigned = EventOf<typeof KeyEvaluationAssignedDef>;
/** 评价证据已记录. */
export type EvaluationEvidenceRecorded = EventOf<typeof EvaluationEvidenceRecordedDef>;
/** 指标打分. */
export type EvaluationScoreGiven = EventOf<typeof EvaluationScoreGivenDef>;
/** 受邀专家打分（与评价方的评分并列记录，不计入最终得分）. */
export type EvaluationExpertScoreGiven = EventOf<typeof EvaluationExpertScoreGivenDef>;
/** 报告初稿第 n 版. */
export type EvaluationDraftReportSubmitted = EventOf<typeof EvaluationDraftReportSubmittedDef>;
/** 单位或座谈会意见. */
export type EvaluationFeedbackGiven = EventOf<typeof EvaluationFeedbackGivenDef>;
/** 意见回复. */
export type EvaluationFeedbackAnswered = EventOf<typeof EvaluationFeedbackAnsweredDef>;
/** 正式报告（得分、等级）. */
export type KeyEvaluationFinalized = EventOf<typeof KeyEvaluationFinalizedDef>;
/** 评价结果已通知. */
export type KeyEvaluationResultsNotified = EventOf<typeof KeyEvaluationResultsNotifiedDef>;

/** Every event of a `keyevaluation-<evaluationId>` stream. */
export type KeyEvaluationEvent =
  | KeyEvaluationPlanned
  | KeyEvaluationAssigned
  | EvaluationEvidenceRecorded
  | EvaluationScoreGiven
  | EvaluationExpertScoreGiven
  | EvaluationDraftReportSubmitted
  | EvaluationFeedbackGiven
  | EvaluationFeedbackAnswered
  | KeyEvaluationFinalized
  | KeyEvaluationResultsNotified;
