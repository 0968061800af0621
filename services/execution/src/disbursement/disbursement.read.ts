import type { EntityManager } from '@mikro-orm/core';
import { NotFoundError, type Fen } from '@jixiao/events';
import {
  DisbursementRequestRowSchema,
  DisbursementStandingRowSchema,
  GoalRowSchema,
  type DisbursementRequestRow,
  type DisbursementStandingRow,
} from '@jixiao/projections';
import { inScope, unitWhere, type UnitScope } from '@jixiao/service-kit';
import type { DisbursementFacts } from './disbursement.decider';
import { disbursementFacts, type ProjectStanding } from './disbursement.rules';
import { hundredthsOfPercent, percentText } from '../monitoring/monitoring.rules';
import type { DisbursementFact, DisbursementOutcome, DisbursementStatus } from './disbursement.enums';
import type { DisbursementRequestFilter } from './disbursement.input';
import type {
  DisbursementExecutionTally,
  DisbursementFigures,
  DisbursementOpinionForm,
  DisbursementQueuePage,
  DisbursementRequest,
  DisbursementRequestPage,
  DisbursementTally,
} from './disbursement.type';

/** The read models the disbursement operations read (the read cache's keys would follow their versions). */
export const DISBURSEMENT_READS = ['execution.disbursement-requests', 'execution.disbursement-standing'] as const;

const DAY = 86_400_000;

/** NOT_FOUND for a request that does not exist or lies outside the caller's scope (the same answer). */
export const requestNotFound = (requestId: string) =>
  new NotFoundError({ zh: `拨款申请 ${requestId} 不存在`, en: `Disbursement request ${requestId} does not exist` });

const factText = (v: boolean | string | null): string | null => (v === null ? null : String(v));

export function toRequest(row: DisbursementRequestRow): DisbursementRequest {
  const o = row.opinion;
  return {
    id: row.requestId,
    unitId: row.unitId,
    projectId: row.projectId,
    goalId: row.goalId,
    fiscalYear: row.fiscalYear,
    amountFen: row.amountFen,
    purpose: row.purpose,
    batch: row.batch,
    documents: row.documents,
    documentsReceived: row.documentsReceived,
    status: row.status as DisbursementStatus,
    submission: row.submission,
    firstSubmittedAt: new Date(row.firstSubmittedAt).toISOString(),
    lastSubmittedAt: new Date(row.lastSubmittedAt).toISOString(),
    decidedAt: row.decidedAt ? new Date(row.decidedAt).toISOString() : null,
    opinion: o && {
      outcome: o.outcome as DisbursementOutcome,
      reasons: o.reasons,
      comment: o.comment,
      shown: o.shown,
      overrides: o.overrides.map((x) => ({
        fact: x.fact as DisbursementFact,
        shown: factText(x.shown),
        signed: factText(x.signed),
        reason: x.reason,
      })),
      submission: o.submission,
      signerId: o.signerId,
      signedAt: o.signedAt,
    },
    version: row.lastVersion,
  };
}

/** The request's row, or NOT_FOUND when it does not exist or the caller's scope does not reach its unit. */
export async function requireRequestRow(
  em: EntityManager,
  requestId: string,
  scope: UnitScope,
): Promise<DisbursementRequestRow> {
  const row = await em.findOne(DisbursementRequestRowSchema, { requestId }, { disableIdentityMap: true });
  if (!row || !inScope(scope, row.unitId)) throw requestNotFound(requestId);
  return row;
}

export async function findRequest(em: EntityManager, requestId: string, scope: UnitScope) {
  return toRequest(await requireRequestRow(em, requestId, scope));
}

/** Requests matching the filter within the scope, newest first. */
export async function findRequests(
  em: EntityManager,
  filter: DisbursementRequestFilter,
  page: { limit: number; offset: number },
  scope: UnitScope,
): Promise<DisbursementRequestPage> {
  const where = {
    ...(filter.fiscalYear != null ? { fiscalYear: filter.fiscalYear } : {}),
    ...(filter.status != null ? { status: filter.status } : {}),
    ...(filter.projectId != null ? { projectId: filter.projectId } : {}),
    ...(filter.unitId != null ? { unitId: filter.unitId } : {}),
    ...(scope.all ? {} : { $and: [unitWhere(scope)] }),
  };
  const [rows, totalCount] = await em.findAndCount(DisbursementRequestRowSchema, where, {
    orderBy: { lastSubmittedAt: 'desc', requestId: 'asc' },
    limit: page.limit,
    offset: page.offset,
    disableIdentityMap: true,
  });
  return { nodes: rows.map(toRequest), totalCount };
}

