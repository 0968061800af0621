import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import {
  EvidenceKind,
  FeedbackSource,
  KeyEvaluationKind,
  KeyEvaluationObject,
  KeyEvaluationStage,
} from './key-evaluation.enums';

const DIMENSION = '一级维度：DECISION 决策、PROCESS 过程、OUTPUT 产出、BENEFIT 效益 (dimension)';
const GRADE = '等级：EXCELLENT 优、GOOD 良、FAIR 中、POOR 差 (grade)';

@ObjectType({ description: '评价附件：文件在附件存储中，此处记录其标识与摘要 (A file; it is in the attachment store)' })
export class KeyEvaluationFile {
  @Field(() => ID, { description: '附件标识 (attachment id)' })
  attachmentId!: string;

  @Field({ description: '文件名 (file name)' })
  name!: string;

  @Field(() => Int, { description: '大小（字节）(size in bytes)' })
  sizeBytes!: number;

  @Field({ description: '文件类型 (content type)' })
  contentType!: string;

  @Field({ description: 'SHA-256 摘要 (SHA-256 digest, hex)' })
  sha256!: string;
}

@ObjectType({ description: '一级维度分值 (A dimension’s share of the 100 points)' })
export class KeyEvaluationDimensionShare {
  @Field({ description: DIMENSION })
  dimension!: string;

  @Field(() => Float, { description: '分值 (points)' })
  points!: number;
}

@ObjectType({ description: '问卷调查 (A questionnaire: sent, returned, satisfaction)' })
export class KeyEvaluationQuestionnaire {
  @Field(() => Int, { description: '发放份数 (sent)' })
  sent!: number;

  @Field(() => Int, { description: '回收份数 (returned)' })
  returned!: number;

  @Field(() => Float, { description: '满意度（%）(satisfaction rate, percent)' })
  satisfactionPercent!: number;
}

@ObjectType({ description: '评价证据 (Fieldwork evidence)' })
export class KeyEvaluationEvidence {
  @Field(() => ID, { description: '证据标识 (evidence id)' })
  id!: string;

  @Field(() => EvidenceKind, { description: '类型 (kind)' })
  kind!: EvidenceKind;

  @Field({ description: '日期 YYYY-MM-DD (date)' })
  date!: string;

  @Field(() => String, { nullable: true, description: '现场核查地点 (place of a site visit)' })
  place!: string | null;

  @Field(() => [String], { description: '收集的资料 (documents collected)' })
  documents!: string[];

  @Field(() => [String], { description: '座谈会参加人员 (symposium participants)' })
  participants!: string[];

  @Field(() => KeyEvaluationQuestionnaire, { nullable: true, description: '问卷调查 (questionnaire)' })
  questionnaire!: KeyEvaluationQuestionnaire | null;

  @Field(() => String, { nullable: true, description: '说明 (note)' })
  note!: string | null;

  @Field(() => [KeyEvaluationFile], { description: '附件 (attachments)' })
  attachments!: KeyEvaluationFile[];

  @Field({ description: '记录时间 (recorded at, ISO-8601)' })
  recordedAt!: string;
}

@ObjectType({ description: '指标得分 (An indicator’s latest score)' })
export class KeyEvaluationScore {
  @Field({ description: DIMENSION })
  dimension!: string;

  @Field({ description: '指标 (indicator)' })
  indicator!: string;

  @Field(() => Float, { description: '得分 (points)' })
  points!: number;

  @Field(() => Float, { description: '满分 (maximum)' })
  maxPoints!: number;

  @Field(() => String, { nullable: true, description: '扣分理由 (reason)' })
  reason!: string | null;
}

@ObjectType({
  description:
    '受邀专家的指标评分，与评价方评分并列，不计入最终得分 (An invited expert’s latest score of an indicator; beside the evaluator’s, not in the total)',
})
export class KeyEvaluationExpertScore {
  @Field(() => ID, { description: '专家用户标识 (expert’s user id)' })
  expertId!: string;

  @Field({ description: DIMENSION })
  dimension!: string;

