import type { EntityManager } from '@mikro-orm/core';
import { NotFoundError } from '@jixiao/events';
import {
  GoalRowSchema,
  IndicatorRowSchema,
  SelfEvaluationNoticeRowSchema,
  SelfEvaluationRowSchema,
  SelfEvaluationTaskRowSchema,
  type SelfEvaluationNoticeRow,
  type SelfEvaluationRow,
  type SelfEvaluationTaskRow,
} from '@jixiao/projections';
import { inScope, notReached, unitWhere, type UnitScope } from '@jixiao/service-kit';
import { noticeStreamId, type SelfEvaluationTask } from './notice.decider';
import type {
  SelfEvaluationAcceptanceBasis,
  SelfEvaluationObject,
  SelfEvaluationStatus,
} from './self-evaluation.enums';
import type { IndicatorDefinition } from './self-evaluation.rules';
import type { EvaluationNotice, SelfEvaluation, SelfEvaluationLine, SelfEvaluationPage } from './self-evaluation.type';

const iso = (d: Date | string): string => new Date(d).toISOString();

/** The notice of a division and year; NOT_FOUND when it has not been issued. */
export async function findNoticeRow(
  em: EntityManager,
  divisionCode: string,
  fiscalYear: number,
): Promise<SelfEvaluationNoticeRow> {
  const row = await em.findOne(SelfEvaluationNoticeRowSchema, { streamId: noticeStreamId(divisionCode, fiscalYear) });
  if (!row) {
    throw new NotFoundError({
      zh: `${divisionCode} ${fiscalYear} 年度绩效自评通知尚未下达`,
      en: `The self-evaluation notice of ${divisionCode} for ${fiscalYear} has not been issued`,
    });
  }
  return row;
}

/** A task the scope reaches; NOT_FOUND otherwise (the same words whether it exists or not, for a limited caller). */
export async function findTaskRow(
  em: EntityManager,
  evaluationId: string,
  scope: UnitScope,
): Promise<SelfEvaluationTaskRow> {
  const task = await em.findOne(SelfEvaluationTaskRowSchema, { evaluationId });
  if (!task || !inScope(scope, task.unitId)) {
    throw notReached(scope, { zh: '自评任务', en: 'Self-evaluation' }, evaluationId, {
      zh: '不存在',
      en: 'does not exist',
    });
  }
  return task;
}

export const taskOf = (row: SelfEvaluationTaskRow): SelfEvaluationTask => ({
  evaluationId: row.evaluationId,
  unitId: row.unitId,
  object: row.object as SelfEvaluationTask['object'],
  goalId: row.goalId,
  projectId: row.projectId,
  name: row.name,
  departmentReview: row.departmentReview,
});

/** A project's goal as the sheet takes it: its indicators (as issued) and the amount issued; null without one. */
export async function goalSheetOf(
  em: EntityManager,
  goalId: string | null,
): Promise<{ indicators: IndicatorDefinition[]; budgetFen: number } | null> {
  if (!goalId) return null;
  const goal = await em.findOne(GoalRowSchema, { goalId });
  if (!goal) return null;
  const rows = await em.find(IndicatorRowSchema, { goalId }, { orderBy: { position: 'asc' } });
  return {
    budgetFen: goal.issuedAmountFen ?? goal.amountFen,
    indicators: rows.map((i) => ({
      indicatorId: i.indicatorId,
      name: i.name,
      level1: i.level1 as IndicatorDefinition['level1'],
      operator: i.operator as IndicatorDefinition['operator'],
      target: i.operator === 'QUALITATIVE' ? null : i.targetValue,
      points: i.points,
    })),
  };
}

function toSelfEvaluation(
  task: SelfEvaluationTaskRow,
  row: SelfEvaluationRow | null,
  notice: SelfEvaluationNoticeRow | undefined,
): SelfEvaluation {
  const submission = row?.submission ?? 0;
  return {
    id: task.evaluationId,
    unitId: task.unitId,
    divisionCode: task.divisionCode,
    fiscalYear: task.fiscalYear,
    object: task.object as SelfEvaluationObject,
    goalId: task.goalId,
    projectId: task.projectId,
    name: task.name,
    status: (row?.status ?? 'ISSUED') as SelfEvaluationStatus,
    dueDate: task.dueDate,
    overdue: submission === 0 && (notice?.duePassed ?? false),
    departmentReview: task.departmentReview,
    submission,
    drawn: row?.drawn ?? null,
    late: row?.late ?? false,
    ruleProfile: row?.ruleProfile ?? null,
    budget: row?.budgetFen ?? null,
    executed: row?.executedFen ?? null,
    budgetExecution: row?.budgetExecution ?? null,
    lines: (row?.lines ?? []) as SelfEvaluationLine[],
    parts: (row?.parts ?? []) as SelfEvaluation['parts'],
    total: row?.total ?? null,
    grade: row?.grade ?? null,
    reviews: (row?.reviews ?? []).map((r) => ({
      ...r,
      decision: r.decision as SelfEvaluation['reviews'][number]['decision'],
    })),
    acceptedBasis: (row?.acceptedBasis ?? null) as SelfEvaluationAcceptanceBasis | null,
    submittedAt: row?.submittedAt ? iso(row.submittedAt) : null,
  };
}

