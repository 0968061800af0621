import type { Fen, RuleProfileRef } from '@jixiao/events';
import type { GoalSubmitted, Indicator } from './goal.events';

type Submitted = GoalSubmitted['data'];

/** What a goal says, apart from its indicators. */
export interface GoalContent {
  goalId: string;
  /** Null only for goals submitted before projects existed (schema v1). */
  projectId: string | null;
  unitId: string;
  projectCode: string;
  projectName: string;
  fiscalYear: number;
  divisionCode: string;
  term: Submitted['term'];
  overallGoal: string;
  amountFen: Fen;
}

/** The parts of the rule profile in force that goal decisions use. */
export interface GoalRules {
  ref: RuleProfileRef;
  indicatorCatalogueVersion: '2020' | '2021';
  jointReviewRoles: readonly string[];
}

/** 建立目标草稿 — possibly copied from an exemplary sample. */
export interface DraftGoal extends GoalContent {
  type: 'DraftGoal';
  projectId: string;
  indicators: Indicator[];
  copiedFromGoalId: string | null;
  /** The project's goal of the same term (and year, for an annual goal) already on record, if any. */
  existingGoalId: string | null;
}

/** 提交绩效目标 — a new goal straight to review (谁申请资金，谁设定绩效目标). */
export interface SubmitGoal extends GoalContent {
  type: 'SubmitGoal';
  indicators: Indicator[];
  /** The project's goal of the same term (and year, for an annual goal) already on record, if any. */
  existingGoalId: string | null;
  departmentReview: boolean;
  rules: GoalRules;
}

/** 提交草稿 / 重新提交 — a draft or returned goal goes (back) to review. */
export interface SubmitDraft {
  type: 'SubmitDraft';
  goalId: string;
  departmentReview: boolean;
  rules: GoalRules;
}

export interface AddIndicator {
  type: 'AddIndicator';
  goalId: string;
  indicator: Indicator;
}

/** 修改绩效指标 — replace one indicator (same id) of a draft or returned goal. */
export interface ReviseIndicator {
  type: 'ReviseIndicator';
  goalId: string;
  indicator: Indicator;
  reason: string;
}

export interface RemoveIndicator {
  type: 'RemoveIndicator';
  goalId: string;
  indicatorId: string;
  reason: string;
}

export interface IndicatorComment {
  indicatorId: string;
  comment: string;
}

/** 联审成员意见 — budget section, performance section or an expert, once per round each. */
export interface RecordReviewOpinion {
  type: 'RecordReviewOpinion';
  goalId: string;
  reviewerRole: string;
  reviewerId: string;
  opinion: 'APPROVE' | 'RETURN';
  comment: string;
  indicatorComments: IndicatorComment[];
}

/** 审核绩效目标 — the department passes it on or returns it; the performance section concludes the joint review. */
export interface ReviewGoal {
  type: 'ReviewGoal';
  goalId: string;
  reviewerRole: string;
  result: 'APPROVE' | 'RETURN';
  comment: string;
  indicatorComments: IndicatorComment[];
  rules: GoalRules;
}

/** 随预算下达 — an approved goal is issued with the budget reply. */
export interface IssueGoal {
  type: 'IssueGoal';
  goalId: string;
  budgetDocument: string;
  issuedAmountFen: Fen;
}

/** 调整目标 — only through a budget adjustment. */
export interface AdjustGoal {
  type: 'AdjustGoal';
  goalId: string;
  budgetAdjustmentRef: string;
  reason: string;
  amountFen: Fen;
  indicators: Indicator[];
  /** The indicator catalogue of the profile in force, which the new indicators must fit. */
  indicatorCatalogueVersion: '2020' | '2021';
}

/** 评为精品样本. */
export interface MarkGoalExemplary {
  type: 'MarkGoalExemplary';
  goalId: string;
  reason: string;
}

export type GoalCommand =
  | DraftGoal
  | SubmitGoal
  | SubmitDraft
  | AddIndicator
  | ReviseIndicator
  | RemoveIndicator
  | RecordReviewOpinion
  | ReviewGoal
  | IssueGoal
  | AdjustGoal
  | MarkGoalExemplary;
