import { IllegalStateError, invalid, NotFoundError, type Decider, type FieldIssue } from '@jixiao/events';
import type { GoalEvent, GoalReviewed, GoalSubmitted, Indicator } from './goal.events';
import { goalHeaderIssues, indicatorIssues, indicatorListIssues, indicatorSetIssues } from './goal.rules';

type Submitted = GoalSubmitted['data'];

/** 提交绩效目标 — whoever asks for money sets the goal (谁申请资金，谁设定绩效目标). */
export interface SubmitGoal {
  type: 'SubmitGoal';
  goalId: string;
  unitId: string;
  projectCode: string;
  projectName: string;
  fiscalYear: number;
  divisionCode: string;
  term: Submitted['term'];
  overallGoal: string;
  amount: number;
  indicators: Indicator[];
}

/** 修改绩效指标 — replace one indicator (same id) while the goal is submitted or returned. */
export interface ReviseIndicator {
  type: 'ReviseIndicator';
  goalId: string;
  indicator: Indicator;
  reason: string;
}

/** 审核绩效目标 — approve the goal or return it with comments. */
export interface ReviewGoal {
  type: 'ReviewGoal';
  goalId: string;
  reviewerRole: string;
  result: GoalReviewed['data']['result'];
  comment: string;
  indicatorComments: { indicatorId: string; comment: string }[];
}

export type GoalCommand = SubmitGoal | ReviseIndicator | ReviewGoal;

export type GoalStatus = 'NONE' | 'SUBMITTED' | 'RETURNED' | 'APPROVED';

export interface GoalState {
  status: GoalStatus;
  goalId: string;
  unitId: string;
  fiscalYear: number;
  indicators: Indicator[];
  reviewRounds: number;
}

/** 目标状态的中文名称, for messages and labels. */
export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  NONE: '未提交',
  SUBMITTED: '已提交',
  RETURNED: '已退回',
  APPROVED: '已批准',
};

/** `goal-<goalId>`: the stream that holds one performance goal. */
export const goalStreamId = (goalId: string): string => `goal-${goalId}`;

const isBlank = (text: string): boolean => text.trim() === '';
const replaceIndicator = (indicators: Indicator[], revised: Indicator): Indicator[] =>
  indicators.map((i) => (i.indicatorId === revised.indicatorId ? revised : i));
const statusZh = (state: GoalState) => `目标当前状态为「${GOAL_STATUS_LABELS[state.status]}」`;
const statusEn = (state: GoalState) => `The goal is ${state.status}`;

function requireGoal(state: GoalState, goalId: string): void {
  if (state.status === 'NONE') {
    throw new NotFoundError({
      zh: `绩效目标 ${goalId} 不存在，请先提交目标`,
      en: `Goal ${goalId} does not exist; submit it first`,
    });
  }
}

function submit(command: SubmitGoal, state: GoalState): GoalEvent[] {
  if (state.status !== 'NONE') {
    throw new IllegalStateError({
      zh: `绩效目标 ${command.goalId} 已存在，${statusZh(state)}，不能重复提交`,
      en: `Goal ${command.goalId} already exists and is ${state.status}; it cannot be submitted twice`,
    });
  }
  const issues = [...goalHeaderIssues(command), ...indicatorListIssues(command.indicators)];
  if (issues.length > 0) throw invalid(issues);
  const { goalId, unitId, projectCode, projectName, fiscalYear, divisionCode, term, overallGoal, amount } = command;
  const data: Submitted = {
    goalId,
    unitId,
    projectCode,
    projectName,
    fiscalYear,
    divisionCode,
    term,
    overallGoal,
    amount,
    indicators: [...command.indicators],
  };
  return [{ type: 'GoalSubmitted', data }];
}

