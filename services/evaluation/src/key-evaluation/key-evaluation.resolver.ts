import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { IllegalStateError, invalid, issueIf, type EvaluationDimension } from '@jixiao/events';
import { AgencyRowSchema, ProjectRowSchema, UnitRowSchema } from '@jixiao/projections';
import {
  execute,
  newRecordId,
  NO_ROWS,
  pageOf,
  PageInput,
  profileInForce,
  requireFiscalYear,
  requireUnit,
  RowScope,
  type RequestContext,
  type ServiceDeps,
  type UnitScope,
} from '@jixiao/service-kit';
import {
  keyEvaluationDecider,
  keyEvaluationStreamId,
  type Actor,
  type KeyEvaluationCommand,
} from './key-evaluation.decider';
import {
  AnswerEvaluationFeedbackInput,
  AssignKeyEvaluationInput,
  checkScoreDimensions,
  GiveEvaluationFeedbackInput,
  GiveEvaluationScoresInput,
  KeyEvaluationFilter,
  NotifyKeyEvaluationResultsInput,
  PlanKeyEvaluationInput,
  RecordEvaluationEvidenceInput,
  SubmitEvaluationReportInput,
} from './key-evaluation.input';
import { boardOf, findEvaluations, requireEvaluationRow, toKeyEvaluation } from './key-evaluation.read';
import { KeyEvaluation, KeyEvaluationBoard, KeyEvaluationPage } from './key-evaluation.type';
import type { Attachment } from './key-evaluation.work.rules';

/** `YYYY-MM-DD` in China's time (UTC+8). */
const chinaDay = (instant: Date): string => new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const actorOf = (ctx: RequestContext): Actor => ({ role: ctx.actor.role, unitId: ctx.actor.unitId });

/** 财政重点评价与部门评价: the plan, the evaluator's fieldwork, scores and reports, feedback, results. */
@Resolver()
export class KeyEvaluationResolver {
  constructor(private readonly deps: ServiceDeps) {}

  private today(): string {
    return chinaDay(this.deps.now?.() ?? new Date());
  }

  /** The files named, as the attachment store describes them; each must be one the caller's unit (or agency) uploaded. */
  private async filesOf(ids: readonly string[], ownerId: string | null, path: string): Promise<Attachment[]> {
    const attachments = this.deps.attachments;
    if (!attachments) {
      throw new IllegalStateError(
        { zh: '平台未配置附件存储，暂不能提交附件', en: 'The platform runs without an attachment store' },
        [{ path, zh: '附件存储不可用', en: 'The attachment store is not available' }],
      );
    }
    const found = new Map((await attachments.store.describe(ids)).map((a) => [a.attachmentId, a]));
    const issues = ids.flatMap((id, i) => [
      ...issueIf(
        !found.get(id) || found.get(id)!.unitId !== ownerId,
        `${path}[${i}]`,
        `附件 ${id} 不存在或不是本机构（单位）上传的，请重新上传`,
        `Attachment ${id} does not exist or was not uploaded by you; upload it again`,
      ),
      ...issueIf(ids.indexOf(id) < i, `${path}[${i}]`, `附件 ${id} 重复`, `Attachment ${id} is named twice`),
    ]);
    if (issues.length > 0) throw invalid(issues);
    return ids.map((id) => {
      const { attachmentId, name, sizeBytes, contentType, sha256 } = found.get(id)!;
      return { attachmentId, name, sizeBytes, contentType, sha256 };
    });
  }

  private limits() {
    return this.deps.attachments?.limits ?? { maxBytes: 0, contentTypes: [] };
  }

  private async run(
    ctx: RequestContext,
    evaluationId: string,
    command: KeyEvaluationCommand,
    input: object,
    scope: UnitScope,
  ) {
    await execute(this.deps, ctx, keyEvaluationStreamId(evaluationId), keyEvaluationDecider, command, input);
    return toKeyEvaluation(await requireEvaluationRow(this.deps.em(), evaluationId, scope));
  }

