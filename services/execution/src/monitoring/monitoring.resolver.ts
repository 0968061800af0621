import { randomUUID } from 'node:crypto';
import { invalid, issueIf } from '@jixiao/events';
import {
  execute,
  inScope,
  newRecordId,
  pageOf,
  PageInput,
  profileInForce,
  RowScope,
  type RequestContext,
  type ServiceDeps,
  type UnitScope,
  requireFiscalYear,
} from '@jixiao/service-kit';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import {
  chinaDay,
  monitoringReportDecider,
  monitoringRoundDecider,
  reportStreamId,
  roundStreamId,
  type DecideMonitoringCorrection,
  type FileMonitoringReport,
  type LiftFundingStop,
  type OpenMonitoringRound,
} from './monitoring.decider';
import type { MonitoringWarningKind, MonitoringWarningSeverity } from './monitoring.enums';
import {
  DecideMonitoringCorrectionInput,
  FileMonitoringReportInput,
  LiftFundingStopInput,
  MonitoringWarningFilter,
  OpenMonitoringRoundInput,
} from './monitoring.input';
import {
  figuresOf,
  findCorrection,
  findCorrectionRow,
  findReport,
  findRound,
  findRoundRow,
  findWarningRow,
  findWarnings,
  goalFactsOf,
  goalHistory,
  paidOnProject,
  roundFactsOf,
  roundProgress,
  roundsOfYear,
} from './monitoring.read';
import { reportIssues, warningsOf, type IndicatorProgress } from './monitoring.rules';
import {
  GoalMonitoringEntry,
  MonitoringCorrection,
  MonitoringReport,
  MonitoringRound,
  MonitoringRoundProgress,
  MonitoringWarningPage,
  MonitoringWarningPreview,
} from './monitoring.type';

const linesOf = (input: FileMonitoringReportInput): IndicatorProgress[] =>
  input.indicators.map((i) => ({
    indicatorId: i.indicatorId,
    valueSoFar: i.valueSoFar ?? null,
    forecast: i.forecast ?? null,
    likelihood: i.likelihood,
    deviationCause: i.deviationCause ?? null,
  }));

/** 绩效监控 (双监控): rounds, the units' reports with computed warnings, the bureau's corrections. */
@Resolver()
export class MonitoringResolver {
  constructor(private readonly deps: ServiceDeps) {}

  private today(): string {
    return chinaDay(this.deps.now?.() ?? new Date());
  }

