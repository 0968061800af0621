import { derivedId, invalid, issueIf } from '@jixiao/events';
import { GoalRowSchema, UnitRowSchema } from '@jixiao/projections';
import {
  execute,
  inScope,
  pageOf,
  PageInput,
  profileInForce,
  requireFiscalYear,
  RowScope,
  type RequestContext,
  type ServiceDeps,
  type UnitScope,
} from '@jixiao/service-kit';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import {
  evaluationNoticeDecider,
  noticeStreamId,
  type DrawSpotCheck,
  type IssueEvaluationNotice,
  type SelfEvaluationTask,
} from './notice.decider';
import {
  scoreSheet,
  selfEvaluationDecider,
  selfEvaluationStreamId,
  type SheetFigures,
  type SubmitSelfEvaluation,
} from './self-evaluation.decider';
import {
  DrawSpotCheckInput,
  IssueEvaluationNoticeInput,
  SelfEvaluationDecisionInput,
  SelfEvaluationFilter,
  SubmitSelfEvaluationInput,
} from './self-evaluation.input';
import {
  findNotice,
  findNoticeRow,
  findSelfEvaluation,
  findTaskRow,
  goalSheetOf,
  listSelfEvaluations,
  taskOf,
} from './self-evaluation.read';
import type { SelfEvaluationStatus } from './self-evaluation.enums';
import type { SheetLineInput } from './self-evaluation.rules';
import {
  EvaluationNotice,
  SelfEvaluation,
  SelfEvaluationPage,
  SelfEvaluationScorePreview,
} from './self-evaluation.type';

/** The day of an instant in China's time (UTC+8), `YYYY-MM-DD`. */
const chinaDay = (instant: Date): string => new Date(instant.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);

const linesOf = (input: SubmitSelfEvaluationInput): SheetLineInput[] =>
  input.indicators.map((i) => ({
    indicatorId: i.indicatorId,
    name: i.name ?? null,
    level1: i.level1 ?? null,
    operator: i.operator ?? null,
    target: i.target ?? null,
    points: i.points ?? null,
    actual: i.actual ?? null,
    qualitative: i.qualitative ? { level: i.qualitative.level, percent: i.qualitative.percent } : null,
    reason: i.reason ?? null,
    deviationCause: i.deviationCause ?? null,
    improvementMeasure: i.improvementMeasure ?? null,
  }));

const checkDivision = (divisionCode: string) => {
  const issues = issueIf(
    !/^\d{6}$/.test(divisionCode),
    'divisionCode',
    `行政区划代码「${divisionCode}」应为 6 位数字`,
    `The division code "${divisionCode}" must be 6 digits`,
  );
  if (issues.length > 0) throw invalid(issues);
};

/** 单位自评: the year's notice, the units' score sheets (scored, never typed), the department's review, the spot check. */
@Resolver()
export class SelfEvaluationResolver {
  constructor(private readonly deps: ServiceDeps) {}

  /** The sheet of a task as the scope reaches it, with the goal's indicators and the profile in force. */
  private async sheetOf(
    input: SubmitSelfEvaluationInput,
    scope: UnitScope,
  ): Promise<SheetFigures & { task: SelfEvaluationTask; divisionCode: string; fiscalYear: number; dueDate: string }> {
    const em = this.deps.em();
    const row = await findTaskRow(em, input.evaluationId, scope);
    const task = taskOf(row);
    const goal = task.object === 'PROJECT' ? await goalSheetOf(em, task.goalId) : null;
    const profile = await profileInForce(em, row.divisionCode, row.fiscalYear);
    return {
      task,
      divisionCode: row.divisionCode,
      fiscalYear: row.fiscalYear,
      dueDate: row.dueDate,
      goalIndicators: task.object === 'PROJECT' ? (goal?.indicators ?? null) : null,
      budgetFen: task.object === 'PROJECT' ? (goal?.budgetFen ?? 0) : ((input.budget ?? 0) as number),
      executedFen: input.executed as number,
      lines: linesOf(input),
      profile: {
        ref: profile.ref,
        weights: profile.rules.selfEvaluationWeights,
        bands: profile.rules.gradeBands,
      },
    };
  }

