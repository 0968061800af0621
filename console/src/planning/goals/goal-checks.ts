// The platform's own goal rules, run in the browser as the person types; the server runs the same
// functions again and decides (console/src/shell/platform-rules.ts explains the import).
import {
  goalHeaderIssues,
  indicatorIssues,
  indicatorListIssues,
} from '../../../../services/planning/src/goal/goal.rules';
import type { Indicator as RuleIndicator } from '../../../../services/planning/src/goal/goal.events';
import { moneyTextProblem, parseYuan, type FieldIssue } from '../../shell/platform-rules';
import type { CatalogueVersion, IndicatorInput, IndicatorOperator } from '../../gql/graphql';

export type { FieldIssue };

/** GraphQL names the stored operator symbols (an enum value cannot be `>=`). */
const SYMBOLS: Record<IndicatorOperator, RuleIndicator['operator']> = {
  GTE: '>=',
  LTE: '<=',
  EQ: '=',
  GT: '>',
  LT: '<',
  QUALITATIVE: 'QUALITATIVE',
};

/** An indicator as the API carries it, with its id. */
export type IndicatorFields = Omit<IndicatorInput, 'id'> & { id: string };

/** The catalog's indicator from the API's, as the server maps it (goal.mapping.ts). */
export function toRuleIndicator(i: IndicatorFields): RuleIndicator {
  return {
    indicatorId: i.id,
    level1: i.level1,
    level2: i.level2 as RuleIndicator['level2'],
    name: i.name,
    operator: SYMBOLS[i.operator],
    targetValue: i.targetValue ?? null,
    targetText: i.targetText ?? null,
    unit: i.unit ?? '',
    points: i.points,
    basis: i.basis,
    core: i.core ?? false,
    templateId: i.templateId == null ? null : String(i.templateId),
  };
}

/** What one indicator lacks on its own, by field (`name`, `targetValue` …), as adding or revising it is checked. */
export function indicatorProblems(indicator: IndicatorFields): Map<string, FieldIssue> {
  const byField = new Map<string, FieldIssue>();
  for (const issue of indicatorIssues(toRuleIndicator(indicator), 'indicator')) {
    const field = issue.path.replace(/^indicator\./, '');
    if (!byField.has(field)) byField.set(field, issue);
  }
  return byField;
}

/** What stops the goal's submission, as the server checks it: the list as a whole, then each indicator. */
export interface SubmissionCheck {
  /** Problems of the goal or the whole list (≥ 3 indicators, output and benefit present …). */
  goal: FieldIssue[];
  /** Problems of single indicators, by indicator id. */
  byIndicator: Map<string, FieldIssue[]>;
  ready: boolean;
}

export function submissionCheck(
  goal: { fiscalYear: number; divisionCode: string; overallGoal: string; amount: string },
  indicators: readonly IndicatorFields[],
  catalogueVersion: CatalogueVersion | undefined,
): SubmissionCheck {
  const version = catalogueVersion && (catalogueVersion.replace(/^V/, '') as '2020' | '2021');
  const header = goalHeaderIssues({ ...goal, amountFen: parseYuan(goal.amount) });
  const listed = indicatorListIssues(indicators.map(toRuleIndicator), version);
  const byIndicator = new Map<string, FieldIssue[]>();
  const whole: FieldIssue[] = [...header];
  for (const issue of listed) {
    const index = /^indicators\[(\d+)\]/.exec(issue.path)?.[1];
    const indicator = index === undefined ? undefined : indicators[Number(index)];
    if (!indicator) whole.push(issue);
    else byIndicator.set(indicator.id, [...(byIndicator.get(indicator.id) ?? []), issue]);
  }
  return { goal: whole, byIndicator, ready: whole.length === 0 && byIndicator.size === 0 };
}

/** The problem of an amount typed in yuan ("5000000.00"), or of a goal's amount, in Chinese; null when fine. */
export function amountProblem(text: string): string | null {
  const problem = moneyTextProblem(text.trim());
  if (problem) return problem.zh;
  const issue = goalHeaderIssues({
    fiscalYear: 2000,
    divisionCode: '000000',
    overallGoal: '-',
    amountFen: parseYuan(text.trim()),
  })[0];
  return issue?.zh ?? null;
}
