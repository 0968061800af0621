import type { Fen } from '@jixiao/events';
import { MoneyScalar } from '@jixiao/service-kit';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ProcurementMethod } from './agency.enums';

@ObjectType({ description: '政府采购结果 (The procurement that bought the agency in)' })
export class AgencyProcurement {
  @Field(() => ProcurementMethod, { description: '采购方式 (method)' })
  method!: ProcurementMethod;

  @Field({ description: '结果公告日期 YYYY-MM-DD (announced on)' })
  announcedOn!: string;

  @Field({ description: '结果公告编号或地址 (result reference)' })
  resultRef!: string;
}

@ObjectType({ description: '委托合同 (A contract with the agency)' })
export class AgencyContract {
  @Field({ description: '合同编号 (contract number)' })
  contractNumber!: string;

  @Field({ description: '签订日期 YYYY-MM-DD (signed on)' })
  signedOn!: string;

  @Field({ description: '合同期限起 YYYY-MM-DD (period from)' })
  from!: string;

  @Field({ description: '合同期限止 YYYY-MM-DD (period to)' })
  to!: string;

  @Field({ description: '委托范围 (scope)' })
  scope!: string;

  @Field(() => MoneyScalar, { description: '合同金额（元）(amount, yuan)' })
  amount!: Fen;
}

@ObjectType({ description: '评价质量评定 (The bureau’s rating of one evaluation the agency carried out)' })
export class AgencyRating {
  @Field(() => ID, { description: '所评定的评价 (evaluation id)' })
  evaluationId!: string;

  @Field(() => Int, { description: '质量评分 0–100 (score)' })
  score!: number;

  @Field({ description: '评价意见 (comments)' })
  comments!: string;

  @Field({ description: '评定日期 YYYY-MM-DD (rated on)' })
  ratedOn!: string;
}

@ObjectType({ description: '第三方机构 (A third-party agency: qualification, procurement, contracts, ratings)' })
export class Agency {
  @Field(() => ID, {
    description: '机构标识；机构用户令牌中的单位即此标识 (agency id; an agency user’s token names it as its unit)',
  })
  id!: string;

  @Field({ description: '机构名称 (name)' })
  name!: string;

  @Field({ description: '统一社会信用代码 (unified social credit code)' })
  creditCode!: string;

  @Field({ description: '资质 (qualification)' })
  qualification!: string;

  @Field({ description: '行政区划代码 (division code)' })
  divisionCode!: string;

  @Field(() => AgencyProcurement, { nullable: true, description: '最近一次政府采购结果 (latest procurement result)' })
  procurement!: AgencyProcurement | null;

  @Field(() => [AgencyContract], { description: '委托合同，按签订顺序 (contracts, in the order signed)' })
  contracts!: AgencyContract[];

  @Field(() => [AgencyRating], { description: '评价质量评定 (quality ratings)' })
  ratings!: AgencyRating[];

  @Field(() => Int, { description: '评定次数 (how many ratings)' })
  ratingCount!: number;

  @Field(() => Float, { nullable: true, description: '平均质量评分，两位小数 (average score, two decimals)' })
  averageScore!: number | null;

  @Field({ description: '登记时间 (registered at, ISO)' })
  registeredAt!: string;
}

@ObjectType({ description: '第三方机构分页 (A page of agencies)' })
export class AgencyPage {
  @Field(() => [Agency], { description: '本页 (this page)' })
  nodes!: Agency[];

  @Field(() => Int, { description: '总数 (total)' })
  totalCount!: number;
}