  @Mutation(() => EvaluationNotice, {
    description:
      '下达绩效自评通知：区划内每个一级、二级预算单位的整体支出及其已下达目标的项目各一项任务，规定截止日期 ' +
      '(Issue the self-evaluation notice: a task for every first- and second-level unit’s overall expenditure and each of its projects with an issued goal, due by a date)',
  })
  async issueEvaluationNotice(
    @Arg('input', { description: '命令参数 (command input)' }) input: IssueEvaluationNoticeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EvaluationNotice> {
    checkDivision(input.divisionCode);
    requireFiscalYear(input.fiscalYear);
    const em = this.deps.em();
    const { divisionCode, fiscalYear } = input;
    const profile = await profileInForce(em, divisionCode, fiscalYear);
    const units = await em.find(
      UnitRowSchema,
      { divisionCode, level: { $in: ['FIRST', 'SECOND'] } },
      { orderBy: { unitId: 'asc' } },
    );
    const goals = await em.find(
      GoalRowSchema,
      {
        divisionCode,
        fiscalYear,
        status: { $in: ['ISSUED', 'ADJUSTED'] },
        unitId: { $in: units.map((u) => u.unitId) },
      },
      { orderBy: { goalId: 'asc' } },
    );
    const tasks: SelfEvaluationTask[] = units.flatMap((unit) => {
      const departmentReview = unit.parentId !== null;
      const overall: SelfEvaluationTask = {
        evaluationId: derivedId(`jixiao.self-evaluation:${divisionCode}:${fiscalYear}:${unit.unitId}`),
        unitId: unit.unitId,
        object: 'DEPT_OVERALL',
        goalId: null,
        projectId: null,
        name: unit.name,
        departmentReview,
      };
      const projects = goals
        .filter((g) => g.unitId === unit.unitId)
        .map((g): SelfEvaluationTask => ({
          evaluationId: derivedId(`jixiao.self-evaluation:${fiscalYear}:goal:${g.goalId}`),
          unitId: unit.unitId,
          object: 'PROJECT',
          goalId: g.goalId,
          projectId: g.projectId,
          name: g.projectName,
          departmentReview,
        }));
      return [overall, ...projects];
    });
    const command: IssueEvaluationNotice = {
      type: 'IssueEvaluationNotice',
      divisionCode,
      fiscalYear,
      dueDate: input.dueDate,
      ruleProfile: profile.ref,
      tasks,
    };
    await execute(this.deps, ctx, noticeStreamId(divisionCode, fiscalYear), evaluationNoticeDecider, command, input);
    return (await findNotice(this.deps.em(), fiscalYear, divisionCode))!;
  }

  @Mutation(() => SelfEvaluation, {
    description:
      '填报（或退回后重新提交）单位自评：各指标实际完成值与全年执行数；得分、等级按规则配置计算，不可填写 ' +
      '(Submit — or resubmit after a return — a self-evaluation: actual values and the amount executed; the score and grade are computed under the rule profile, never typed)',
  })
  async submitSelfEvaluation(
    @Arg('input', { description: '命令参数 (command input)' }) input: SubmitSelfEvaluationInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<SelfEvaluation> {
    const sheet = await this.sheetOf(input, scope);
    const command: SubmitSelfEvaluation = {
      type: 'SubmitSelfEvaluation',
      evaluationId: input.evaluationId,
      today: chinaDay(this.deps.now?.() ?? new Date()),
      ...sheet,
    };
    await execute(this.deps, ctx, selfEvaluationStreamId(input.evaluationId), selfEvaluationDecider, command, input);
    return findSelfEvaluation(this.deps.em(), input.evaluationId, scope);
  }

  @Query(() => SelfEvaluationScorePreview, {
    description:
      '自评得分预览：与提交时同一计算，不记录；尚缺的评定理由、偏差原因、改进措施随得分列出，数值有误或不全时拒绝 ' +
      '(The score a draft sheet would get, computed as submission computes it, writing nothing; the explanations still owed are listed beside the score, and values that keep the sheet from being scored are refused)',
  })
  async previewSelfEvaluationScore(
    @Arg('input', { description: '自评草稿 (the draft sheet)' }) input: SubmitSelfEvaluationInput,
    @RowScope() scope: UnitScope,
  ): Promise<SelfEvaluationScorePreview> {
    const sheet = await this.sheetOf(input, scope);
    const { issues, definitions, score } = scoreSheet(sheet);
    if (!score) throw invalid(issues);
    return {
      issues,
      budgetExecution: score.budgetExecution,
      lines: score.lines.map((line, i) => {
        const input = sheet.lines[i]!;
        return {
          ...definitions[i]!,
          actual: definitions[i]!.operator === 'QUALITATIVE' ? null : input.actual,
          qualitative: definitions[i]!.operator === 'QUALITATIVE' ? input.qualitative : null,
          reason: input.reason,
          deviationCause: input.deviationCause,
          improvementMeasure: input.improvementMeasure,
          ...line,
        };
      }),
      parts: score.parts,
      total: score.total,
      grade: score.grade,
    };
  }

  @Mutation(() => SelfEvaluation, {
    description:
      '主管部门审核所属单位的自评：通过或退回（须附意见）(The department reviews its unit’s self-evaluation: accept, or return with comments)',
  })
  async reviewSelfEvaluation(
    @Arg('input', { description: '命令参数 (command input)' }) input: SelfEvaluationDecisionInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<SelfEvaluation> {
    return this.decide('ReviewSelfEvaluation', input, ctx, scope);
  }

  @Mutation(() => EvaluationNotice, {
    description:
      '抽取财政抽查样本：比例取规则配置，按种子可复现；未抽中的单位经主管部门审核即认定 ' +
      '(Draw the spot-check sample: the share is the rule profile’s, reproducible from the seed; units not drawn are accepted on their department’s review)',
  })
  async drawSpotCheck(
    @Arg('input', { description: '命令参数 (command input)' }) input: DrawSpotCheckInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EvaluationNotice> {
    checkDivision(input.divisionCode);
    requireFiscalYear(input.fiscalYear);
    const em = this.deps.em();
    const { divisionCode, fiscalYear } = input;
    await findNoticeRow(em, divisionCode, fiscalYear);
    const profile = await profileInForce(em, divisionCode, fiscalYear);
    const command: DrawSpotCheck = {
      type: 'DrawSpotCheck',
      divisionCode,
      fiscalYear,
      seed: input.seed ?? `${divisionCode}-${fiscalYear}`,
      percent: profile.rules.evaluation.spotCheckPercent,
      ruleProfile: profile.ref,
    };
    await execute(this.deps, ctx, noticeStreamId(divisionCode, fiscalYear), evaluationNoticeDecider, command, input);
    return (await findNotice(this.deps.em(), fiscalYear, divisionCode))!;
  }

  @Mutation(() => SelfEvaluation, {
    description:
      '财政抽查结论：认定或退回（须附意见）(The bureau’s spot check of a drawn unit’s self-evaluation: accept, or return with comments)',
  })
  async decideSpotCheck(
    @Arg('input', { description: '命令参数 (command input)' }) input: SelfEvaluationDecisionInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<SelfEvaluation> {
    return this.decide('DecideSpotCheck', input, ctx, scope);
  }

  /** The department's review or the bureau's spot check: one decision on an evaluation the caller reaches. */
  private async decide(
    type: 'ReviewSelfEvaluation' | 'DecideSpotCheck',
    input: SelfEvaluationDecisionInput,
    ctx: RequestContext,
    scope: UnitScope,
  ): Promise<SelfEvaluation> {
    await findTaskRow(this.deps.em(), input.evaluationId, scope);
    const command = { type, evaluationId: input.evaluationId, decision: input.decision, comment: input.comment };
    await execute(this.deps, ctx, selfEvaluationStreamId(input.evaluationId), selfEvaluationDecider, command, input);
    return findSelfEvaluation(this.deps.em(), input.evaluationId, scope);
  }

  @Query(() => SelfEvaluationPage, {
    description: '某年度的单位自评，按单位、状态筛选，分页 (A year’s self-evaluations by unit and status, paginated)',
  })
  async selfEvaluations(
    @Arg('filter', () => SelfEvaluationFilter, { description: '筛选 (filter)' }) filter: SelfEvaluationFilter,
    @RowScope() scope: UnitScope,
    @Arg('page', () => PageInput, { nullable: true, description: '分页参数 (pagination)' }) page?: PageInput,
  ): Promise<SelfEvaluationPage> {
    requireFiscalYear(filter.fiscalYear);
    if (filter.unitId && !inScope(scope, filter.unitId)) return { nodes: [], totalCount: 0 };
    return listSelfEvaluations(
      this.deps.em(),
      { fiscalYear: filter.fiscalYear, unitId: filter.unitId, status: filter.status as SelfEvaluationStatus | null },
      scope,
      pageOf(page),
    );
  }

  @Query(() => SelfEvaluation, {
    description:
      '单位自评及其评分表：每行的计算式与数字 (A self-evaluation with its score sheet: each line’s formula with its numbers)',
  })
  async selfEvaluation(
    @Arg('id', () => ID, { description: '标识 (id)' }) id: string,
    @RowScope() scope: UnitScope,
  ): Promise<SelfEvaluation> {
    return findSelfEvaluation(this.deps.em(), id, scope);
  }

  @Query(() => EvaluationNotice, {
    nullable: true,
    description: '某年度的绩效自评通知及抽查样本 (The self-evaluation notice of a year, with its draw)',
  })
  async evaluationNotice(
    @Arg('fiscalYear', () => Int, { description: '被评价的预算年度 (fiscal year evaluated)' }) fiscalYear: number,
    @Arg('divisionCode', () => String, { nullable: true, description: '行政区划代码 (division code)' })
    divisionCode?: string | null,
  ): Promise<EvaluationNotice | null> {
    requireFiscalYear(fiscalYear);
    return findNotice(this.deps.em(), fiscalYear, divisionCode);
  }
}
