import type { Fen } from '@jixiao/events';
import { COMMAND_ID_DESCRIPTION, MoneyScalar } from '@jixiao/service-kit';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DisbursementFact, DisbursementOutcome, DisbursementStatus } from './disbursement.enums';

const EXPECTED_VERSION = '读取时的版本；不一致则拒绝 (the version you read; refused if it changed since)';

@InputType({ description: '提交拨款申请 (Submit a disbursement request)' })
export class SubmitDisbursementRequestInput {
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;

  @Field(() => ID, { description: '预算单位 (budget unit id)' })
  unitId!: string;

  @Field(() => ID, { description: '项目 (project id)' })
  projectId!: string;

  @Field(() => ID, { description: '项目本年度的绩效目标 (the project’s goal of the year)' })
  goalId!: string;

  @Field(() => Int, { description: '预算年度 (fiscal year)' })
  fiscalYear!: number;

  @Field(() => MoneyScalar, { description: '申请金额（元）(amount, yuan)' })
  amount!: Fen;

  @Field({ description: '资金用途 (purpose)' })
  purpose!: string;

  @Field({ description: '支付批次，如「2023年第3批」(payment batch)' })
  batch!: string;

  @Field(() => [ID], {
    description: '已上传的依据文件（审批表等）的附件标识 (ids of the uploaded documents: approval form and others)',
  })
  attachmentIds!: string[];
}

@InputType({ description: '暂缓后修改重新提交 (Correct a held request and submit it again)' })
export class ResubmitDisbursementRequestInput {
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION })
  expectedVersion?: number | null;

  @Field(() => ID, { description: '申请标识 (request id)' })
  requestId!: string;

  @Field(() => MoneyScalar, { description: '申请金额（元）(amount, yuan)' })
  amount!: Fen;

  @Field({ description: '资金用途 (purpose)' })
  purpose!: string;

  @Field({ description: '支付批次 (payment batch)' })
  batch!: string;

  @Field(() => [ID], { description: '依据文件的附件标识 (ids of the uploaded documents)' })
  attachmentIds!: string[];
}

@InputType({ description: '对预填事实的更正 (A correction of a pre-filled fact)' })
export class DisbursementOverrideInput {
  @Field(() => DisbursementFact, { description: '更正的事实 (the fact)' })
  fact!: DisbursementFact;

  @Field(() => String, {
    nullable: true,
    description:
      '更正后的值：goalSet/inGoalManagement 为 true/false，executionRate 为百分比如 "58.33"，latestLikelihood 为 ON_TRACK/AT_RISK/IMPOSSIBLE；空表示无 ' +
      '(the value signed: true/false, a percent such as "58.33", or a likelihood; null for none)',
  })
  signed?: string | null;

  @Field({ description: '更正理由 (reason)' })
  reason!: string;
}

@InputType({ description: '签署绩效审核意见 (Sign the performance opinion on a request)' })
export class SignDisbursementOpinionInput {
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION })
  expectedVersion?: number | null;

  @Field(() => ID, { description: '申请标识 (request id)' })
  requestId!: string;

  @Field(() => DisbursementOutcome, { description: '结论 (outcome)' })
  outcome!: DisbursementOutcome;

  @Field(() => [DisbursementOverrideInput], {
    defaultValue: [],
    description: '对预填事实的更正，各附理由 (corrections of the facts, each with its reason)',
  })
  overrides!: DisbursementOverrideInput[];

  @Field(() => [String], { defaultValue: [], description: '暂缓理由，暂缓时必填 (reasons; required to hold)' })
  reasons!: string[];

  @Field(() => String, { nullable: true, description: '审核意见 (comment)' })
  comment?: string | null;
}

@InputType({ description: '拨款申请筛选条件 (Filter of disbursement requests)' })
export class DisbursementRequestFilter {
  @Field(() => Int, { nullable: true, description: '预算年度 (fiscal year)' })
  fiscalYear?: number | null;

  @Field(() => ID, { nullable: true, description: '预算单位 (budget unit id)' })
  unitId?: string | null;

  @Field(() => DisbursementStatus, { nullable: true, description: '状态 (status)' })
  status?: DisbursementStatus | null;

  @Field(() => ID, { nullable: true, description: '项目 (project id)' })
  projectId?: string | null;
}
