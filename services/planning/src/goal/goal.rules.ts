import {
  INDICATOR_CATEGORIES,
  PERCENT_UNITS,
  TARGET_VALUE_LIMIT,
  type FieldIssue,
  type Level1,
  issueIf,
  isBlank,
  moneyIssues,
} from '@jixiao/events';
import type { Indicator } from './goal.events';

/** A goal needs at least this many indicators (DOMAIN.md, indicator framework). */
export const MIN_INDICATORS = 3;

/** Level-1 categories every goal must cover: what it produces and what that achieves, not what it consumes. */
export const REQUIRED_LEVEL1: readonly Level1[] = ['OUTPUT', 'BENEFIT'];

export const LEVEL1_LABELS: Record<Level1, string> = {
  OUTPUT: '产出',
  BENEFIT: '效益',
  SATISFACTION: '满意度',
  COST: '成本',
};

/** The fields of a goal that are checked apart from its indicators. */
export interface GoalHeader {
  fiscalYear: number;
  divisionCode: string;
  overallGoal: string;
  amountFen: number;
}

/** Problems of the list as a whole: how many, which categories, unique ids. */
export function indicatorSetIssues(indicators: readonly Indicator[], path = 'indicators'): FieldIssue[] {
  const count = indicators.length;
  const ids = indicators.map((i) => i.indicatorId);
  return [
    ...issueIf(
      count < MIN_INDICATORS,
      path,
      `至少需要 ${MIN_INDICATORS} 个绩效指标，当前只有 ${count} 个，请补充指标`,
      `A goal needs at least ${MIN_INDICATORS} indicators but has ${count}; add more`,
    ),
    ...REQUIRED_LEVEL1.flatMap((level1) =>
      issueIf(
        !indicators.some((i) => i.level1 === level1),
        path,
        `缺少${LEVEL1_LABELS[level1]}指标，请至少设置一个${LEVEL1_LABELS[level1]}指标（${level1}）`,
        `No ${level1} indicator; add at least one`,
      ),
    ),
    ...ids.flatMap((id, index) =>
      issueIf(
        ids.indexOf(id) < index,
        `${path}[${index}].indicatorId`,
        `指标标识「${id}」重复，每个指标须有自己的标识`,
        `Indicator id "${id}" is used twice; give each indicator its own id`,
      ),
    ),
  ];
}

/** Problems of one indicator on its own; `path` names it in the input, e.g. `indicators[2]`. */
export function indicatorIssues(indicator: Indicator, path: string): FieldIssue[] {
  const { indicatorId, name, points } = indicator;
  return [
    ...issueIf(
      isBlank(indicatorId),
      `${path}.indicatorId`,
      '指标标识不能为空',
      'The indicator id is empty; give it an id',
    ),
    ...issueIf(
      isBlank(name),
      `${path}.name`,
      '指标名称不能为空，请填写指标名称',
      'The name is empty; name the indicator',
    ),
    ...categoryIssues(indicator, path),
    ...(indicator.operator === 'QUALITATIVE' ? qualitativeIssues(indicator, path) : numericIssues(indicator, path)),
    ...issueIf(
      !(points > 0 && points <= 100),
      `${path}.points`,
      `分值 ${points} 无效，应大于 0 且不超过 100`,
      `Points ${points} are out of range; give more than 0 and at most 100`,
    ),
  ];
}

/** Level-1 categories each indicator catalogue version allows: COST came with the 2021 rules. */
export const CATALOGUE_LEVEL1: Record<'2020' | '2021', readonly Level1[]> = {
  '2020': ['OUTPUT', 'BENEFIT', 'SATISFACTION'],
  '2021': ['OUTPUT', 'BENEFIT', 'SATISFACTION', 'COST'],
};

/** Indicators whose level-1 category the profile's catalogue version does not have. */
export function catalogueIssues(
  indicators: readonly Indicator[],
  version: '2020' | '2021',
  path = 'indicators',
): FieldIssue[] {
  return indicators.flatMap((i, index) =>
    issueIf(
      !CATALOGUE_LEVEL1[version].includes(i.level1),
      `${path}[${index}].level1`,
      `本地区 ${version} 版指标目录没有「${LEVEL1_LABELS[i.level1]}」一级指标，请改用 ${CATALOGUE_LEVEL1[version].join('、')}`,
      `The ${version} indicator catalogue in force here has no ${i.level1} category; use ${CATALOGUE_LEVEL1[version].join(', ')}`,
    ),
  );
}