/** 待审核队列: REQUESTED, the longest waiting first, with the whole days since last submitted. */
export async function findQueue(
  em: EntityManager,
  page: { limit: number; offset: number },
  now = Date.now(),
): Promise<DisbursementQueuePage> {
  const [rows, totalCount] = await em.findAndCount(
    DisbursementRequestRowSchema,
    { status: 'REQUESTED' },
    {
      orderBy: { lastSubmittedAt: 'asc', requestId: 'asc' },
      limit: page.limit,
      offset: page.offset,
      disableIdentityMap: true,
    },
  );
  return {
    nodes: rows.map((row) => ({
      request: toRequest(row),
      daysWaiting: Math.max(0, Math.floor((now - new Date(row.lastSubmittedAt).getTime()) / DAY)),
    })),
    totalCount,
  };
}

const noStanding = (projectId: string): DisbursementStandingRow => ({
  key: projectId,
  allocatedFen: 0,
  clearedFen: 0,
  clearedCount: 0,
  openFen: 0,
  openCount: 0,
  heldOpinions: 0,
  latestReport: null,
  stopCorrectionIds: [],
});

/** The project's standing (zeros before anything was allocated or asked for). */
export async function standingOf(em: EntityManager, projectId: string): Promise<DisbursementStandingRow> {
  const row = await em.findOne(DisbursementStandingRowSchema, { key: projectId }, { disableIdentityMap: true });
  return row ?? noStanding(projectId);
}

/**
 * What a request may still ask for: allocated, less what was cleared, less what the project's other
 * open requests ask (a HELD request being corrected is not open, so it is not among them).
 */
export const availableOf = (s: DisbursementStandingRow, ownOpenFen: Fen = 0): Fen =>
  s.allocatedFen - s.clearedFen - (s.openFen - ownOpenFen);

/** The goal as planning's read model holds it now: what a request names, and the form's goal facts. */
export async function goalOf(em: EntityManager, goalId: string) {
  return em.findOne(
    GoalRowSchema,
    { goalId },
    { fields: ['goalId', 'unitId', 'projectId', 'fiscalYear', 'status'], disableIdentityMap: true },
  );
}

/**
 * The facts of the opinion form for a request, as the read models say now: the goal's status from
 * planning's goals read model; executed = what was cleared for the project (what finance pays out)
 * against its allocated budget, or — before any clearing — the latest monitoring report's executed
 * against its budget; none before either.
 */
export async function factsOf(
  em: EntityManager,
  row: DisbursementRequestRow,
): Promise<{ facts: DisbursementFacts; standing: DisbursementStandingRow }> {
  const [standing, goal] = await Promise.all([standingOf(em, row.projectId), goalOf(em, row.goalId)]);
  const report = standing.latestReport;
  const byPayments = standing.clearedFen > 0;
  const projectStanding: ProjectStanding = {
    goalStatus: (goal?.status ?? null) as ProjectStanding['goalStatus'],
    budgetFen: byPayments || !report ? standing.allocatedFen : report.budgetFen,
    executedFen: byPayments ? standing.clearedFen : (report?.executedFen ?? null),
    latestLikelihoods: (report?.likelihoods ?? []) as ProjectStanding['latestLikelihoods'],
    stopFunding: standing.stopCorrectionIds.length > 0,
    heldBefore: standing.heldOpinions,
  };
  return { facts: disbursementFacts(projectStanding), standing };
}

export async function opinionFormOf(em: EntityManager, row: DisbursementRequestRow): Promise<DisbursementOpinionForm> {
  const { facts, standing } = await factsOf(em, row);
  const own = row.status === 'REQUESTED' ? row.amountFen : 0;
  return {
    request: toRequest(row),
    facts,
    allocatedFen: standing.allocatedFen,
    clearedFen: standing.clearedFen,
    otherOpenFen: standing.openFen - own,
  };
}

interface FigureRow {
  unit_id: string;
  submitted_month: number;
  requests: number | string;
  amount: number | string | null;
  cleared: number | string | null;
  cleared_amount: number | string | null;
  held: number | string | null;
  held_amount: number | string | null;
  waiting: number | string | null;
  documents: number | string | null;
}

const zero = (): DisbursementTally => ({
  requests: 0,
  amountFen: 0,
  cleared: 0,
  clearedAmountFen: 0,
  held: 0,
  heldAmountFen: 0,
  waiting: 0,
  documentsReceived: 0,
});

function add(t: DisbursementTally, r: FigureRow): void {
  t.requests += Number(r.requests);
  t.amountFen += Number(r.amount ?? 0);
  t.cleared += Number(r.cleared ?? 0);
  t.clearedAmountFen += Number(r.cleared_amount ?? 0);
  t.held += Number(r.held ?? 0);
  t.heldAmountFen += Number(r.held_amount ?? 0);
  t.waiting += Number(r.waiting ?? 0);
  t.documentsReceived += Number(r.documents ?? 0);
}