  @Field({ description: '指标 (indicator)' })
  indicator!: string;

  @Field(() => Float, { description: '得分 (points)' })
  points!: number;

  @Field(() => Float, { description: '满分 (maximum)' })
  maxPoints!: number;

  @Field(() => String, { nullable: true, description: '扣分理由 (reason)' })
  reason!: string | null;

  @Field({ description: '评分时间 (scored at, ISO-8601)' })
  scoredAt!: string;
}

@ObjectType({ description: '报告初稿的一个版本 (A version of the draft report)' })
export class KeyEvaluationReportVersion {
  @Field(() => Int, { description: '版本号 (version)' })
  version!: number;

  @Field(() => KeyEvaluationFile, { description: '报告文件，含摘要 (the report file with its hash)' })
  report!: KeyEvaluationFile;

  @Field(() => String, { nullable: true, description: '修改说明 (summary)' })
  summary!: string | null;

  @Field({ description: '提交时间 (submitted at, ISO-8601)' })
  submittedAt!: string;
}

@ObjectType({ description: '意见回复 (The evaluator’s answer to feedback)' })
export class KeyEvaluationFeedbackAnswer {
  @Field({ description: '是否采纳 (adopted)' })
  adopted!: boolean;

  @Field({ description: '回复 (answer)' })
  text!: string;

  @Field({ description: '回复时间 (answered at, ISO-8601)' })
  answeredAt!: string;
}

@ObjectType({ description: '对报告初稿的意见 (Feedback on a draft)' })
export class KeyEvaluationFeedback {
  @Field(() => ID, { description: '意见标识 (feedback id)' })
  id!: string;

  @Field(() => FeedbackSource, { description: '来源 (source)' })
  source!: FeedbackSource;

  @Field(() => Int, { description: '针对的初稿版本 (draft version)' })
  onVersion!: number;

  @Field({ description: '意见 (text)' })
  text!: string;

  @Field({ description: '提出时间 (given at, ISO-8601)' })
  givenAt!: string;

  @Field(() => KeyEvaluationFeedbackAnswer, {
    nullable: true,
    description: '回复；未回复为空 (answer; null until answered)',
  })
  answer!: KeyEvaluationFeedbackAnswer | null;
}

@ObjectType({ description: '维度得分 (A dimension’s points in the final report)' })
export class KeyEvaluationDimensionResult {
  @Field({ description: DIMENSION })
  dimension!: string;

  @Field(() => Float, { description: '分值 (maximum)' })
  maxPoints!: number;

  @Field(() => Float, { description: '得分 (awarded)' })
  awarded!: number;
}

@ObjectType({ description: '正式报告 (The final report: score and grade computed under the profile)' })
export class KeyEvaluationFinalReport {
  @Field(() => KeyEvaluationFile, { description: '报告文件 (the report file)' })
  report!: KeyEvaluationFile;

  @Field(() => [KeyEvaluationDimensionResult], { description: '各维度得分 (per dimension)' })
  dimensions!: KeyEvaluationDimensionResult[];

  @Field(() => Float, { description: '总分 (total)' })
  total!: number;

  @Field({ description: GRADE })
  grade!: string;

  @Field({ description: '评定所用规则 (the rule profile, id@version)' })
  ruleProfile!: string;

  @Field({ description: '提交时间 (finalized at, ISO-8601)' })
  finalizedAt!: string;
}

@ObjectType({ description: '重点评价或部门评价 (A key or department evaluation)' })
export class KeyEvaluation {
  @Field(() => ID, { description: '评价标识 (evaluation id)' })
  id!: string;

  @Field(() => KeyEvaluationKind, { description: '类型 (kind)' })
  kind!: KeyEvaluationKind;

  @Field(() => KeyEvaluationObject, { description: '评价对象类型 (object)' })
  object!: KeyEvaluationObject;

  @Field(() => ID, { description: '被评价单位 (evaluated unit id)' })
  unitId!: string;

  @Field(() => ID, { nullable: true, description: '项目 (project id; project evaluations)' })
  projectId!: string | null;

  @Field({ description: '评价对象名称 (subject)' })
  subject!: string;

