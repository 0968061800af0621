import {
  invalid,
  MAX_GOAL_RESUBMISSION_DAYS,
  PRE_ASSESSMENT_DIMENSIONS,
  type Decider,
  type EventOf,
  type FieldIssue,
  type RuleProfileRef,
  type RuleProfilePublished as RuleProfilePublishedDef,
  type RuleSet,
  issueIf,
  isBlank,
  splitIssues,
} from '@jixiao/events';

export type RuleProfilePublished = EventOf<typeof RuleProfilePublishedDef>;

/** 发布规则配置 — a new version of a division's profile for one fiscal year. */
export interface PublishRuleProfile {
  type: 'PublishRuleProfile';
  divisionCode: string;
  fiscalYear: number;
  name: string;
  /** The profile in force when the change was made; the new rules are that profile with the changes applied. */
  basedOn: RuleProfileRef;
  rules: RuleSet;
  reason: string;
}

export interface RuleProfileState {
  version: number;
}

/** `ruleprofile-<division>-<year>`; the profile id is `<division>-<year>`. */
export const ruleProfileId = (divisionCode: string, fiscalYear: number): string => `${divisionCode}-${fiscalYear}`;
export const ruleProfileStreamId = (divisionCode: string, fiscalYear: number): string =>
  `ruleprofile-${ruleProfileId(divisionCode, fiscalYear)}`;

const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;

const percentOutside = (value: number): boolean => !Number.isFinite(value) || value < 0 || value > 100;

/**
 * A profile must add up: dimension maxima and self-evaluation weights to 100, grade bands descending, percentages
 * within 0–100, and the key-evaluation split to 100 with output + benefit carrying at least the profile's minimum.
 */
export function ruleSetIssues(rules: RuleSet): FieldIssue[] {
  const dims = sum(PRE_ASSESSMENT_DIMENSIONS.map((d) => rules.preAssessment.dimensionMaxPoints[d]));
  const weights = sum(Object.values(rules.selfEvaluationWeights));
  const { EXCELLENT, GOOD, FAIR } = rules.gradeBands;
  const { evaluation } = rules;
  return [
    ...issueIf(
      dims !== 100,
      'dimensionMaxPoints',
      `五个维度满分合计应为 100，现为 ${dims}`,
      `Dimension maxima must add up to 100, not ${dims}`,
    ),
    ...issueIf(
      rules.preAssessment.passMark > dims,
      'passMark',
      `通过分数线 ${rules.preAssessment.passMark} 超过满分 ${dims}`,
      `The pass mark ${rules.preAssessment.passMark} is above the maximum ${dims}`,
    ),
    ...issueIf(
      weights !== 100,
      'selfEvaluationWeights',
      `自评权重合计应为 100，现为 ${weights}`,
      `Self-evaluation weights must add up to 100, not ${weights}`,
    ),
    ...issueIf(
      !Number.isInteger(rules.goalResubmissionDays) ||
        rules.goalResubmissionDays < 1 ||
        rules.goalResubmissionDays > MAX_GOAL_RESUBMISSION_DAYS,
      'goalResubmissionDays',
      `重新提交期限应为 1 至 ${MAX_GOAL_RESUBMISSION_DAYS} 的整数天，现为 ${rules.goalResubmissionDays}`,
      `The resubmission period must be a whole number of days from 1 to ${MAX_GOAL_RESUBMISSION_DAYS}, not ${rules.goalResubmissionDays}`,
    ),
    ...issueIf(
      !Number.isFinite(rules.monitoring.executionTolerancePoints) ||
        rules.monitoring.executionTolerancePoints < 0 ||
        rules.monitoring.executionTolerancePoints > 100,
      'executionTolerancePoints',
      `执行进度容差应为 0 至 100 个百分点，现为 ${rules.monitoring.executionTolerancePoints}`,
      `The execution-rate tolerance must be from 0 to 100 percentage points, not ${rules.monitoring.executionTolerancePoints}`,
    ),
    ...issueIf(
      percentOutside(evaluation.spotCheckPercent),
      'spotCheckPercent',
      `财政抽查比例应为 0 至 100，现为 ${evaluation.spotCheckPercent}`,
      `The spot-check share must be from 0 to 100 percent, not ${evaluation.spotCheckPercent}`,
    ),
    ...issueIf(
      percentOutside(evaluation.minOutputBenefitPercent),
      'minOutputBenefitPercent',
      `产出与效益合计最低比例应为 0 至 100，现为 ${evaluation.minOutputBenefitPercent}`,
      `The least share of output and benefit must be from 0 to 100 percent, not ${evaluation.minOutputBenefitPercent}`,
    ),
    ...splitIssues(evaluation.keyEvaluationSplit, evaluation.minOutputBenefitPercent, 'keyEvaluationSplit'),
    ...issueIf(
      !(EXCELLENT > GOOD && GOOD > FAIR),
      'gradeBands',
      `等级分数线应递减：优 ${EXCELLENT} > 良 ${GOOD} > 中 ${FAIR}`,
      `Grade bands must descend: EXCELLENT ${EXCELLENT} > GOOD ${GOOD} > FAIR ${FAIR}`,
    ),
  ];
}

/** A rule profile (stream category `ruleprofile`): each publication is a new version. */
export const ruleProfileDecider: Decider<PublishRuleProfile, RuleProfilePublished, RuleProfileState> = {
  initialState: () => ({ version: 0 }),
  evolve: (_state, event) => ({ version: event.data.version }),
  decide(command, state) {
    const issues = [
      ...ruleSetIssues(command.rules),
      ...issueIf(isBlank(command.name), 'name', '请填写配置名称', 'Name the profile'),
      ...issueIf(isBlank(command.reason), 'reason', '请说明调整理由', 'Say why the rules change'),
      ...issueIf(
        !/^\d{6}$/.test(command.divisionCode),
        'divisionCode',
        '行政区划代码应为 6 位数字',
        'The division code must be 6 digits',
      ),
    ];
    if (issues.length > 0) throw invalid(issues);
    const { divisionCode, fiscalYear, name, basedOn, rules, reason } = command;
    const profileId = ruleProfileId(divisionCode, fiscalYear);
    const data = { profileId, divisionCode, fiscalYear, name, version: state.version + 1, basedOn, rules, reason };
    return [{ type: 'RuleProfilePublished', data }];
  },
};