interface ExecutionRow {
  unit_id: string;
  allocated: number | string | null;
  executed: number | string | null;
}

const withExecution = (t: DisbursementTally, allocatedFen: Fen, executedFen: Fen): DisbursementExecutionTally => {
  const rate = hundredthsOfPercent(executedFen, allocatedFen);
  return { ...t, allocatedFen, executedFen, executionRate: rate === null ? null : percentText(rate) };
};

/**
 * 年度拨款审核统计 — one query over the year's requests grouped by unit and month (at most units × 12
 * rows), added up into the year's total, per unit and per month (of first submission, China time);
 * and one query over the projects of the year (planning's rm_project) joined with their standing
 * (rm_disbursement_standing), grouped by unit: the budget allocated to them and what was cleared for
 * them through the review, whose ratio is the execution rate (null when nothing is allocated).
 * Amounts are the latest submission's; CLEARED/HELD are the requests' states now. A unit appears per
 * unit when it has requests of the year or budget allocated to projects of the year (with no requests,
 * its request counts are zero), so the execution-rate chart shows units that have not asked yet.
 */
export async function disbursementFigures(
  em: EntityManager,
  fiscalYear: number,
  scope: UnitScope,
  unitId?: string | null,
): Promise<DisbursementFigures> {
  const units = scope.all ? null : [...scope.unitIds];
  const conditions = ['fiscal_year = ?'];
  const params: unknown[] = [fiscalYear];
  if (unitId) {
    conditions.push('unit_id = ?');
    params.push(unitId);
  }
  if (units) {
    conditions.push(units.length ? `unit_id in (${units.map(() => '?').join(', ')})` : '1 = 0');
    params.push(...units);
  }
  const where = conditions.join(' and ');
  const [rows, executionRows] = await Promise.all([
    em.getConnection().execute(
      `select unit_id, submitted_month, count(*) as requests, sum(amount_fen) as amount,
       sum(case when status = 'CLEARED' then 1 else 0 end) as cleared,
       sum(case when status = 'CLEARED' then amount_fen else 0 end) as cleared_amount,
       sum(case when status = 'HELD' then 1 else 0 end) as held,
       sum(case when status = 'HELD' then amount_fen else 0 end) as held_amount,
       sum(case when status = 'REQUESTED' then 1 else 0 end) as waiting,
       sum(documents_received) as documents
     from rm_disbursement_request where ${where}
     group by unit_id, submitted_month`,
      params,
    ) as Promise<FigureRow[]>,
    em.getConnection().execute(
      `select p.unit_id, sum(s.allocated_fen) as allocated, sum(s.cleared_fen) as executed
     from rm_project p join rm_disbursement_standing s on s.key = p.project_id
     where ${conditions.map((c) => (c.startsWith('1 ') ? c : `p.${c}`)).join(' and ')}
     group by p.unit_id`,
      params,
    ) as Promise<ExecutionRow[]>,
  ]);
  const total = zero();
  const byUnit = new Map<string, DisbursementTally>();
  const byMonth = new Map<number, DisbursementTally>();
  for (const r of rows) {
    add(total, r);
    const u = byUnit.get(r.unit_id) ?? zero();
    add(u, r);
    byUnit.set(r.unit_id, u);
    const month = Number(r.submitted_month);
    const m = byMonth.get(month) ?? zero();
    add(m, r);
    byMonth.set(month, m);
  }
  const execution = new Map<string, { allocatedFen: Fen; executedFen: Fen }>();
  let allocatedFen = 0;
  let executedFen = 0;
  for (const r of executionRows) {
    const e = { allocatedFen: Number(r.allocated ?? 0), executedFen: Number(r.executed ?? 0) };
    if (e.allocatedFen === 0 && e.executedFen === 0) continue;
    execution.set(r.unit_id, e);
    allocatedFen += e.allocatedFen;
    executedFen += e.executedFen;
    if (!byUnit.has(r.unit_id)) byUnit.set(r.unit_id, zero());
  }
  return {
    fiscalYear,
    total: withExecution(total, allocatedFen, executedFen),
    byUnit: [...byUnit.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, t]) => {
        const e = execution.get(id);
        return { ...withExecution(t, e?.allocatedFen ?? 0, e?.executedFen ?? 0), unitId: id };
      }),
    byMonth: [...byMonth.entries()].sort(([a], [b]) => a - b).map(([month, t]) => ({ ...t, month })),
  };
}