  @Mutation(() => KeyEvaluation, {
    description:
      '列入年度评价计划：对象、被评价单位、年度；维度分值取规则中的，可调整，但产出与效益合计不得低于规则下限 ' +
      '(Plan an evaluation; the split is the profile’s unless adjusted, and output + benefit must reach the profile’s minimum)',
  })
  async planKeyEvaluation(
    @Arg('input', { description: '命令参数 (command input)' }) input: PlanKeyEvaluationInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<KeyEvaluation> {
    const em = this.deps.em();
    requireFiscalYear(input.fiscalYear);
    const unit = await requireUnit(em, input.unitId, scope);
    const { ref, rules } = await profileInForce(em, unit.divisionCode, input.fiscalYear);
    const project = input.projectId ? await em.findOne(ProjectRowSchema, { projectId: input.projectId }) : null;
    const evaluationId = newRecordId(input.commandId);
    const command: KeyEvaluationCommand = {
      type: 'PlanKeyEvaluation',
      evaluationId,
      by: actorOf(ctx),
      kind: input.kind,
      object: input.object,
      unitId: unit.unitId,
      projectId: input.projectId ?? null,
      subject: input.subject,
      fiscalYear: input.fiscalYear,
      split: input.split ? { ...input.split } : null,
      context: {
        profile: {
          ref,
          split: rules.evaluation.keyEvaluationSplit,
          minOutputBenefitPercent: rules.evaluation.minOutputBenefitPercent,
        },
        project: project ? { unitId: project.unitId } : null,
      },
    };
    return this.run(ctx, evaluationId, command, input, scope);
  }

  @Mutation(() => KeyEvaluation, {
    description:
      '委托评价：机构须有该合同且在有效期内（委托范围即评价范围）；部门评价委托被评价单位的主管部门 ' +
      '(Assign an agency under a contract in force — the scope is the assignment — or, for a department evaluation, the department)',
  })
  async assignKeyEvaluation(
    @Arg('input', { description: '命令参数 (command input)' }) input: AssignKeyEvaluationInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<KeyEvaluation> {
    const em = this.deps.em();
    const row = await requireEvaluationRow(em, input.evaluationId, scope);
    const agency =
      row.kind === 'FINANCE_KEY' ? await em.findOne(AgencyRowSchema, { agencyId: input.evaluatorId }) : null;
    const unit = await em.findOne(UnitRowSchema, { unitId: row.unitId });
    const command: KeyEvaluationCommand = {
      type: 'AssignKeyEvaluation',
      evaluationId: row.evaluationId,
      by: actorOf(ctx),
      evaluatorId: input.evaluatorId,
      contractNumber: input.contractNumber ?? null,
      scope: input.scope,
      today: this.today(),
      context: {
        agency: agency && { contracts: agency.contracts },
        supervises: input.evaluatorId === row.unitId || (!!unit && unit.parentId === input.evaluatorId),
      },
    };
    return this.run(ctx, row.evaluationId, command, input, scope);
  }

  @Mutation(() => KeyEvaluation, {
    description:
      '记录评价证据：现场核查（地点）、资料收集（资料清单）、座谈会（参加人员）、问卷调查（发放、回收、满意度），可附已上传的文件；仅受托评价方 ' +
      '(Record evidence — site visit, documents, symposium, questionnaire — with uploaded files; the assigned evaluator only)',
  })
  async recordEvaluationEvidence(
    @Arg('input', { description: '命令参数 (command input)' }) input: RecordEvaluationEvidenceInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<KeyEvaluation> {
    const row = await requireEvaluationRow(this.deps.em(), input.evaluationId, scope);
    const actor = actorOf(ctx);
    const attachments =
      input.attachmentIds.length > 0 ? await this.filesOf(input.attachmentIds, actor.unitId, 'attachmentIds') : [];
    const command: KeyEvaluationCommand = {
      type: 'RecordEvaluationEvidence',
      evaluationId: row.evaluationId,
      evidenceId: newRecordId(input.commandId),
      actor,
      kind: input.kind,
      date: input.date,
      place: input.place ?? null,
      documents: input.documents,
      participants: input.participants,
      questionnaire: input.questionnaire ? { ...input.questionnaire } : null,
      note: input.note ?? null,
      attachments,
      today: this.today(),
      limits: this.limits(),
    };
    return this.run(ctx, row.evaluationId, command, input, scope);
  }

  @Mutation(() => KeyEvaluation, {
    description:
      '按维度和指标打分：得分不超过满分，一个维度各指标满分合计不超过该维度分值；同一指标再次打分覆盖前次 ' +
      '(Score indicators per dimension: points within the maximum, a dimension’s maxima within its share; a rescored indicator replaces the earlier score)',
  })
  async giveEvaluationScores(
    @Arg('input', { description: '命令参数 (command input)' }) input: GiveEvaluationScoresInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<KeyEvaluation> {
    const row = await requireEvaluationRow(this.deps.em(), input.evaluationId, scope);
    checkScoreDimensions(input);
    const command: KeyEvaluationCommand = {
      type: 'GiveEvaluationScores',
      evaluationId: row.evaluationId,
      actor: actorOf(ctx),
      scores: input.scores.map((s) => ({
        dimension: s.dimension as EvaluationDimension,
        indicator: s.indicator,
        points: s.points,
        maxPoints: s.maxPoints,
        reason: s.reason ?? null,
      })),
    };
    return this.run(ctx, row.evaluationId, command, input, scope);
  }

  @Mutation(() => KeyEvaluation, {
    description: '提交报告初稿（新版本，记录文件摘要）(Submit a draft report: a new version, the file’s hash recorded)',
  })
  async submitEvaluationDraftReport(
    @Arg('input', { description: '命令参数 (command input)' }) input: SubmitEvaluationReportInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<KeyEvaluation> {
    const row = await requireEvaluationRow(this.deps.em(), input.evaluationId, scope);
    const actor = actorOf(ctx);
    const [report] = await this.filesOf([input.attachmentId], actor.unitId, 'attachmentId');
    const command: KeyEvaluationCommand = {
      type: 'SubmitEvaluationDraftReport',
      evaluationId: row.evaluationId,
      actor,
      report: report!,
      summary: input.summary ?? null,
      limits: this.limits(),
    };
    return this.run(ctx, row.evaluationId, command, input, scope);
  }

  @Mutation(() => KeyEvaluation, {
    description:
      '对报告初稿提出意见：被评价单位提出本单位意见；评价方记录座谈会意见 ' +
      '(Feedback on the draft: the evaluated unit its own; the evaluator records a symposium’s opinions)',
  })
  async giveEvaluationFeedback(
    @Arg('input', { description: '命令参数 (command input)' }) input: GiveEvaluationFeedbackInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<KeyEvaluation> {
    const row = await requireEvaluationRow(this.deps.em(), input.evaluationId, scope);
    const command: KeyEvaluationCommand = {
      type: 'GiveEvaluationFeedback',
      evaluationId: row.evaluationId,
      feedbackId: newRecordId(input.commandId),
      actor: actorOf(ctx),
      source: input.source,
      text: input.text,
    };
    return this.run(ctx, row.evaluationId, command, input, scope);
  }

  @Mutation(() => KeyEvaluation, { description: '回复意见：是否采纳及理由 (Answer feedback: adopted or not, and why)' })
  async answerEvaluationFeedback(
    @Arg('input', { description: '命令参数 (command input)' }) input: AnswerEvaluationFeedbackInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<KeyEvaluation> {
    const row = await requireEvaluationRow(this.deps.em(), input.evaluationId, scope);
    const command: KeyEvaluationCommand = {
      type: 'AnswerEvaluationFeedback',
      evaluationId: row.evaluationId,
      feedbackId: input.feedbackId,
      actor: actorOf(ctx),
      adopted: input.adopted,
      answer: input.answer,
    };
    return this.run(ctx, row.evaluationId, command, input, scope);
  }

  @Mutation(() => KeyEvaluation, {
    description:
      '提交正式报告：得分与等级由服务器按规则计算；尚有意见未回复则拒绝 ' +
      '(Submit the final report: score and grade computed under the profile; refused while feedback is unanswered)',
  })
  async finalizeKeyEvaluation(
    @Arg('input', { description: '命令参数 (command input)' }) input: SubmitEvaluationReportInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<KeyEvaluation> {
    const em = this.deps.em();
    const row = await requireEvaluationRow(em, input.evaluationId, scope);
    const actor = actorOf(ctx);
    const [report] = await this.filesOf([input.attachmentId], actor.unitId, 'attachmentId');
    const unit = await em.findOne(UnitRowSchema, { unitId: row.unitId });
    const { ref, rules } = await profileInForce(em, unit?.divisionCode ?? '000000', row.fiscalYear);
    const command: KeyEvaluationCommand = {
      type: 'FinalizeKeyEvaluation',
      evaluationId: row.evaluationId,
      actor,
      report: report!,
      limits: this.limits(),
      profile: { ref, gradeBands: rules.gradeBands },
    };
    return this.run(ctx, row.evaluationId, command, input, scope);
  }

  @Mutation(() => KeyEvaluation, { description: '通知被评价单位评价结果 (Notify the evaluated unit of the results)' })
  async notifyKeyEvaluationResults(
    @Arg('input', { description: '命令参数 (command input)' }) input: NotifyKeyEvaluationResultsInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<KeyEvaluation> {
    const row = await requireEvaluationRow(this.deps.em(), input.evaluationId, scope);
    const command: KeyEvaluationCommand = {
      type: 'NotifyKeyEvaluationResults',
      evaluationId: row.evaluationId,
      note: input.note ?? null,
    };
    return this.run(ctx, row.evaluationId, command, input, scope);
  }

  @Query(() => KeyEvaluation, { description: '按标识查询重点评价 (A key evaluation by id)' })
  async keyEvaluation(
    @Arg('id', () => ID, { description: '评价标识 (evaluation id)' }) id: string,
    @RowScope() scope: UnitScope,
  ): Promise<KeyEvaluation> {
    return toKeyEvaluation(await requireEvaluationRow(this.deps.em(), id, scope));
  }

  @Query(() => KeyEvaluationPage, {
    description:
      '重点评价列表：按年度、阶段、评价机构、被评价单位筛选，最近列入计划者在前 (Key evaluations, newest first)',
  })
  async keyEvaluations(
    @Arg('filter', () => KeyEvaluationFilter, { nullable: true, description: '筛选条件 (filter)' })
    filter?: KeyEvaluationFilter,
    @Arg('page', () => PageInput, { nullable: true, description: '分页参数 (pagination)' }) page?: PageInput,
    @RowScope() scope: UnitScope = NO_ROWS,
  ): Promise<KeyEvaluationPage> {
    if (filter?.fiscalYear != null) requireFiscalYear(filter.fiscalYear, 'filter.fiscalYear');
    return findEvaluations(this.deps.em(), filter ?? {}, pageOf(page), scope);
  }

  @Query(() => KeyEvaluationBoard, {
    description:
      '年度评价计划看板：各阶段数量与每项评价在当前阶段的天数 (The year’s plan board: stage counts and days in stage)',
  })
  async keyEvaluationBoard(
    @Arg('fiscalYear', () => Int, { description: '被评价年度 (fiscal year)' }) fiscalYear: number,
  ): Promise<KeyEvaluationBoard> {
    requireFiscalYear(fiscalYear);
    return boardOf(this.deps.em(), fiscalYear, (this.deps.now?.() ?? new Date()).getTime());
  }
}
