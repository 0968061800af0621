import type { Fen } from '@jixiao/events';
import { MoneyScalar } from '@jixiao/service-kit';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DisbursementFact, DisbursementOutcome, DisbursementStatus } from './disbursement.enums';

@ObjectType({ description: '拨款依据文件 (A document attached to a request; the file is in the attachment store)' })
export class DisbursementDocument {
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

@ObjectType({
  description:
    '审核意见表的事实：由读模型预填，签署时如实记录 (The opinion form’s facts, pre-filled from the read models)',
})
export class DisbursementFacts {
  @Field({ description: '是否设定绩效目标 (a performance goal is set)' })
  goalSet!: boolean;

  @Field(() => String, {
    nullable: true,
    description: '目标状态（GoalStatus 的值）；无目标为空 (the goal’s status, a GoalStatus value; null without a goal)',
  })
  goalStatus!: string | null;

  @Field({ description: '是否纳入目标管理：目标已批复或下达 (under goal management: approved or issued)' })
  inGoalManagement!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      '预算执行率（%，两位小数）：已同意拨付金额 / 已安排预算；尚无拨付时取最近一次监控填报；均无为空 ' +
      '(budget execution rate in percent: cleared / allocated; before any, the latest monitoring report’s; else null)',
  })
  executionRate!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      '最近一次监控中最差的完成可能性（ON_TRACK/AT_RISK/IMPOSSIBLE）；未监控为空 (the latest report’s worst likelihood; null before any)',
  })
  latestLikelihood!: string | null;

  @Field({ description: '是否有未解除的停止拨款决定 (a stop-funding decision in force)' })
  stopFunding!: boolean;

  @Field(() => Int, { description: '本项目此前被暂缓的次数 (opinions that held a request of the project before)' })
  heldBefore!: number;
}

@ObjectType({ description: '签署人对事实的更正 (A fact the signer corrected, with why)' })
export class DisbursementOverride {
  @Field(() => DisbursementFact, { description: '更正的事实 (the fact)' })
  fact!: DisbursementFact;

  @Field(() => String, {
    nullable: true,
    description: '系统显示的值（布尔值为 true/false）(the value shown; booleans as true/false)',
  })
  shown!: string | null;

  @Field(() => String, { nullable: true, description: '签署的值 (the value signed)' })
  signed!: string | null;

  @Field({ description: '更正理由 (reason)' })
  reason!: string;
}

@ObjectType({ description: '绩效审核意见 (The performance section’s opinion on a request)' })
export class DisbursementOpinion {
  @Field(() => DisbursementOutcome, { description: '结论 (outcome)' })
  outcome!: DisbursementOutcome;

  @Field(() => [String], { description: '暂缓理由 (reasons for holding; none when cleared)' })
  reasons!: string[];

  @Field(() => String, { nullable: true, description: '审核意见 (comment)' })
  comment!: string | null;

  @Field(() => DisbursementFacts, { description: '签署时显示的事实 (the facts as shown when signed)' })
  shown!: DisbursementFacts;

  @Field(() => [DisbursementOverride], { description: '对事实的更正 (corrections of the facts)' })
  overrides!: DisbursementOverride[];

  @Field(() => Int, { description: '针对第几次提交 (the submission it is on)' })
  submission!: number;

  @Field({ description: '签署人 (signer’s user id)' })
  signerId!: string;

  @Field({ description: '签署时间 (signed at, ISO-8601)' })
  signedAt!: string;
}

@ObjectType({ description: '拨款申请 (A disbursement request: a unit asks to pay out project money)' })
export class DisbursementRequest {
  @Field(() => ID, { description: '申请标识 (request id)' })
  id!: string;

  @Field(() => ID, { description: '预算单位 (budget unit id)' })
  unitId!: string;

  @Field(() => ID, { description: '项目 (project id)' })
  projectId!: string;

  @Field(() => ID, { description: '绩效目标 (goal id)' })
  goalId!: string;

  @Field(() => Int, { description: '预算年度 (fiscal year)' })
  fiscalYear!: number;

  @Field(() => MoneyScalar, { name: 'amount', description: '申请金额（元）(amount, yuan)' })
  amountFen!: Fen;

  @Field({ description: '资金用途 (purpose)' })
  purpose!: string;

  @Field({ description: '支付批次 (payment batch)' })
  batch!: string;

  @Field(() => [DisbursementDocument], { description: '本次提交的依据文件 (documents of the latest submission)' })
  documents!: DisbursementDocument[];

  @Field(() => Int, { description: '历次提交共收到的文件数 (documents received over every submission)' })
  documentsReceived!: number;

  @Field(() => DisbursementStatus, { description: '状态 (status)' })
  status!: DisbursementStatus;

  @Field(() => Int, { description: '第几次提交 (submission: 1, then 2 after one correction …)' })
  submission!: number;

  @Field({ description: '首次提交时间 (first submitted at, ISO-8601)' })
  firstSubmittedAt!: string;

  @Field({ description: '最近提交时间 (last submitted at, ISO-8601)' })
  lastSubmittedAt!: string;

  @Field(() => String, { nullable: true, description: '最近审核时间 (decided at, ISO-8601)' })
  decidedAt!: string | null;

  @Field(() => DisbursementOpinion, { nullable: true, description: '最近一次审核意见 (the latest opinion)' })
  opinion!: DisbursementOpinion | null;

