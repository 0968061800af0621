import { EVALUATION_DIMENSIONS, invalid, issueIf } from '@jixiao/events';
import { COMMAND_ID_DESCRIPTION } from '@jixiao/service-kit';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import {
  EvidenceKind,
  FeedbackSource,
  KeyEvaluationKind,
  KeyEvaluationObject,
  KeyEvaluationStage,
} from './key-evaluation.enums';

const EVALUATION = '评价标识 (evaluation id)';
const EXPECTED_VERSION = '读取时的版本；不一致则拒绝 (the version you read; refused if it changed since)';
const DIMENSION = '一级维度：DECISION、PROCESS、OUTPUT、BENEFIT (dimension)';

@InputType({ description: '调整后的维度分值，合计 100 (An adjusted split of the 100 points)' })
export class KeyEvaluationSplitInput {
  @Field(() => Float, { description: '决策 (decision)' })
  DECISION!: number;

  @Field(() => Float, { description: '过程 (process)' })
  PROCESS!: number;

  @Field(() => Float, { description: '产出 (output)' })
  OUTPUT!: number;

  @Field(() => Float, { description: '效益 (benefit)' })
  BENEFIT!: number;
}

@InputType({ description: '列入年度评价计划 (Put an evaluation on the year’s plan)' })
export class PlanKeyEvaluationInput {
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;

  @Field(() => KeyEvaluationKind, { description: '类型 (kind)' })
  kind!: KeyEvaluationKind;

  @Field(() => KeyEvaluationObject, { description: '评价对象类型 (object)' })
  object!: KeyEvaluationObject;

  @Field(() => ID, { description: '被评价单位 (evaluated unit id)' })
  unitId!: string;

  @Field(() => ID, { nullable: true, description: '项目（项目评价必填）(project id; project evaluations)' })
  projectId?: string | null;

  @Field({ description: '项目、政策或部门名称 (subject)' })
  subject!: string;

  @Field(() => Int, { description: '被评价年度 (fiscal year)' })
  fiscalYear!: number;

  @Field(() => KeyEvaluationSplitInput, {
    nullable: true,
    description: '调整后的维度分值；不填用规则中的 (adjusted split; the profile’s when absent)',
  })
  split?: KeyEvaluationSplitInput | null;
}

@InputType({ description: '委托评价 (Assign the evaluator)' })
export class AssignKeyEvaluationInput {
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION })
  expectedVersion?: number | null;

  @Field(() => ID, { description: EVALUATION })
  evaluationId!: string;

  @Field(() => ID, {
    description: '评价机构；部门评价为主管部门单位 (agency id; the department’s unit id for a department evaluation)',
  })
  evaluatorId!: string;

  @Field(() => String, { nullable: true, description: '委托合同编号（机构必填）(contract number; agencies)' })
  contractNumber?: string | null;

  @Field({ description: '委托范围 (scope)' })
  scope!: string;
}

@InputType({ description: '问卷调查 (Questionnaire figures)' })
export class KeyEvaluationQuestionnaireInput {
  @Field(() => Int, { description: '发放份数 (sent)' })
  sent!: number;

  @Field(() => Int, { description: '回收份数 (returned)' })
  returned!: number;

  @Field(() => Float, { description: '满意度（%）(satisfaction, percent)' })
  satisfactionPercent!: number;
}

@InputType({ description: '记录评价证据 (Record fieldwork evidence)' })
export class RecordEvaluationEvidenceInput {
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;

  @Field(() => ID, { description: EVALUATION })
  evaluationId!: string;

  @Field(() => EvidenceKind, { description: '类型 (kind)' })
  kind!: EvidenceKind;

  @Field({ description: '日期 YYYY-MM-DD (date)' })
  date!: string;

  @Field(() => String, { nullable: true, description: '地点（现场核查）(place; site visits)' })
  place?: string | null;

  @Field(() => [String], { defaultValue: [], description: '收集的资料（资料收集）(documents; DOCUMENTS)' })
  documents!: string[];

  @Field(() => [String], { defaultValue: [], description: '参加人员（座谈会）(participants; SYMPOSIUM)' })
  participants!: string[];

  @Field(() => KeyEvaluationQuestionnaireInput, {
    nullable: true,
    description: '问卷（问卷调查）(questionnaire; QUESTIONNAIRE)',
  })
  questionnaire?: KeyEvaluationQuestionnaireInput | null;

  @Field(() => String, { nullable: true, description: '说明 (note)' })
  note?: string | null;