  @Mutation(() => MonitoringRound, {
    description:
      '启动绩效监控：年度、监控期间（1 月至某月）、填报截止日期；执行进度容差取该区划该年度适用的规则配置 ' +
      '(Open a monitoring round: year, period from January, due date; the tolerance is the rule profile’s in force)',
  })
  async openMonitoringRound(
    @Arg('input', { description: '命令参数 (command input)' }) input: OpenMonitoringRoundInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<MonitoringRound> {
    const issues = issueIf(
      !/^\d{6}$/.test(input.divisionCode),
      'divisionCode',
      `行政区划代码「${input.divisionCode}」应为 6 位数字`,
      `The division code "${input.divisionCode}" must be 6 digits`,
    );
    if (issues.length > 0) throw invalid(issues);
    requireFiscalYear(input.fiscalYear);
    const profile = await profileInForce(this.deps.em(), input.divisionCode, input.fiscalYear);
    const roundId = newRecordId(input.commandId);
    const command: OpenMonitoringRound = {
      type: 'OpenMonitoringRound',
      roundId,
      divisionCode: input.divisionCode,
      fiscalYear: input.fiscalYear,
      name: input.name.trim(),
      throughMonth: input.throughMonth,
      dueDate: input.dueDate,
      executionTolerancePoints: profile.rules.monitoring.executionTolerancePoints,
    };
    await execute(this.deps, ctx, roundStreamId(roundId), monitoringRoundDecider, command, input);
    return findRound(this.deps.em(), roundId, scope);
  }

  @Mutation(() => MonitoringReport, {
    description:
      '填报绩效监控情况：本单位已下达目标的预算执行与各指标完成情况；预警由系统计算 ' +
      '(File the monitoring report of one of your unit’s issued goals; warnings are computed, not typed)',
  })
  async fileMonitoringReport(
    @Arg('input', { description: '命令参数 (command input)' }) input: FileMonitoringReportInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<MonitoringReport> {
    const em = this.deps.em();
    const round = await findRoundRow(em, input.roundId);
    const goal = await goalFactsOf(em, input.goalId, scope);
    const indicators = linesOf(input);
    const command: FileMonitoringReport = {
      type: 'FileMonitoringReport',
      roundId: round.roundId,
      goalId: input.goalId,
      unitId: goal.unitId,
      executedFen: input.executed,
      indicators,
      today: this.today(),
      round: roundFactsOf(round),
      goal,
      // at most one warning for execution and two per indicator
      warningIds: Array.from({ length: 1 + 2 * indicators.length }, () => randomUUID()),
    };
    const stream = reportStreamId(round.roundId, input.goalId);
    await execute(this.deps, ctx, stream, monitoringReportDecider, command, input);
    return findReport(this.deps.em(), stream);
  }

  @Query(() => [MonitoringWarningPreview], {
    description:
      '预警预览：草稿填报将引发的预警，不记录 (The warnings a draft report would raise, computed as filing would, writing nothing)',
  })
  async previewMonitoringWarnings(
    @Arg('input', { description: '填报草稿 (the draft report)' }) input: FileMonitoringReportInput,
    @RowScope() scope: UnitScope,
  ): Promise<MonitoringWarningPreview[]> {
    const em = this.deps.em();
    const round = await findRoundRow(em, input.roundId);
    const goal = await goalFactsOf(em, input.goalId, scope);
    const figures = {
      throughMonth: round.throughMonth,
      budgetFen: goal.budgetFen,
      executedFen: input.executed,
      indicators: linesOf(input),
    };
    const issues = reportIssues(figures, goal);
    if (issues.length > 0) throw invalid(issues);
    return warningsOf(figures, goal.indicators, { executionTolerancePoints: round.executionTolerancePoints }).map(
      (w) => ({ ...w, figures: figuresOf(w.figures) }),
    );
  }

  @Mutation(() => MonitoringCorrection, {
    description:
      '对预警决定纠偏措施：调整目标（经预算调整落实）、停止拨款、收回资金，须说明原因 ' +
      '(Decide a correction on a warning — adjust the goal through a budget adjustment, stop funding, recover funds — with its reason)',
  })
  async decideMonitoringCorrection(
    @Arg('input', { description: '命令参数 (command input)' }) input: DecideMonitoringCorrectionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<MonitoringCorrection> {
    const em = this.deps.em();
    const warning = await findWarningRow(em, input.warningId);
    const goal = await goalFactsOf(em, warning.goalId, { all: true }).catch(() => null);
    const correctionId = newRecordId(input.commandId);
    const command: DecideMonitoringCorrection = {
      type: 'DecideMonitoringCorrection',
      correctionId,
      roundId: warning.roundId,
      goalId: warning.goalId,
      warningId: warning.warningId,
      kind: input.kind,
      reason: input.reason,
      recoverFen: input.recover ?? null,
      goal: goal && { unitId: goal.unitId, projectId: goal.projectId },
      paidFen: await paidOnProject(em, goal?.projectId ?? null),
    };
    await execute(this.deps, ctx, warning.streamId, monitoringReportDecider, command, input);
    return findCorrection(this.deps.em(), correctionId);
  }

  @Mutation(() => MonitoringCorrection, {
    description: '解除停止拨款，须说明原因 (Lift a stop-funding correction, with the reason)',
  })
  async liftFundingStop(
    @Arg('input', { description: '命令参数 (command input)' }) input: LiftFundingStopInput,
    @Ctx() ctx: RequestContext,
  ): Promise<MonitoringCorrection> {
    const correction = await findCorrectionRow(this.deps.em(), input.correctionId);
    const command: LiftFundingStop = {
      type: 'LiftFundingStop',
      roundId: correction.roundId,
      goalId: correction.goalId,
      correctionId: correction.correctionId,
      reason: input.reason,
    };
    await execute(this.deps, ctx, correction.streamId, monitoringReportDecider, command, input);
    return findCorrection(this.deps.em(), correction.correctionId);
  }

  @Query(() => [MonitoringRound], {
    description: '某年度的监控轮次及填报进度 (The rounds of a year with their progress counts)',
  })
  async monitoringRounds(
    @Arg('fiscalYear', () => Int, { description: '预算年度 (fiscal year)' }) fiscalYear: number,
    @RowScope() scope: UnitScope,
  ): Promise<MonitoringRound[]> {
    requireFiscalYear(fiscalYear);
    return roundsOfYear(this.deps.em(), fiscalYear, scope);
  }

  @Query(() => MonitoringRoundProgress, {
    description: '监控轮次进度：各单位已填报、逾期情况 (A round’s progress per unit: who has reported, who is overdue)',
  })
  async monitoringRoundProgress(
    @Arg('roundId', () => ID, { description: '监控轮次 (round id)' }) roundId: string,
    @RowScope() scope: UnitScope,
  ): Promise<MonitoringRoundProgress> {
    return roundProgress(this.deps.em(), roundId, scope);
  }

  @Query(() => MonitoringWarningPage, {
    description: '监控预警，按轮次、类型、单位、程度筛选 (Warnings by round, kind, unit and severity, newest first)',
  })
  async monitoringWarnings(
    @RowScope() scope: UnitScope,
    @Arg('filter', () => MonitoringWarningFilter, { nullable: true, description: '筛选 (filter)' })
    filter?: MonitoringWarningFilter,
    @Arg('page', () => PageInput, { nullable: true, description: '分页参数 (pagination)' }) page?: PageInput,
  ): Promise<MonitoringWarningPage> {
    const f = filter ?? {};
    if (f.unitId && !inScope(scope, f.unitId)) return { nodes: [], totalCount: 0 };
    return findWarnings(
      this.deps.em(),
      {
        roundId: f.roundId,
        kind: f.kind as MonitoringWarningKind | null | undefined,
        unitId: f.unitId,
        severity: f.severity as MonitoringWarningSeverity | null | undefined,
      },
      scope,
      pageOf(page),
    );
  }

  @Query(() => [GoalMonitoringEntry], {
    description:
      '绩效目标的监控历程：各轮填报、预警与纠偏 (A goal’s monitoring history: each round’s report, warnings, corrections)',
  })
  async goalMonitoringHistory(
    @Arg('goalId', () => ID, { description: '绩效目标 (goal id)' }) goalId: string,
    @RowScope() scope: UnitScope,
  ): Promise<GoalMonitoringEntry[]> {
    return goalHistory(this.deps.em(), goalId, scope);
  }
}