  @Field(() => Int, { description: '事件流版本 (stream version)' })
  version!: number;
}

@ObjectType({ description: '拨款申请分页结果 (A page of disbursement requests)' })
export class DisbursementRequestPage {
  @Field(() => [DisbursementRequest], { description: '本页申请 (requests on this page)' })
  nodes!: DisbursementRequest[];

  @Field(() => Int, { description: '符合条件的总数 (total matching)' })
  totalCount!: number;
}

@ObjectType({ description: '待审核的拨款申请 (A request in the section’s queue)' })
export class DisbursementQueueItem {
  @Field(() => DisbursementRequest, { description: '申请 (the request)' })
  request!: DisbursementRequest;

  @Field(() => Int, { description: '已等待天数（自最近提交起）(days waiting since last submitted)' })
  daysWaiting!: number;
}

@ObjectType({ description: '待审核队列分页结果，最早提交者在前 (A page of the queue, oldest first)' })
export class DisbursementQueuePage {
  @Field(() => [DisbursementQueueItem], { description: '本页 (items on this page)' })
  nodes!: DisbursementQueueItem[];

  @Field(() => Int, { description: '待审核总数 (requests waiting)' })
  totalCount!: number;
}

@ObjectType({ description: '审核意见表：申请与此刻预填的事实 (The opinion form: the request and the facts now)' })
export class DisbursementOpinionForm {
  @Field(() => DisbursementRequest, { description: '申请 (the request)' })
  request!: DisbursementRequest;

  @Field(() => DisbursementFacts, {
    description: '此刻的事实，签署时以服务器重新计算的为准 (the facts now; recomputed at signing)',
  })
  facts!: DisbursementFacts;

  @Field(() => MoneyScalar, { name: 'allocated', description: '项目已安排预算（元）(budget allocated to the project)' })
  allocatedFen!: Fen;

  @Field(() => MoneyScalar, { name: 'cleared', description: '项目已同意拨付（元）(cleared for the project so far)' })
  clearedFen!: Fen;

  @Field(() => MoneyScalar, {
    name: 'otherOpen',
    description: '本项目其他待审核申请金额（元）(amounts of the project’s other requests waiting)',
  })
  otherOpenFen!: Fen;
}

@ObjectType({ description: '拨款申请统计 (Disbursement figures of a set of requests)' })
export class DisbursementTally {
  @Field(() => Int, { description: '申请笔数 (requests)' })
  requests!: number;

  @Field(() => MoneyScalar, { name: 'amount', description: '申请金额（元）(amount asked, yuan)' })
  amountFen!: Fen;

  @Field(() => Int, { description: '同意拨付笔数 (cleared)' })
  cleared!: number;

  @Field(() => MoneyScalar, { name: 'clearedAmount', description: '同意拨付金额（元）(amount cleared)' })
  clearedAmountFen!: Fen;

  @Field(() => Int, { description: '暂缓笔数 (held now)' })
  held!: number;

  @Field(() => MoneyScalar, { name: 'heldAmount', description: '暂缓金额（元）(amount held now)' })
  heldAmountFen!: Fen;

  @Field(() => Int, { description: '待审核笔数 (waiting)' })
  waiting!: number;

  @Field(() => Int, { description: '收到的文件数 (documents received)' })
  documentsReceived!: number;
}

@ObjectType({
  description:
    '拨款申请统计及预算执行率（合计或某单位）(Figures with the projects’ allocation and execution rate: in total or of a unit)',
})
export class DisbursementExecutionTally extends DisbursementTally {
  @Field(() => MoneyScalar, {
    name: 'allocated',
    description: '本年度项目已安排预算（元）(budget allocated to the projects of the year)',
  })
  allocatedFen!: Fen;

  @Field(() => MoneyScalar, {
    name: 'executed',
    description: '这些项目累计同意拨付（元）(cleared for those projects through the review so far)',
  })
  executedFen!: Fen;

  @Field(() => String, {
    nullable: true,
    description:
      '预算执行率 = 同意拨付 ÷ 已安排预算，百分数两位小数如 "58.33"；未安排预算时为空 (execution rate, percent text; null when nothing is allocated)',
  })
  executionRate!: string | null;
}

@ObjectType({ description: '某单位的拨款统计 (A unit’s figures)' })
export class DisbursementUnitTally extends DisbursementExecutionTally {
  @Field(() => ID, { description: '预算单位 (budget unit id)' })
  unitId!: string;
}

@ObjectType({ description: '某月的拨款统计（按首次提交月份）(A month’s figures, by month first submitted)' })
export class DisbursementMonthTally extends DisbursementTally {
  @Field(() => Int, { description: '月份 1–12 (month)' })
  month!: number;
}

@ObjectType({ description: '年度拨款审核统计：合计、分单位、分月 (The year’s figures: in total, per unit, per month)' })
export class DisbursementFigures {
  @Field(() => Int, { description: '预算年度 (fiscal year)' })
  fiscalYear!: number;

  @Field(() => DisbursementExecutionTally, { description: '合计 (in total)' })
  total!: DisbursementExecutionTally;

  @Field(() => [DisbursementUnitTally], { description: '分单位 (per unit)' })
  byUnit!: DisbursementUnitTally[];

  @Field(() => [DisbursementMonthTally], { description: '分月 (per month)' })
  byMonth!: DisbursementMonthTally[];
}