  @Field(() => [ID], { defaultValue: [], description: '已上传附件的标识 (ids of uploaded attachments)' })
  attachmentIds!: string[];
}

@InputType({ description: '一个指标的得分 (One indicator’s score)' })
export class KeyEvaluationScoreInput {
  @Field({ description: DIMENSION })
  dimension!: string;

  @Field({ description: '指标 (indicator)' })
  indicator!: string;

  @Field(() => Float, { description: '得分 (points)' })
  points!: number;

  @Field(() => Float, { description: '满分 (maximum)' })
  maxPoints!: number;

  @Field(() => String, { nullable: true, description: '扣分理由 (reason)' })
  reason?: string | null;
}

@InputType({ description: '打分 (Give scores)' })
export class GiveEvaluationScoresInput {
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;

  @Field(() => ID, { description: EVALUATION })
  evaluationId!: string;

  @Field(() => [KeyEvaluationScoreInput], {
    description: '指标得分；同一指标再次打分覆盖前次 (scores; a later score of an indicator replaces the earlier)',
  })
  scores!: KeyEvaluationScoreInput[];
}

/** Every score names one of the framework's dimensions (the evaluator's sheet and an expert's alike). */
export function checkScoreDimensions(input: GiveEvaluationScoresInput): void {
  const issues = input.scores.flatMap((s, i) =>
    issueIf(
      !(EVALUATION_DIMENSIONS as readonly string[]).includes(s.dimension),
      `scores[${i}].dimension`,
      `维度「${s.dimension}」无效，应为 ${EVALUATION_DIMENSIONS.join('、')}`,
      `Unknown dimension "${s.dimension}"; one of ${EVALUATION_DIMENSIONS.join(', ')}`,
    ),
  );
  if (issues.length > 0) throw invalid(issues);
}

@InputType({ description: '提交报告（初稿或正式）(Submit a report file)' })
export class SubmitEvaluationReportInput {
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;

  @Field(() => ID, { description: EVALUATION })
  evaluationId!: string;

  @Field(() => ID, { description: '报告文件的附件标识 (attachment id of the report file)' })
  attachmentId!: string;

  @Field(() => String, { nullable: true, description: '修改说明 (summary; drafts)' })
  summary?: string | null;
}

@InputType({ description: '对报告初稿提出意见 (Give feedback on the draft)' })
export class GiveEvaluationFeedbackInput {
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;

  @Field(() => ID, { description: EVALUATION })
  evaluationId!: string;

  @Field(() => FeedbackSource, {
    defaultValue: 'UNIT',
    description: '来源：UNIT 被评价单位，SYMPOSIUM 座谈会（评价方记录）(source)',
  })
  source!: FeedbackSource;

  @Field({ description: '意见 (text)' })
  text!: string;
}

@InputType({ description: '回复意见 (Answer feedback)' })
export class AnswerEvaluationFeedbackInput {
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;

  @Field(() => ID, { description: EVALUATION })
  evaluationId!: string;

  @Field(() => ID, { description: '意见标识 (feedback id)' })
  feedbackId!: string;

  @Field({ description: '是否采纳 (adopted)' })
  adopted!: boolean;

  @Field({ description: '回复 (answer)' })
  answer!: string;
}

@InputType({ description: '邀请或撤回评分专家 (Invite an expert to score, or withdraw the invitation)' })
export class KeyEvaluationExpertInput {
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;

  @Field(() => ID, { description: EVALUATION })
  evaluationId!: string;

  @Field(() => ID, { description: '专家用户标识 (the expert’s user id)' })
  userId!: string;

  @Field({ description: '理由，记入审计轨迹 (reason, kept in the audit trail)' })
  reason!: string;
}

@InputType({ description: '通知评价结果 (Notify the results)' })
export class NotifyKeyEvaluationResultsInput {
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;

  @Field(() => ID, { description: EVALUATION })
  evaluationId!: string;

  @Field(() => String, { nullable: true, description: '通知说明 (note)' })
  note?: string | null;
}

@InputType({ description: '重点评价筛选条件 (Filter of key evaluations)' })
export class KeyEvaluationFilter {
  @Field(() => Int, { nullable: true, description: '被评价年度 (fiscal year)' })
  fiscalYear?: number | null;

  @Field(() => KeyEvaluationStage, { nullable: true, description: '阶段 (stage)' })
  stage?: KeyEvaluationStage | null;

  @Field(() => ID, { nullable: true, description: '评价机构 (agency or evaluator id)' })
  evaluatorId?: string | null;

  @Field(() => ID, { nullable: true, description: '被评价单位 (unit id)' })
  unitId?: string | null;
}
