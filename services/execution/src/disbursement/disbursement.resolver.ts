import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { IllegalStateError, invalid, issueIf } from '@jixiao/events';
import {
  execute,
  newRecordId,
  NO_ROWS,
  pageOf,
  PageInput,
  requireUnit,
  RowScope,
  type RequestContext,
  type ServiceDeps,
  type UnitScope,
  requireFiscalYear,
} from '@jixiao/service-kit';
import {
  disbursementDecider,
  disbursementStreamId,
  type DisbursementCommand,
  type DisbursementFacts,
  type SignDisbursementOpinion,
} from './disbursement.decider';
import { signedValue } from './disbursement.overrides';
import {
  DisbursementRequestFilter,
  ResubmitDisbursementRequestInput,
  SignDisbursementOpinionInput,
  SubmitDisbursementRequestInput,
} from './disbursement.input';
import {
  availableOf,
  disbursementFigures,
  factsOf,
  findQueue,
  findRequest,
  findRequests,
  goalOf,
  opinionFormOf,
  requireRequestRow,
  standingOf,
} from './disbursement.read';
import {
  DisbursementFigures,
  DisbursementOpinionForm,
  DisbursementQueuePage,
  DisbursementRequest,
  DisbursementRequestPage,
} from './disbursement.type';

type Attachment = Extract<DisbursementCommand, { type: 'SubmitDisbursementRequest' }>['documents'][number];

/** 拨款审核: a unit's requests with their documents, the performance section's opinion with the facts it was shown. */
@Resolver()
export class DisbursementResolver {
  constructor(private readonly deps: ServiceDeps) {}

  /**
   * The documents named by attachment ids, as the attachment store describes them: an id the store
   * does not know, or a file another unit uploaded, is refused at `documents[i]`.
   */
  private async documentsOf(attachmentIds: readonly string[], unitId: string): Promise<Attachment[]> {
    const attachments = this.deps.attachments;
    if (!attachments) {
      throw new IllegalStateError(
        {
          zh: '平台未配置附件存储，暂不能提交带附件的拨款申请',
          en: 'The platform runs without an attachment store: requests with documents cannot be submitted',
        },
        [{ path: 'documents', zh: '附件存储不可用', en: 'The attachment store is not available' }],
      );
    }
    const found = new Map((await attachments.store.describe(attachmentIds)).map((a) => [a.attachmentId, a]));
    const issues = attachmentIds.flatMap((id, i) => {
      const stored = found.get(id);
      return [
        ...issueIf(
          !stored || stored.unitId !== unitId,
          `documents[${i}]`,
          `附件 ${id} 不存在或不是本单位上传的，请重新上传`,
          `Attachment ${id} does not exist or was not uploaded by your unit; upload it again`,
        ),
        ...issueIf(
          attachmentIds.indexOf(id) < i,
          `documents[${i}]`,
          `附件 ${id} 重复，每个文件附一次`,
          `Attachment ${id} is named twice; attach each file once`,
        ),
      ];
    });
    if (issues.length > 0) throw invalid(issues);
    return attachmentIds.map((id) => {
      const { attachmentId, name, sizeBytes, contentType, sha256 } = found.get(id)!;
      return { attachmentId, name, sizeBytes, contentType, sha256 };
    });
  }

  private limits() {
    return this.deps.attachments!.limits;
  }

