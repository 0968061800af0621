import type { Fen } from '@jixiao/events';
import { COMMAND_ID_DESCRIPTION, MoneyScalar } from '@jixiao/service-kit';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ProcurementMethod } from './agency.enums';

@InputType({ description: '登记第三方机构 (Register a third-party agency)' })
export class RegisterAgencyInput {
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;

  @Field({ description: '机构名称 (name)' })
  name!: string;

  @Field({ description: '统一社会信用代码，18 位 (unified social credit code, 18 characters)' })
  creditCode!: string;

  @Field({ description: '资质，如「会计师事务所执业证书」(qualification)' })
  qualification!: string;

  @Field({ description: '行政区划代码，如 429006 (division code)' })
  divisionCode!: string;
}

@InputType({ description: '公告政府采购结果 (Record the announced procurement result)' })
export class AnnounceAgencyProcurementInput {
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;

  @Field(() => ID, { description: '第三方机构 (agency id)' })
  agencyId!: string;

  @Field(() => ProcurementMethod, { description: '采购方式 (method)' })
  method!: ProcurementMethod;

  @Field({ description: '结果公告日期 YYYY-MM-DD (announced on)' })
  announcedOn!: string;

  @Field({ description: '结果公告编号或地址 (result reference)' })
  resultRef!: string;
}

@InputType({ description: '签订委托合同 (Record a contract signed with the agency)' })
export class SignAgencyContractInput {
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;

  @Field(() => ID, { description: '第三方机构 (agency id)' })
  agencyId!: string;

  @Field({ description: '合同编号，同一机构内唯一 (contract number, unique per agency)' })
  contractNumber!: string;

  @Field({ description: '签订日期 YYYY-MM-DD (signed on)' })
  signedOn!: string;

  @Field({ description: '合同期限起 YYYY-MM-DD (period from)' })
  from!: string;

  @Field({ description: '合同期限止 YYYY-MM-DD，不早于起始日期 (period to, not before from)' })
  to!: string;

  @Field({ description: '委托范围 (scope)' })
  scope!: string;

  @Field(() => MoneyScalar, { description: '合同金额（元）(amount, yuan)' })
  amount!: Fen;
}

@InputType({ description: '评定机构评价质量 (Rate the agency’s work on one evaluation)' })
export class RateAgencyInput {
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;

  @Field(() => ID, { description: '第三方机构 (agency id)' })
  agencyId!: string;

  @Field(() => ID, { description: '机构开展的重点评价 (the key evaluation it carried out)' })
  evaluationId!: string;

  @Field(() => Int, { description: '质量评分 0–100 (score)' })
  score!: number;

  @Field({ description: '评价意见 (comments)' })
  comments!: string;
}

@InputType({ description: '第三方机构筛选 (Agency filter)' })
export class AgencyFilter {
  @Field(() => String, { nullable: true, description: '名称包含 (name contains)' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: '资质包含 (qualification contains)' })
  qualification?: string | null;

  @Field(() => String, { nullable: true, description: '行政区划代码 (division code)' })
  divisionCode?: string | null;
}