async function assemble(em: EntityManager, tasks: SelfEvaluationTaskRow[]): Promise<SelfEvaluation[]> {
  if (tasks.length === 0) return [];
  const ids = tasks.map((t) => t.evaluationId);
  const rows = await em.find(SelfEvaluationRowSchema, { evaluationId: { $in: ids } });
  const notices = await em.find(SelfEvaluationNoticeRowSchema, {
    streamId: { $in: [...new Set(tasks.map((t) => t.streamId))] },
  });
  const byId = new Map(rows.map((r) => [r.evaluationId, r]));
  const noticeOf = new Map(notices.map((n) => [n.streamId, n]));
  return tasks.map((t) => toSelfEvaluation(t, byId.get(t.evaluationId) ?? null, noticeOf.get(t.streamId)));
}

/** One evaluation with its sheet, as the scope reaches it. */
export async function findSelfEvaluation(
  em: EntityManager,
  evaluationId: string,
  scope: UnitScope,
): Promise<SelfEvaluation> {
  const [found] = await assemble(em, [await findTaskRow(em, evaluationId, scope)]);
  return found!;
}

/** The evaluation's stream state as the read model holds it (status, draw), or null before any event. */
export const findEvaluationRow = (em: EntityManager, evaluationId: string) =>
  em.findOne(SelfEvaluationRowSchema, { evaluationId });

/** A year's evaluations, by unit and status, in the scope; ISSUED are the tasks nothing was submitted for. */
export async function listSelfEvaluations(
  em: EntityManager,
  filter: { fiscalYear: number; unitId?: string | null; status?: SelfEvaluationStatus | null },
  scope: UnitScope,
  page: { limit: number; offset: number },
): Promise<SelfEvaluationPage> {
  const where = {
    fiscalYear: filter.fiscalYear,
    ...unitWhere(scope),
    // the resolver answers an empty page for a unit outside the scope
    ...(filter.unitId ? { unitId: filter.unitId } : {}),
  };
  const options = { orderBy: { unitId: 'asc', evaluationId: 'asc' } as const, limit: page.limit, offset: page.offset };
  if (filter.status && filter.status !== 'ISSUED') {
    const [rows, totalCount] = await em.findAndCount(
      SelfEvaluationRowSchema,
      { ...where, status: filter.status },
      options,
    );
    const tasks = await em.find(SelfEvaluationTaskRowSchema, {
      evaluationId: { $in: rows.map((r) => r.evaluationId) },
    });
    const order = new Map(rows.map((r, i) => [r.evaluationId, i]));
    tasks.sort((a, b) => order.get(a.evaluationId)! - order.get(b.evaluationId)!);
    return { nodes: await assemble(em, tasks), totalCount };
  }
  const taskWhere =
    filter.status === 'ISSUED'
      ? {
          ...where,
          evaluationId: {
            $nin: (
              await em.find(SelfEvaluationRowSchema, { ...where, submission: { $gt: 0 } }, { fields: ['evaluationId'] })
            ).map((r) => r.evaluationId),
          },
        }
      : where;
  const [tasks, totalCount] = await em.findAndCount(SelfEvaluationTaskRowSchema, taskWhere, options);
  return { nodes: await assemble(em, tasks), totalCount };
}

/** The notice of a year (of a division, or the first one when none is named), with its draw; null if none. */
export async function findNotice(
  em: EntityManager,
  fiscalYear: number,
  divisionCode?: string | null,
): Promise<EvaluationNotice | null> {
  const row = await em.findOne(
    SelfEvaluationNoticeRowSchema,
    { fiscalYear, ...(divisionCode ? { divisionCode } : {}) },
    { orderBy: { divisionCode: 'asc' } },
  );
  if (!row) return null;
  return {
    divisionCode: row.divisionCode,
    fiscalYear: row.fiscalYear,
    dueDate: row.dueDate,
    duePassed: row.duePassed,
    ruleProfile: row.ruleProfile,
    taskCount: row.taskCount,
    issuedAt: iso(row.issuedAt),
    draw:
      row.drawSeed === null
        ? null
        : {
            seed: row.drawSeed,
            percent: row.drawPercent ?? 0,
            poolUnitIds: row.drawPoolUnitIds ?? [],
            drawnUnitIds: row.drawnUnitIds ?? [],
            drawnAt: iso(row.drawnAt ?? row.issuedAt),
          },
  };
}