  @Mutation(() => DisbursementRequest, {
    description:
      '提交拨款申请：项目、绩效目标、金额、用途、支付批次与已上传的依据文件；金额不得超过已安排未拨付的预算 ' +
      '(Submit a disbursement request: project, goal, amount, purpose, batch and uploaded documents; at most what is allocated and not yet paid)',
  })
  async submitDisbursementRequest(
    @Arg('input', { description: '命令参数 (command input)' }) input: SubmitDisbursementRequestInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<DisbursementRequest> {
    const em = this.deps.em();
    const unit = await requireUnit(em, input.unitId, scope);
    requireFiscalYear(input.fiscalYear);
    const documents = await this.documentsOf(input.attachmentIds, unit.unitId);
    const goal = await goalOf(em, input.goalId);
    // another unit's goal reads as none; its project's money is not told either
    const own = goal !== null && goal.unitId === unit.unitId;
    const ownProject = own && goal.projectId === input.projectId && goal.fiscalYear === input.fiscalYear;
    const availableFen = ownProject ? availableOf(await standingOf(em, input.projectId)) : Number.MAX_SAFE_INTEGER;
    const requestId = newRecordId(input.commandId);
    const command: DisbursementCommand = {
      type: 'SubmitDisbursementRequest',
      requestId,
      unitId: unit.unitId,
      projectId: input.projectId,
      goalId: input.goalId,
      fiscalYear: input.fiscalYear,
      amountFen: input.amount,
      purpose: input.purpose,
      batch: input.batch,
      documents,
      context: {
        goal: own ? { unitId: goal.unitId, projectId: goal.projectId ?? '', fiscalYear: goal.fiscalYear } : null,
        availableFen,
        limits: this.limits(),
      },
    };
    await execute(this.deps, ctx, disbursementStreamId(requestId), disbursementDecider, command, input);
    return findRequest(this.deps.em(), requestId, scope);
  }

  @Mutation(() => DisbursementRequest, {
    description: '修改被暂缓的拨款申请并重新提交 (Correct a held request and submit it again; only a HELD one)',
  })
  async resubmitDisbursementRequest(
    @Arg('input', { description: '命令参数 (command input)' }) input: ResubmitDisbursementRequestInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<DisbursementRequest> {
    const em = this.deps.em();
    const row = await requireRequestRow(em, input.requestId, scope);
    const documents = await this.documentsOf(input.attachmentIds, row.unitId);
    const standing = await standingOf(em, row.projectId);
    const command: DisbursementCommand = {
      type: 'ResubmitDisbursementRequest',
      requestId: row.requestId,
      amountFen: input.amount,
      purpose: input.purpose,
      batch: input.batch,
      documents,
      context: {
        availableFen: availableOf(standing, row.status === 'REQUESTED' ? row.amountFen : 0),
        limits: this.limits(),
      },
    };
    await execute(this.deps, ctx, disbursementStreamId(row.requestId), disbursementDecider, command, input);
    return findRequest(this.deps.em(), row.requestId, scope);
  }

  @Query(() => DisbursementOpinionForm, {
    description:
      '审核意见表：申请及此刻由读模型预填的事实（目标是否设定、是否纳入目标管理、执行率、最近监控、停止拨款、此前暂缓） ' +
      '(The opinion form: the request and the facts now — goal set, in goal management, execution rate, latest monitoring, stop funding, earlier holds)',
  })
  async disbursementOpinionForm(
    @Arg('requestId', () => ID, { description: '申请标识 (request id)' }) requestId: string,
    @RowScope() scope: UnitScope,
  ): Promise<DisbursementOpinionForm> {
    const em = this.deps.em();
    return opinionFormOf(em, await requireRequestRow(em, requestId, scope));
  }

  @Mutation(() => DisbursementRequest, {
    description:
      '签署绩效审核意见：同意拨付或暂缓（附理由）；事实以签署时服务器重新计算的为准并如实记录，更正事实须说明理由 ' +
      '(Sign the opinion: CLEARED or HELD with reasons; the facts are recomputed by the server at signing and recorded as shown; correcting one needs a reason)',
  })
  async signDisbursementOpinion(
    @Arg('input', { description: '命令参数 (command input)' }) input: SignDisbursementOpinionInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<DisbursementRequest> {
    const em = this.deps.em();
    const row = await requireRequestRow(em, input.requestId, scope);
    const signed = input.overrides.map((o, i) => signedValue(o, i));
    const issues = signed.flatMap((s) => s.issues);
    if (issues.length > 0) throw invalid(issues);
    const { facts } = await factsOf(em, row);
    const command: SignDisbursementOpinion = {
      type: 'SignDisbursementOpinion',
      requestId: row.requestId,
      outcome: input.outcome,
      shown: facts satisfies DisbursementFacts,
      overrides: input.overrides.map((o, i) => ({ fact: o.fact, signed: signed[i]!.value, reason: o.reason })),
      reasons: input.reasons,
      comment: input.comment ?? null,
    };
    await execute(this.deps, ctx, disbursementStreamId(row.requestId), disbursementDecider, command, input);
    return findRequest(this.deps.em(), row.requestId, scope);
  }

  @Query(() => DisbursementRequest, { description: '按标识查询拨款申请 (A disbursement request by id)' })
  async disbursementRequest(
    @Arg('id', () => ID, { description: '申请标识 (request id)' }) id: string,
    @RowScope() scope: UnitScope,
  ): Promise<DisbursementRequest> {
    return findRequest(this.deps.em(), id, scope);
  }

  @Query(() => DisbursementRequestPage, {
    description: '拨款申请列表：按年度、单位、状态、项目筛选，最近提交者在前 (Disbursement requests, newest first)',
  })
  async disbursementRequests(
    @Arg('filter', () => DisbursementRequestFilter, { nullable: true, description: '筛选条件 (filter)' })
    filter?: DisbursementRequestFilter,
    @Arg('page', () => PageInput, { nullable: true, description: '分页参数 (pagination)' }) page?: PageInput,
    @RowScope() scope: UnitScope = NO_ROWS,
  ): Promise<DisbursementRequestPage> {
    if (filter?.fiscalYear != null) requireFiscalYear(filter.fiscalYear, 'filter.fiscalYear');
    return findRequests(this.deps.em(), filter ?? {}, pageOf(page), scope);
  }

  @Query(() => DisbursementQueuePage, {
    description:
      '绩效科待审核的拨款申请，等待最久者在前，含已等待天数 (The section’s queue: oldest first, with days waiting)',
  })
  async disbursementQueue(
    @Arg('page', () => PageInput, { nullable: true, description: '分页参数 (pagination)' }) page?: PageInput,
  ): Promise<DisbursementQueuePage> {
    // days waiting by the platform's clock (a test's fake one), else now
    return findQueue(this.deps.em(), pageOf(page), (this.deps.now?.() ?? new Date()).getTime());
  }

  @Query(() => DisbursementFigures, {
    description:
      '年度拨款审核统计：申请笔数与金额、同意拨付与暂缓的笔数和金额、收到的文件数，合计、分单位、分月 ' +
      '(The year’s figures: requests and amounts, cleared and held, documents received — in total, per unit and per month)',
  })
  async disbursementFigures(
    @Arg('fiscalYear', () => Int, { description: '预算年度 (fiscal year)' }) fiscalYear: number,
    @Arg('unitId', () => ID, { nullable: true, description: '预算单位，不填为全部 (budget unit; all when absent)' })
    unitId?: string,
    @RowScope() scope: UnitScope = NO_ROWS,
  ): Promise<DisbursementFigures> {
    requireFiscalYear(fiscalYear);
    return disbursementFigures(this.deps.em(), fiscalYear, scope, unitId);
  }
}