function revise(command: ReviseIndicator, state: GoalState): GoalEvent[] {
  requireGoal(state, command.goalId);
  if (state.status !== 'SUBMITTED' && state.status !== 'RETURNED') {
    throw new IllegalStateError({
      zh: `${statusZh(state)}，不能修改指标；批准后的调整须通过预算调整办理`,
      en: `${statusEn(state)}; after approval indicators change only through a budget adjustment`,
    });
  }
  const { indicatorId } = command.indicator;
  if (!state.indicators.some((i) => i.indicatorId === indicatorId)) {
    throw new NotFoundError({
      zh: `目标 ${state.goalId} 中没有指标「${indicatorId}」，请检查指标标识`,
      en: `Goal ${state.goalId} has no indicator "${indicatorId}"; check the indicator id`,
    });
  }
  const revisedList = replaceIndicator(state.indicators, command.indicator);
  const issues = [...indicatorIssues(command.indicator, 'indicator'), ...indicatorSetIssues(revisedList)];
  if (isBlank(command.reason)) {
    issues.push({ path: 'reason', zh: '请填写修改原因', en: 'The reason is empty; say why the indicator changes' });
  }
  if (issues.length > 0) throw invalid(issues);
  return [
    {
      type: 'IndicatorRevised',
      data: { goalId: command.goalId, indicator: command.indicator, reason: command.reason },
    },
  ];
}

function review(command: ReviewGoal, state: GoalState): GoalEvent[] {
  requireGoal(state, command.goalId);
  if (state.status !== 'SUBMITTED') {
    throw new IllegalStateError({
      zh: `${statusZh(state)}，只有「已提交」的目标可以审核`,
      en: `${statusEn(state)}; only a SUBMITTED goal can be reviewed`,
    });
  }
  const issues: FieldIssue[] = [];
  if (command.result === 'RETURN' && isBlank(command.comment) && command.indicatorComments.length === 0) {
    issues.push({
      path: 'comment',
      zh: '退回目标须说明原因：填写审核意见或对指标的意见',
      en: 'Returning a goal needs a reason: add a comment or a comment on an indicator',
    });
  }
  command.indicatorComments.forEach(({ indicatorId, comment }, index) => {
    if (!state.indicators.some((i) => i.indicatorId === indicatorId)) {
      issues.push({
        path: `indicatorComments[${index}].indicatorId`,
        zh: `目标中没有指标「${indicatorId}」，请对目标中的指标提出意见`,
        en: `The goal has no indicator "${indicatorId}"; comment on one of its indicators`,
      });
    }
    if (isBlank(comment)) {
      issues.push({
        path: `indicatorComments[${index}].comment`,
        zh: '指标意见不能为空',
        en: 'The indicator comment is empty; write it or remove it',
      });
    }
  });
  if (issues.length > 0) throw invalid(issues);
  const { goalId, reviewerRole, result, comment, indicatorComments } = command;
  const round = state.reviewRounds + 1;
  return [{ type: 'GoalReviewed', data: { goalId, round, reviewerRole, result, comment, indicatorComments } }];
}

function evolve(state: GoalState, event: GoalEvent): GoalState {
  switch (event.type) {
    case 'GoalSubmitted': {
      const { goalId, unitId, fiscalYear, indicators } = event.data;
      return { status: 'SUBMITTED', goalId, unitId, fiscalYear, indicators, reviewRounds: 0 };
    }
    case 'IndicatorRevised':
      return { ...state, indicators: replaceIndicator(state.indicators, event.data.indicator) };
    case 'GoalReviewed':
      return {
        ...state,
        status: event.data.result === 'APPROVE' ? 'APPROVED' : 'RETURNED',
        reviewRounds: state.reviewRounds + 1,
      };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

function decide(command: GoalCommand, state: GoalState): GoalEvent[] {
  switch (command.type) {
    case 'SubmitGoal':
      return submit(command, state);
    case 'ReviseIndicator':
      return revise(command, state);
    case 'ReviewGoal':
      return review(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`unknown goal command ${JSON.stringify(_exhaustive)}`);
    }
  }
}

/** The performance goal aggregate (stream category `goal`). */
export const goalDecider: Decider<GoalCommand, GoalEvent, GoalState> = {
  initialState: () => ({ status: 'NONE', goalId: '', unitId: '', fiscalYear: 0, indicators: [], reviewRounds: 0 }),
  evolve,
  decide,
};
