import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { NotFoundError } from '@jixiao/events';
import {
  chunks,
  DisbursementStandingRowSchema,
  GoalRowSchema,
  IndicatorRowSchema,
  MonitoringCorrectionRowSchema,
  MonitoringReportRowSchema,
  MonitoringRoundRowSchema,
  MonitoringWarningRowSchema,
  UnitRowSchema,
  type GoalRow,
  type MonitoringCorrectionRow,
  type MonitoringReportRow,
  type MonitoringRoundRow,
  type MonitoringWarningRow,
} from '@jixiao/projections';
import { inScope, notReached, unitWhere, type UnitScope } from '@jixiao/service-kit';
import type { GoalFacts, RoundFacts } from './monitoring.decider';
import type {
  CompletionLikelihood,
  MonitoringCorrectionKind,
  MonitoringWarningKind,
  MonitoringWarningSeverity,
} from './monitoring.enums';
import type { Operator } from './monitoring.rules';
import type {
  GoalMonitoringEntry,
  MonitoringCorrection,
  MonitoringReport,
  MonitoringRound,
  MonitoringRoundProgress,
  MonitoringWarning,
  MonitoringWarningPage,
  UnitMonitoringProgress,
  WarningFigure,
} from './monitoring.type';

const iso = (d: Date | string): string => new Date(d).toISOString();

/** The goals a round asks a report of: ISSUED goals of its year and division (as the report decider takes). */
const roundGoalsWhere = (round: Pick<MonitoringRoundRow, 'divisionCode' | 'fiscalYear'>, scope: UnitScope) => ({
  divisionCode: round.divisionCode,
  fiscalYear: round.fiscalYear,
  status: 'ISSUED',
  ...unitWhere(scope),
});

export async function findRoundRow(em: EntityManager, roundId: string): Promise<MonitoringRoundRow> {
  const row = await em.findOne(MonitoringRoundRowSchema, { roundId });
  if (!row) {
    throw new NotFoundError({ zh: `监控轮次 ${roundId} 不存在`, en: `Monitoring round ${roundId} does not exist` });
  }
  return row;
}

export const roundFactsOf = (row: MonitoringRoundRow): RoundFacts => ({
  fiscalYear: row.fiscalYear,
  throughMonth: row.throughMonth,
  dueDate: row.dueDate,
  executionTolerancePoints: row.executionTolerancePoints,
});

/** The goal as the report decider checks it; NOT_FOUND when there is none the scope reaches. */
export async function goalFactsOf(em: EntityManager, goalId: string, scope: UnitScope): Promise<GoalFacts> {
  const goal = await em.findOne(GoalRowSchema, { goalId });
  if (!goal || !inScope(scope, goal.unitId)) {
    throw notReached(scope, { zh: '绩效目标', en: 'Goal' }, goalId, { zh: '不存在', en: 'does not exist' });
  }
  const indicators = await em.find(IndicatorRowSchema, { goalId }, { orderBy: { position: 'asc' } });
  return {
    unitId: goal.unitId,
    projectId: goal.projectId,
    fiscalYear: goal.fiscalYear,
    status: goal.status,
    budgetFen: goal.amountFen,
    indicators: indicators.map((i) => ({
      indicatorId: i.indicatorId,
      name: i.name,
      operator: i.operator as Operator,
      targetValue: i.targetValue,
    })),
  };
}

/** What has been paid out (cleared) on a project so far, from the disbursement standing; null when none is known. */
export async function paidOnProject(em: EntityManager, projectId: string | null): Promise<number | null> {
  if (!projectId) return null;
  const standing = await em.findOne(DisbursementStandingRowSchema, { key: projectId });
  return standing ? standing.clearedFen : null;
}

export const figuresOf = (figures: Record<string, string | number>): WarningFigure[] =>
  Object.entries(figures).map(([name, value]) => ({ name, value: String(value) }));

/** An ADJUST_GOAL correction is carried out by the goal's first adjustment after it was decided. */
function toCorrection(row: MonitoringCorrectionRow, goal: GoalRow | undefined): MonitoringCorrection {
  const adjustment =
    row.kind === 'ADJUST_GOAL'
      ? goal?.adjustments.find((a) => new Date(a.adjustedAt).getTime() >= new Date(row.decidedAt).getTime())
      : undefined;
  return {
    id: row.correctionId,
    warningId: row.warningId,
    roundId: row.roundId,
    goalId: row.goalId,
    unitId: row.unitId,
    projectId: row.projectId,
    kind: row.kind as MonitoringCorrectionKind,
    reason: row.reason,
    recover: row.recoverFen,
    decidedAt: iso(row.decidedAt),
    lifted: row.lifted,
    liftReason: row.liftReason,
    liftedAt: row.liftedAt ? iso(row.liftedAt) : null,
    carriedOut: row.kind === 'ADJUST_GOAL' ? !!adjustment : true,
    budgetAdjustmentRef: adjustment?.budgetAdjustmentRef ?? null,
  };
}

