import { IllegalStateError, invalid, NotFoundError, type FieldIssue, isBlank } from '@jixiao/events';
import type {
  AddIndicator,
  DraftGoal,
  GoalContent,
  GoalRules,
  RemoveIndicator,
  ReviseIndicator,
  SubmitDraft,
  SubmitGoal,
} from './goal.commands';
import type { GoalEvent, Indicator } from './goal.events';
import { goalHeaderIssues, indicatorIssues, indicatorListIssues } from './goal.rules';
import { EDITABLE_STATUSES, GOAL_STATUS_LABELS, requireStatus, type GoalState } from './goal.state';

const EDIT = { zh: '修改指标', en: 'edit its indicators' };

function requireNew(state: GoalState, goalId: string): void {
  if (state.status !== 'NONE') {
    throw new IllegalStateError({
      zh: `绩效目标 ${goalId} 已存在，当前状态为「${GOAL_STATUS_LABELS[state.status]}」`,
      en: `Goal ${goalId} already exists and is ${state.status}`,
    });
  }
}

const TERM_LABELS = { ANNUAL: { zh: '年度目标', en: 'annual' }, MEDIUM_TERM: { zh: '中期目标', en: 'medium-term' } };

/**
 * A project has one annual goal per fiscal year and one medium-term goal: a second is refused,
 * naming the one on record (found by the caller, or on this very stream, whose id the project,
 * term and year decide).
 */
function requireOnlyGoalOfTerm(c: DraftGoal | SubmitGoal, state: GoalState): void {
  const existing = state.status !== 'NONE' ? c.goalId : c.existingGoalId;
  if (existing === null || c.projectId === null) return;
  const term = TERM_LABELS[c.term];
  const year = c.term === 'ANNUAL' ? `${c.fiscalYear} 年度的` : '';
  throw new IllegalStateError({
    zh:
      `项目 ${c.projectCode} 已有${year}${term.zh}（目标 ${existing}），每个项目每年只有一个年度目标、只有一个中期目标；` +
      '请修改该目标：草稿或退回时修订指标，下达后随预算调整办理',
    en:
      `Project ${c.projectCode} already has ${c.term === 'ANNUAL' ? `an annual goal for ${c.fiscalYear}` : 'a medium-term goal'} ` +
      `(goal ${existing}); change that goal instead: revise it while a draft or returned, adjust it once issued`,
  });
}

const CONTENT_FIELDS = [
  'goalId',
  'projectId',
  'unitId',
  'projectCode',
  'projectName',
  'fiscalYear',
  'divisionCode',
  'term',
  'overallGoal',
  'amountFen',
] as const satisfies readonly (keyof GoalContent)[];
// every field of GoalContent is listed: a field added there and not here fails to compile
const _everyField: [Exclude<keyof GoalContent, (typeof CONTENT_FIELDS)[number]>] extends [never] ? true : never = true;

/** A goal's content from a command that carries more (its type, indicators, facts). */
function contentOf(c: GoalContent): GoalContent {
  return Object.fromEntries(CONTENT_FIELDS.map((field) => [field, c[field]])) as unknown as GoalContent;
}

function submitted(content: GoalContent, indicators: Indicator[], submission: number, c: SubmitDraft | SubmitGoal) {
  const issues = [...goalHeaderIssues(content), ...indicatorListIssues(indicators, c.rules.indicatorCatalogueVersion)];
  if (issues.length > 0) throw invalid(issues);
  const rules: GoalRules = c.rules;
  const data = {
    ...content,
    indicators,
    submission,
    departmentReview: c.departmentReview,
    ruleProfile: rules.ref,
    indicatorCatalogueVersion: rules.indicatorCatalogueVersion,
  };
  return [{ type: 'GoalSubmitted', data } as const];
}

/** A draft may be incomplete (fewer than 3 indicators); each indicator must still be well formed. */
export function draft(command: DraftGoal, state: GoalState): GoalEvent[] {
  requireOnlyGoalOfTerm(command, state);
  requireNew(state, command.goalId);
  const issues = [
    ...goalHeaderIssues(command),
    ...command.indicators.flatMap((i, n) => indicatorIssues(i, `indicators[${n}]`)),
  ];
  if (issues.length > 0) throw invalid(issues);
  const data = {
    ...contentOf(command),
    projectId: command.projectId,
    indicators: command.indicators,
    copiedFromGoalId: command.copiedFromGoalId,
  };
  return [{ type: 'GoalDrafted', data }];
}

export function submitNew(command: SubmitGoal, state: GoalState): GoalEvent[] {
  requireOnlyGoalOfTerm(command, state);
  requireNew(state, command.goalId);
  return submitted(contentOf(command), command.indicators, 1, command);
}

export function submitDraft(command: SubmitDraft, state: GoalState): GoalEvent[] {
  const content = requireStatus(state, command.goalId, EDITABLE_STATUSES, { zh: '提交', en: 'submit it' });
  return submitted(content, state.indicators, state.submissions + 1, command);
}

function reasonIssues(reason: string): FieldIssue[] {
  return isBlank(reason) ? [{ path: 'reason', zh: '请填写修改原因', en: 'The reason is empty; say why' }] : [];
}

function requireIndicator(state: GoalState, goalId: string, indicatorId: string): void {
  if (!state.indicators.some((i) => i.indicatorId === indicatorId)) {
    throw new NotFoundError({
      zh: `目标 ${goalId} 中没有指标「${indicatorId}」，请检查指标标识`,
      en: `Goal ${goalId} has no indicator "${indicatorId}"; check the indicator id`,
    });
  }
}

export function addIndicator(command: AddIndicator, state: GoalState): GoalEvent[] {
  requireStatus(state, command.goalId, EDITABLE_STATUSES, EDIT);
  const { indicatorId } = command.indicator;
  const issues = indicatorIssues(command.indicator, 'indicator');
  if (state.indicators.some((i) => i.indicatorId === indicatorId)) {
    issues.push({
      path: 'indicator.indicatorId',
      zh: `指标标识「${indicatorId}」已在目标中使用`,
      en: `Indicator id "${indicatorId}" is already used in this goal`,
    });
  }
  if (issues.length > 0) throw invalid(issues);
  return [{ type: 'IndicatorAdded', data: { goalId: command.goalId, indicator: command.indicator } }];
}

export function reviseIndicator(command: ReviseIndicator, state: GoalState): GoalEvent[] {
  requireStatus(state, command.goalId, EDITABLE_STATUSES, {
    zh: '修改指标（批准后的调整须通过预算调整办理）',
    en: 'edit its indicators (after approval only a budget adjustment changes them)',
  });
  requireIndicator(state, command.goalId, command.indicator.indicatorId);
  const issues = [...indicatorIssues(command.indicator, 'indicator'), ...reasonIssues(command.reason)];
  if (issues.length > 0) throw invalid(issues);
  const { goalId, indicator, reason } = command;
  return [{ type: 'IndicatorRevised', data: { goalId, indicator, reason } }];
}

export function removeIndicator(command: RemoveIndicator, state: GoalState): GoalEvent[] {
  requireStatus(state, command.goalId, EDITABLE_STATUSES, EDIT);
  requireIndicator(state, command.goalId, command.indicatorId);
  const issues = reasonIssues(command.reason);
  if (issues.length > 0) throw invalid(issues);
  const { goalId, indicatorId, reason } = command;
  return [{ type: 'IndicatorRemoved', data: { goalId, indicatorId, reason } }];
}