  @Field(() => Int, { description: '被评价年度 (fiscal year)' })
  fiscalYear!: number;

  @Field(() => [KeyEvaluationDimensionShare], { description: '维度分值 (the split in force)' })
  split!: KeyEvaluationDimensionShare[];

  @Field(() => KeyEvaluationStage, { description: '阶段 (stage)' })
  stage!: KeyEvaluationStage;

  @Field({ description: '进入当前阶段的时间 (entered the stage at, ISO-8601)' })
  stageEnteredAt!: string;

  @Field(() => ID, {
    nullable: true,
    description: '评价机构（部门评价为主管部门单位）(evaluator: agency or department unit)',
  })
  evaluatorId!: string | null;

  @Field(() => String, { nullable: true, description: '委托合同编号 (contract number)' })
  contractNumber!: string | null;

  @Field(() => String, { nullable: true, description: '委托范围 (scope of the assignment)' })
  assignmentScope!: string | null;

  @Field(() => [KeyEvaluationEvidence], { description: '评价证据 (evidence)' })
  evidence!: KeyEvaluationEvidence[];

  @Field(() => [KeyEvaluationScore], { description: '指标得分 (scores)' })
  scores!: KeyEvaluationScore[];

  @Field(() => [KeyEvaluationExpertScore], {
    description:
      '受邀专家评分，供参考，最终得分仍为评价方的 (invited experts’ scores, for reference; the final score stays the evaluator’s)',
  })
  expertScores!: KeyEvaluationExpertScore[];

  @Field(() => [KeyEvaluationReportVersion], { description: '报告初稿各版本 (draft versions)' })
  reports!: KeyEvaluationReportVersion[];

  @Field(() => [KeyEvaluationFeedback], { description: '意见与回复 (feedback and answers)' })
  feedback!: KeyEvaluationFeedback[];

  @Field(() => Int, { description: '未回复的意见数 (feedback not answered)' })
  openFeedback!: number;

  @Field(() => KeyEvaluationFinalReport, { nullable: true, description: '正式报告 (final report)' })
  final!: KeyEvaluationFinalReport | null;

  @Field(() => String, { nullable: true, description: '结果通知时间 (results notified at)' })
  notifiedAt!: string | null;

  @Field(() => Int, { description: '事件流版本 (stream version)' })
  version!: number;
}

@ObjectType({ description: '重点评价分页结果 (A page of key evaluations)' })
export class KeyEvaluationPage {
  @Field(() => [KeyEvaluation], { description: '本页评价 (evaluations on this page)' })
  nodes!: KeyEvaluation[];

  @Field(() => Int, { description: '符合条件的总数 (total matching)' })
  totalCount!: number;
}

@ObjectType({ description: '计划看板的一项 (An evaluation on the plan board)' })
export class KeyEvaluationBoardItem {
  @Field(() => KeyEvaluation, { description: '评价 (the evaluation)' })
  evaluation!: KeyEvaluation;

  @Field(() => Int, { description: '在当前阶段的天数 (days in its stage)' })
  daysInStage!: number;
}

@ObjectType({ description: '阶段计数 (Evaluations in one stage)' })
export class KeyEvaluationStageCount {
  @Field(() => KeyEvaluationStage, { description: '阶段 (stage)' })
  stage!: KeyEvaluationStage;

  @Field(() => Int, { description: '数量 (count)' })
  count!: number;
}

@ObjectType({ description: '年度评价计划看板 (The year’s plan board: stage counts and days in stage)' })
export class KeyEvaluationBoard {
  @Field(() => Int, { description: '被评价年度 (fiscal year)' })
  fiscalYear!: number;

  @Field(() => [KeyEvaluationStageCount], {
    description: '各阶段数量，按流程顺序 (count per stage, in lifecycle order)',
  })
  stages!: KeyEvaluationStageCount[];

  @Field(() => [KeyEvaluationBoardItem], {
    description: '各项评价，停留最久者在前 (evaluations, longest in stage first)',
  })
  items!: KeyEvaluationBoardItem[];
}