/** Warnings with their corrections (and, for those adjusting a goal, whether the goal was adjusted since). */
async function toWarnings(em: EntityManager, rows: MonitoringWarningRow[]): Promise<MonitoringWarning[]> {
  const ids = rows.map((w) => w.warningId);
  const corrections: MonitoringCorrectionRow[] = [];
  for (const part of chunks(ids)) {
    corrections.push(
      ...(await em.find(MonitoringCorrectionRowSchema, { warningId: { $in: part } }, { orderBy: { position: 'asc' } })),
    );
  }
  const adjusted = [...new Set(corrections.filter((c) => c.kind === 'ADJUST_GOAL').map((c) => c.goalId))];
  const goals = new Map<string, GoalRow>();
  for (const part of chunks(adjusted)) {
    for (const g of await em.find(GoalRowSchema, { goalId: { $in: part } })) goals.set(g.goalId, g);
  }
  return rows.map((w) => ({
    id: w.warningId,
    roundId: w.roundId,
    goalId: w.goalId,
    unitId: w.unitId,
    kind: w.kind as MonitoringWarningKind,
    severity: w.severity as MonitoringWarningSeverity,
    indicatorId: w.indicatorId,
    figures: figuresOf(w.figures),
    raisedAt: iso(w.raisedAt),
    corrected: w.corrected,
    corrections: corrections
      .filter((c) => c.warningId === w.warningId)
      .map((c) => toCorrection(c, goals.get(c.goalId))),
  }));
}

function toReport(row: MonitoringReportRow, warnings: MonitoringWarning[]): MonitoringReport {
  return {
    roundId: row.roundId,
    goalId: row.goalId,
    unitId: row.unitId,
    projectId: row.projectId,
    budget: row.budgetFen,
    executed: row.executedFen,
    executionRate: row.executionRate,
    indicators: row.indicators.map((i) => ({ ...i, likelihood: i.likelihood as CompletionLikelihood })),
    late: row.late,
    filedAt: iso(row.filedAt),
    warnings,
  };
}

/** A goal's report in a round with its warnings, or NOT_FOUND. */
export async function findReport(em: EntityManager, streamId: string): Promise<MonitoringReport> {
  const row = await em.findOne(MonitoringReportRowSchema, { streamId });
  if (!row) throw new NotFoundError({ zh: '尚未填报', en: 'The report is not filed' });
  const warnings = await em.find(MonitoringWarningRowSchema, { streamId }, { orderBy: { position: 'asc' } });
  return toReport(row, await toWarnings(em, warnings));
}

/** A round and its counts, of the goals, reports and warnings the scope reaches. */
async function toRound(em: EntityManager, row: MonitoringRoundRow, scope: UnitScope): Promise<MonitoringRound> {
  const own = unitWhere(scope);
  const reports = { roundId: row.roundId, ...own };
  return {
    id: row.roundId,
    divisionCode: row.divisionCode,
    fiscalYear: row.fiscalYear,
    name: row.name,
    throughMonth: row.throughMonth,
    dueDate: row.dueDate,
    executionTolerancePoints: row.executionTolerancePoints,
    openedAt: iso(row.openedAt),
    duePassed: row.duePassed,
    goals: await em.count(GoalRowSchema, roundGoalsWhere(row, scope)),
    reported: await em.count(MonitoringReportRowSchema, reports),
    late: await em.count(MonitoringReportRowSchema, { ...reports, late: true }),
    overdue: await em.count(MonitoringWarningRowSchema, { ...reports, kind: 'REPORT_OVERDUE' }),
    warnings: await em.count(MonitoringWarningRowSchema, reports),
  };
}

export async function findRound(em: EntityManager, roundId: string, scope: UnitScope): Promise<MonitoringRound> {
  return toRound(em, await findRoundRow(em, roundId), scope);
}

/** The rounds of a year, earliest due first. */
export async function roundsOfYear(
  em: EntityManager,
  fiscalYear: number,
  scope: UnitScope,
): Promise<MonitoringRound[]> {
  const rows = await em.find(MonitoringRoundRowSchema, { fiscalYear }, { orderBy: { dueDate: 'asc', roundId: 'asc' } });
  const rounds: MonitoringRound[] = [];
  for (const row of rows) rounds.push(await toRound(em, row, scope));
  return rounds;
}

