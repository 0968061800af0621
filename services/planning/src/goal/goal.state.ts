import {
  APPROVED_GOAL_STATUSES,
  derivedId,
  GOAL_STATUSES as RECORDED_GOAL_STATUSES,
  IllegalStateError,
  NotFoundError,
} from '@jixiao/events';
import type { GoalEvent, GoalSubmitted, Indicator } from './goal.events';

/** The lifecycle of the catalog's GOAL_STATUSES; NONE means the stream is empty. EXEMPLARY is a mark, not a state. */
export const GOAL_STATUSES = ['NONE', ...RECORDED_GOAL_STATUSES] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** 目标状态的中文名称, for messages and labels. */
export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  NONE: '未建立',
  DRAFT: '草稿',
  SUBMITTED: '已提交，待主管部门审核',
  FINANCE_REVIEW: '财政联审中',
  RETURNED: '已退回修改',
  APPROVED: '已批准',
  ISSUED: '已随预算下达',
  ADJUSTED: '已调整',
};

/** States in which a goal counts as approved (coverage, library gate, samples). */
export const APPROVED_STATUSES: readonly GoalStatus[] = APPROVED_GOAL_STATUSES;
/** States in which the unit edits the goal's content. */
export const EDITABLE_STATUSES: readonly GoalStatus[] = ['DRAFT', 'RETURNED'];

type Content = Omit<
  GoalSubmitted['data'],
  'indicators' | 'submission' | 'departmentReview' | 'ruleProfile' | 'indicatorCatalogueVersion'
>;

export interface Opinion {
  reviewerRole: string;
  reviewerId: string;
  opinion: 'APPROVE' | 'RETURN';
}

export interface GoalState {
  status: GoalStatus;
  content: Content | null;
  indicators: Indicator[];
  /** How many times the goal was submitted; the current review round. */
  submissions: number;
  /** Joint-review opinions of the current round. */
  opinions: Opinion[];
  exemplary: boolean;
  adjustmentCount: number;
}

export const initialGoalState = (): GoalState => ({
  status: 'NONE',
  content: null,
  indicators: [],
  submissions: 0,
  opinions: [],
  exemplary: false,
  adjustmentCount: 0,
});

/** `goal-<goalId>`: the stream that holds one performance goal. */
export const goalStreamId = (goalId: string): string => `goal-${goalId}`;

/**
 * The id of a project's goal of a term: one annual goal per fiscal year, one medium-term goal.
 * Derived, not drawn, so two racing first drafts land on the same stream and the second is
 * refused by its expected version, not let through beside the first. Shaped like a UUID (v5 layout).
 */
export function goalIdOf(projectId: string, term: 'ANNUAL' | 'MEDIUM_TERM', fiscalYear: number): string {
  const name = term === 'ANNUAL' ? `${projectId}/ANNUAL/${fiscalYear}` : `${projectId}/MEDIUM_TERM`;
  return derivedId(`jixiao.goal:${name}`);
}

const replace = (indicators: Indicator[], revised: Indicator): Indicator[] =>
  indicators.map((i) => (i.indicatorId === revised.indicatorId ? revised : i));

export function evolveGoal(state: GoalState, event: GoalEvent): GoalState {
  switch (event.type) {
    case 'GoalDrafted': {
      const { indicators, copiedFromGoalId: _c, ...content } = event.data;
      return { ...initialGoalState(), status: 'DRAFT', content, indicators };
    }
    case 'GoalSubmitted': {
      const {
        indicators,
        submission,
        departmentReview,
        ruleProfile: _r,
        indicatorCatalogueVersion: _v,
        ...content
      } = event.data;
      const status = departmentReview ? 'SUBMITTED' : 'FINANCE_REVIEW';
      return { ...state, status, content, indicators, submissions: submission, opinions: [] };
    }
    case 'IndicatorAdded':
      return { ...state, indicators: [...state.indicators, event.data.indicator] };
    case 'IndicatorRevised':
      return { ...state, indicators: replace(state.indicators, event.data.indicator) };
    case 'IndicatorRemoved':
      return { ...state, indicators: state.indicators.filter((i) => i.indicatorId !== event.data.indicatorId) };
    case 'GoalReviewOpinionRecorded': {
      const { reviewerRole, reviewerId, opinion } = event.data;
      return { ...state, opinions: [...state.opinions, { reviewerRole, reviewerId, opinion }] };
    }
    case 'GoalReviewed': {
      const { stage, result } = event.data;
      if (result === 'RETURN') return { ...state, status: 'RETURNED' };
      return { ...state, status: stage === 'DEPARTMENT' ? 'FINANCE_REVIEW' : 'APPROVED' };
    }
    case 'GoalIssued':
      return { ...state, status: 'ISSUED' };
    case 'GoalAdjusted': {
      const { amountFen, indicators, adjustmentCount } = event.data;
      const content = state.content && { ...state.content, amountFen };
      return { ...state, status: 'ADJUSTED', content, indicators, adjustmentCount };
    }
    case 'GoalMarkedExemplary':
      return { ...state, exemplary: true };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

/** Refuses unless the goal exists and is in one of `allowed`, naming the state it is in. */
export function requireStatus(
  state: GoalState,
  goalId: string,
  allowed: readonly GoalStatus[],
  action: { zh: string; en: string },
): Content {
  if (state.status === 'NONE' || !state.content) {
    throw new NotFoundError({ zh: `绩效目标 ${goalId} 不存在`, en: `Goal ${goalId} does not exist` });
  }
  if (!allowed.includes(state.status)) {
    const zhAllowed = allowed.map((s) => `「${GOAL_STATUS_LABELS[s]}」`).join('或');
    throw new IllegalStateError({
      zh: `目标当前状态为「${GOAL_STATUS_LABELS[state.status]}」，不能${action.zh}；只有${zhAllowed}的目标可以${action.zh}`,
      en: `The goal is ${state.status}; to ${action.en}, the goal must be ${allowed.join(' or ')}`,
    });
  }
  return state.content;
}