/** Every problem of a goal's indicators, each with its path, e.g. `indicators[2].points`. */
export function indicatorListIssues(
  indicators: readonly Indicator[],
  catalogueVersion?: '2020' | '2021',
): FieldIssue[] {
  return [
    ...indicatorSetIssues(indicators),
    ...indicators.flatMap((indicator, index) => indicatorIssues(indicator, `indicators[${index}]`)),
    ...(catalogueVersion ? catalogueIssues(indicators, catalogueVersion) : []),
  ];
}

/** Problems of a goal's own fields (not its indicators). */
export function goalHeaderIssues({ fiscalYear, divisionCode, overallGoal, amountFen }: GoalHeader): FieldIssue[] {
  return [
    ...issueIf(
      !Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100,
      'fiscalYear',
      `预算年度 ${fiscalYear} 无效，应为 2000–2100 之间的年份`,
      `Fiscal year ${fiscalYear} must be a year from 2000 to 2100`,
    ),
    ...issueIf(
      !/^\d{6}$/.test(divisionCode),
      'divisionCode',
      `行政区划代码「${divisionCode}」应为 6 位数字，如 429006`,
      `Division code "${divisionCode}" must be 6 digits, e.g. 429006`,
    ),
    ...issueIf(
      isBlank(overallGoal),
      'overallGoal',
      '总体目标不能为空，请说明资金使用要达到的目标',
      'The overall goal is empty; state what the money is to achieve',
    ),
    ...moneyIssues(amountFen, 'amount', { zh: '资金金额', en: 'The amount' }, 'nonnegative'),
  ];
}

function categoryIssues({ level1, level2 }: Indicator, path: string): FieldIssue[] {
  const allowed: readonly string[] | undefined = INDICATOR_CATEGORIES[level1];
  if (!allowed)
    return issueIf(true, `${path}.level1`, `未知的一级指标「${level1}」`, `Unknown level-1 category ${level1}`);
  return issueIf(
    !allowed.includes(level2),
    `${path}.level2`,
    `二级指标「${level2}」不属于一级指标「${LEVEL1_LABELS[level1]}」，请从 ${allowed.join('、')} 中选择`,
    `Level-2 category ${level2} does not belong to ${level1}; choose one of ${allowed.join(', ')}`,
  );
}

function qualitativeIssues({ targetText, targetValue }: Indicator, path: string): FieldIssue[] {
  return [
    ...issueIf(
      isBlank(targetText),
      `${path}.targetText`,
      '定性指标须填写目标描述，如「明显改善」',
      'A qualitative indicator needs a target text, e.g. "clearly improved"',
    ),
    ...issueIf(
      targetValue !== null,
      `${path}.targetValue`,
      '定性指标不填数值目标，请清空目标值',
      'A qualitative indicator has no numeric target; clear it',
    ),
  ];
}

function numericIssues({ operator, targetText, targetValue, unit }: Indicator, path: string): FieldIssue[] {
  return [
    ...issueIf(
      !Number.isFinite(targetValue),
      `${path}.targetValue`,
      `运算符「${operator}」须填写数值目标值`,
      `Operator ${operator} needs a numeric target value`,
    ),
    ...issueIf(
      Number.isFinite(targetValue) && Math.abs(targetValue!) > TARGET_VALUE_LIMIT,
      `${path}.targetValue`,
      `目标值 ${targetValue} 超出合理范围（绝对值不超过 1 万亿）`,
      `Target value ${targetValue} is out of range (at most 10^12 either way)`,
    ),
    ...issueIf(
      Number.isFinite(targetValue) && PERCENT_UNITS.includes(unit.trim()) && (targetValue! < 0 || targetValue! > 100),
      `${path}.targetValue`,
      `计量单位为「%」的目标值应在 0–100 之间，${targetValue} 超出范围`,
      `A target in % lies from 0 to 100; ${targetValue} is out of range`,
    ),
    ...issueIf(
      targetText !== null,
      `${path}.targetText`,
      '定量指标不填目标描述，请清空或改为定性指标',
      'A numeric indicator has no target text; clear it or make the indicator QUALITATIVE',
    ),
    ...issueIf(
      isBlank(unit),
      `${path}.unit`,
      '定量指标须填写计量单位，如「%」「公里」',
      'A numeric indicator needs a unit, e.g. "%" or "km"',
    ),
  ];
}
