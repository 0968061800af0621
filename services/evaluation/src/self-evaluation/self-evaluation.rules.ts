import {
  issueIf,
  isBlank,
  LEVEL1,
  OPERATORS,
  type FieldIssue,
  type Level1,
  type QUALITATIVE_LEVELS,
} from '@jixiao/events';

type Operator = (typeof OPERATORS)[number];
type QualitativeLevel = (typeof QUALITATIVE_LEVELS)[number];

/** An indicator as scored: the goal's issued one (PROJECT) or the unit's own statement (DEPT_OVERALL). */
export interface IndicatorDefinition {
  indicatorId: string;
  name: string;
  level1: Level1;
  operator: Operator;
  /** Null for a qualitative indicator. */
  target: number | null;
  points: number;
}

/** One line the unit fills; the definition fields are read only for its overall expenditure. */
export interface SheetLineInput {
  indicatorId: string;
  name?: string | null;
  /** One of the catalog's level-1 categories (checked: it comes as text). */
  level1?: string | null;
  /** One of the catalog's operators (checked: it comes as text). */
  operator?: string | null;
  target?: number | null;
  points?: number | null;
  actual: number | null;
  qualitative: { level: QualitativeLevel; percent: number } | null;
  reason: string | null;
  deviationCause: string | null;
  improvementMeasure: string | null;
}

/** The least number of indicators a unit states for its overall expenditure, like a goal's. */
export const MIN_OVERALL_INDICATORS = 3;

const isLevel1 = (v: string | null | undefined): v is Level1 => (LEVEL1 as readonly string[]).includes(v ?? '');
const isOperator = (v: string | null | undefined): v is Operator => (OPERATORS as readonly string[]).includes(v ?? '');

const trimmed = (t: string | null | undefined): string | null => (isBlank(t) ? null : t!.trim());

function duplicates(lines: readonly SheetLineInput[]): FieldIssue[] {
  return lines.flatMap((line, i) =>
    issueIf(
      lines.findIndex((l) => l.indicatorId === line.indicatorId) !== i,
      `indicators.${i}.indicatorId`,
      `指标 ${line.indicatorId} 重复填写`,
      `Indicator ${line.indicatorId} is filled twice`,
    ),
  );
}

/**
 * The definitions of a project's lines: the goal's issued indicators. A value for an indicator the
 * goal lacks, and a goal indicator left out, are refused.
 */
export function goalDefinitions(
  lines: readonly SheetLineInput[],
  goal: readonly IndicatorDefinition[],
): { definitions: IndicatorDefinition[]; issues: FieldIssue[] } {
  const byId = new Map(goal.map((d) => [d.indicatorId, d]));
  const issues = [
    ...lines.flatMap((line, i) =>
      issueIf(
        !byId.has(line.indicatorId),
        `indicators.${i}.indicatorId`,
        `绩效目标没有指标 ${line.indicatorId}，不能填写其完成值`,
        `The goal has no indicator ${line.indicatorId}; values may be given only for the goal's indicators`,
      ),
    ),
    ...duplicates(lines),
    ...goal.flatMap((d) =>
      issueIf(
        !lines.some((l) => l.indicatorId === d.indicatorId),
        'indicators',
        `请填写指标「${d.name}」的完成情况`,
        `Fill in indicator "${d.name}" of the goal`,
      ),
    ),
  ];
  return { definitions: lines.flatMap((l) => byId.get(l.indicatorId) ?? []), issues };
}

/**
 * The definitions a unit states for its overall expenditure: at least three indicators, output and
 * benefit among them, each with a name, level, operator, points and (unless qualitative) a target.
 */
export function overallDefinitions(lines: readonly SheetLineInput[]): {
  definitions: IndicatorDefinition[];
  issues: FieldIssue[];
} {
  const issues: FieldIssue[] = [
    ...issueIf(
      lines.length < MIN_OVERALL_INDICATORS,
      'indicators',
      `整体支出自评至少填写 ${MIN_OVERALL_INDICATORS} 个指标，现为 ${lines.length} 个`,
      `State at least ${MIN_OVERALL_INDICATORS} indicators of the overall expenditure, not ${lines.length}`,
    ),
    ...issueIf(
      !lines.some((l) => l.level1 === 'OUTPUT'),
      'indicators',
      '整体支出自评须包含产出指标',
      'The overall expenditure needs an output indicator',
    ),
    ...issueIf(
      !lines.some((l) => l.level1 === 'BENEFIT'),
      'indicators',
      '整体支出自评须包含效益指标',
      'The overall expenditure needs a benefit indicator',
    ),
    ...duplicates(lines),
  ];
  const definitions = lines.map((line, i): IndicatorDefinition => {
    const at = `indicators.${i}`;
    const points = line.points ?? null;
    issues.push(
      ...issueIf(isBlank(line.name), `${at}.name`, '请填写指标名称', 'Name the indicator'),
      ...issueIf(
        !isLevel1(line.level1),
        `${at}.level1`,
        `请选择一级指标（${LEVEL1.join('、')}）`,
        `Choose the indicator’s level-1 category (${LEVEL1.join(', ')})`,
      ),
      ...issueIf(
        !isOperator(line.operator),
        `${at}.operator`,
        `请选择指标的比较方式（${OPERATORS.join('、')}）`,
        `Choose how the indicator compares (${OPERATORS.join(', ')})`,
      ),
      ...issueIf(
        points === null || !(points > 0 && points <= 100),
        `${at}.points`,
        `指标分值应大于 0 且不超过 100，现为 ${points ?? '空'}`,
        `An indicator’s points are above 0 and at most 100, not ${points ?? 'none'}`,
      ),
    );
    return {
      indicatorId: line.indicatorId,
      name: line.name?.trim() ?? '',
      level1: isLevel1(line.level1) ? line.level1 : 'OUTPUT',
      operator: isOperator(line.operator) ? line.operator : '>=',
      target: line.operator === 'QUALITATIVE' ? null : (line.target ?? null),
      points: points ?? 0,
    };
  });
  return { definitions, issues };
}

/** What the unit states beside a value: the reason for a qualitative one, the cause and measure below full points. */
export function explanationIssues(line: SheetLineInput, full: boolean, qualitative: boolean, at: string): FieldIssue[] {
  return [
    ...issueIf(
      qualitative && isBlank(line.reason),
      `${at}.reason`,
      '定性指标须说明评定理由',
      'Give the reason for the qualitative value',
    ),
    ...issueIf(
      !full && isBlank(line.deviationCause),
      `${at}.deviationCause`,
      '未得满分的指标须说明偏差原因',
      'An indicator below full points needs the cause of its deviation',
    ),
    ...issueIf(
      !full && isBlank(line.improvementMeasure),
      `${at}.improvementMeasure`,
      '未得满分的指标须提出改进措施',
      'An indicator below full points needs an improvement measure',
    ),
  ];
}

/** A line's texts as recorded: trimmed, blank as null. */
export const explanationsOf = (line: SheetLineInput) => ({
  reason: trimmed(line.reason),
  deviationCause: trimmed(line.deviationCause),
  improvementMeasure: trimmed(line.improvementMeasure),
});