/** Per unit of the scope: its goals to report, reported, late, overdue, and which goals are still unreported. */
export async function roundProgress(
  em: EntityManager,
  roundId: string,
  scope: UnitScope,
): Promise<MonitoringRoundProgress> {
  const row = await findRoundRow(em, roundId);
  const goals = await em.find(GoalRowSchema, roundGoalsWhere(row, scope), {
    fields: ['goalId', 'unitId'],
    orderBy: { goalId: 'asc' },
  });
  const own = unitWhere(scope);
  const reports = await em.find(
    MonitoringReportRowSchema,
    { roundId, ...own },
    { fields: ['goalId', 'unitId', 'late'] },
  );
  const overdue = await em.find(
    MonitoringWarningRowSchema,
    { roundId, kind: 'REPORT_OVERDUE', ...own },
    { fields: ['goalId', 'unitId'] },
  );
  const reported = new Set(reports.map((r) => r.goalId));
  const byUnit = new Map<string, UnitMonitoringProgress>();
  const unit = (unitId: string) => {
    let found = byUnit.get(unitId);
    if (!found) {
      found = { unitId, unitName: '', goals: 0, reported: 0, late: 0, overdue: 0, unreportedGoalIds: [] };
      byUnit.set(unitId, found);
    }
    return found;
  };
  for (const g of goals) {
    const u = unit(g.unitId);
    u.goals += 1;
    if (!reported.has(g.goalId)) u.unreportedGoalIds.push(g.goalId);
  }
  for (const r of reports) {
    const u = unit(r.unitId);
    u.reported += 1;
    if (r.late) u.late += 1;
  }
  for (const w of overdue) unit(w.unitId).overdue += 1;
  const names = new Map<string, string>();
  for (const part of chunks([...byUnit.keys()])) {
    for (const u of await em.find(UnitRowSchema, { unitId: { $in: part } }, { fields: ['unitId', 'name'] })) {
      names.set(u.unitId, u.name);
    }
  }
  const units = [...byUnit.values()]
    .map((u) => ({ ...u, unitName: names.get(u.unitId) ?? u.unitId }))
    .sort((a, b) => b.unreportedGoalIds.length - a.unreportedGoalIds.length || a.unitName.localeCompare(b.unitName));
  return { round: await toRound(em, row, scope), units };
}

export interface WarningQuery {
  roundId?: string | null;
  kind?: string | null;
  unitId?: string | null;
  severity?: string | null;
}

/** A page of warnings the scope reaches, newest first. */
export async function findWarnings(
  em: EntityManager,
  filter: WarningQuery,
  scope: UnitScope,
  page: { limit: number; offset: number },
): Promise<MonitoringWarningPage> {
  const where: FilterQuery<MonitoringWarningRow> = {
    ...(filter.roundId ? { roundId: filter.roundId } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.severity ? { severity: filter.severity } : {}),
    ...(filter.unitId ? { unitId: filter.unitId } : {}),
    ...(scope.all ? {} : { unitId: { $in: [...scope.unitIds].filter((u) => !filter.unitId || u === filter.unitId) } }),
  };
  const [rows, totalCount] = await em.findAndCount(MonitoringWarningRowSchema, where, {
    orderBy: { raisedAt: 'desc', streamId: 'asc', position: 'asc' },
    ...page,
  });
  return { nodes: await toWarnings(em, rows), totalCount };
}

export async function findWarningRow(em: EntityManager, warningId: string): Promise<MonitoringWarningRow> {
  const row = await em.findOne(MonitoringWarningRowSchema, { warningId });
  if (!row) throw new NotFoundError({ zh: `预警 ${warningId} 不存在`, en: `Warning ${warningId} does not exist` });
  return row;
}

export async function findCorrectionRow(em: EntityManager, correctionId: string): Promise<MonitoringCorrectionRow> {
  const row = await em.findOne(MonitoringCorrectionRowSchema, { correctionId });
  if (!row) {
    throw new NotFoundError({
      zh: `纠偏措施 ${correctionId} 不存在`,
      en: `Correction ${correctionId} does not exist`,
    });
  }
  return row;
}

/** The correction as the API shows it (carried out read beside the goal). */
export async function findCorrection(em: EntityManager, correctionId: string): Promise<MonitoringCorrection> {
  const row = await findCorrectionRow(em, correctionId);
  const goal = await em.findOne(GoalRowSchema, { goalId: row.goalId });
  return toCorrection(row, goal ?? undefined);
}

/** A goal's rounds: each with its report (if filed) and its warnings, earliest round first. */
export async function goalHistory(em: EntityManager, goalId: string, scope: UnitScope): Promise<GoalMonitoringEntry[]> {
  const goal = await em.findOne(GoalRowSchema, { goalId }, { fields: ['goalId', 'unitId'] });
  if (!goal || !inScope(scope, goal.unitId)) {
    throw notReached(scope, { zh: '绩效目标', en: 'Goal' }, goalId, { zh: '不存在', en: 'does not exist' });
  }
  const reports = await em.find(MonitoringReportRowSchema, { goalId });
  const warnings = await em.find(MonitoringWarningRowSchema, { goalId }, { orderBy: { position: 'asc' } });
  const roundIds = [...new Set([...reports.map((r) => r.roundId), ...warnings.map((w) => w.roundId)])];
  const rounds = await em.find(
    MonitoringRoundRowSchema,
    { roundId: { $in: roundIds } },
    { orderBy: { dueDate: 'asc' } },
  );
  const entries: GoalMonitoringEntry[] = [];
  for (const round of rounds) {
    const own = await toWarnings(
      em,
      warnings.filter((w) => w.roundId === round.roundId),
    );
    const report = reports.find((r) => r.roundId === round.roundId);
    entries.push({
      round: await toRound(em, round, { all: false, unitIds: [goal.unitId] }),
      report: report ? toReport(report, own) : null,
      warnings: own,
    });
  }
  return entries;
}
