import {
  execute,
  newRecordId,
  pageOf,
  PageInput,
  RowScope,
  type RequestContext,
  type ServiceDeps,
  type UnitScope,
} from '@jixiao/service-kit';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import {
  agencyDecider,
  agencyStreamId,
  type AnnounceAgencyProcurement,
  type RateAgency,
  type RegisterAgency,
  type SignAgencyContract,
} from './agency.decider';
import {
  AgencyFilter,
  AnnounceAgencyProcurementInput,
  RateAgencyInput,
  RegisterAgencyInput,
  SignAgencyContractInput,
} from './agency.input';
import { creditCodeHolder, findAgencyRow, listAgencies, ratedEvaluationFacts, toAgency } from './agency.read';
import { Agency, AgencyPage } from './agency.type';

/** The day of an instant in China's time (UTC+8, no daylight saving), `YYYY-MM-DD`. */
const chinaDay = (instant: Date): string => new Date(instant.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);

/** 第三方机构: the directory of agencies the bureau buys in — registration, procurement, contracts, quality ratings. */
@Resolver()
export class AgencyResolver {
  constructor(private readonly deps: ServiceDeps) {}

  private async answer(agencyId: string, scope: UnitScope): Promise<Agency> {
    return toAgency(await findAgencyRow(this.deps.em(), agencyId, scope));
  }

  @Mutation(() => Agency, {
    description:
      '登记第三方机构：名称、统一社会信用代码、资质、行政区划 ' +
      '(Register a third-party agency: name, unified social credit code, qualification, division)',
  })
  async registerAgency(
    @Arg('input', { description: '命令参数 (command input)' }) input: RegisterAgencyInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<Agency> {
    const agencyId = newRecordId(input.commandId);
    const command: RegisterAgency = {
      type: 'RegisterAgency',
      agencyId,
      name: input.name,
      creditCode: input.creditCode.trim(),
      qualification: input.qualification,
      divisionCode: input.divisionCode,
      creditCodeHolder: await creditCodeHolder(this.deps.em(), input.creditCode.trim()),
    };
    await execute(this.deps, ctx, agencyStreamId(agencyId), agencyDecider, command, input);
    return this.answer(agencyId, scope);
  }

  @Mutation(() => Agency, {
    description:
      '记录政府采购结果公告：采购方式、公告日期、公告编号 (Record the procurement result announced: method, day, reference)',
  })
  async announceAgencyProcurement(
    @Arg('input', { description: '命令参数 (command input)' }) input: AnnounceAgencyProcurementInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<Agency> {
    await findAgencyRow(this.deps.em(), input.agencyId, scope);
    const command: AnnounceAgencyProcurement = {
      type: 'AnnounceAgencyProcurement',
      agencyId: input.agencyId,
      method: input.method,
      announcedOn: input.announcedOn,
      resultRef: input.resultRef,
    };
    await execute(this.deps, ctx, agencyStreamId(input.agencyId), agencyDecider, command, input);
    return this.answer(input.agencyId, scope);
  }

  @Mutation(() => Agency, {
    description:
      '记录委托合同：编号（同一机构内唯一）、签订日期、期限、委托范围、金额；须在采购结果公告之后 ' +
      '(Record a contract: number unique per agency, signing day, period, scope, amount; after the procurement result)',
  })
  async signAgencyContract(
    @Arg('input', { description: '命令参数 (command input)' }) input: SignAgencyContractInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<Agency> {
    await findAgencyRow(this.deps.em(), input.agencyId, scope);
    const command: SignAgencyContract = {
      type: 'SignAgencyContract',
      agencyId: input.agencyId,
      contractNumber: input.contractNumber,
      signedOn: input.signedOn,
      from: input.from,
      to: input.to,
      scope: input.scope,
      amountFen: input.amount,
    };
    await execute(this.deps, ctx, agencyStreamId(input.agencyId), agencyDecider, command, input);
    return this.answer(input.agencyId, scope);
  }

  @Mutation(() => Agency, {
    description:
      '评定机构在一次重点评价中的工作质量：委托该机构且已形成正式报告的评价，0–100 分并附意见，每次评价只评定一次 ' +
      '(Rate the agency’s work on a key evaluation assigned to it whose final report is in: 0–100 with comments, once per evaluation)',
  })
  async rateAgency(
    @Arg('input', { description: '命令参数 (command input)' }) input: RateAgencyInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<Agency> {
    await findAgencyRow(this.deps.em(), input.agencyId, scope);
    const command: RateAgency = {
      type: 'RateAgency',
      agencyId: input.agencyId,
      evaluationId: input.evaluationId,
      score: input.score,
      comments: input.comments,
      ratedOn: chinaDay(this.deps.now?.() ?? new Date()),
      evaluation: await ratedEvaluationFacts(this.deps.em(), input.evaluationId),
    };
    await execute(this.deps, ctx, agencyStreamId(input.agencyId), agencyDecider, command, input);
    return this.answer(input.agencyId, scope);
  }

  @Query(() => AgencyPage, {
    description:
      '第三方机构名录，按名称、资质、区划筛选；机构用户只见本机构 ' +
      '(The agency directory by name, qualification and division; an agency user sees its own only)',
  })
  async agencies(
    @RowScope() scope: UnitScope,
    @Arg('filter', () => AgencyFilter, { nullable: true, description: '筛选 (filter)' }) filter?: AgencyFilter,
    @Arg('page', () => PageInput, { nullable: true, description: '分页参数 (pagination)' }) page?: PageInput,
  ): Promise<AgencyPage> {
    return listAgencies(this.deps.em(), filter ?? {}, scope, pageOf(page));
  }

  @Query(() => Agency, { description: '第三方机构详情 (One agency: procurement, contracts, ratings)' })
  async agency(
    @Arg('id', () => ID, { description: '机构标识 (agency id)' }) id: string,
    @RowScope() scope: UnitScope,
  ): Promise<Agency> {
    return this.answer(id, scope);
  }
}
