import { QueryOrder, type EntityManager, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import { NotFoundError } from '@jixiao/events';
import { containsPattern, ensureInScope, unitWhere, type UnitScope } from '@jixiao/service-kit';
import { GoalRowSchema, IndicatorRowSchema, type GoalRow, type IndicatorRow } from '@jixiao/projections';
import { GOAL_STATUS_LABELS, type GoalStatus as DeciderStatus } from './goal.state';
import type {
  GoalStatus,
  IndicatorLevel1,
  IndicatorLevel2,
  IndicatorOperator,
  JointReviewerRole,
  ReviewResult,
  ReviewStage,
  TargetBasis,
} from './goal.enums';
import type { Goal, Indicator } from './goal.type';
import type { GoalFilter } from './goal.input';

export function goalNotFound(goalId: string): NotFoundError {
  return new NotFoundError({ zh: `绩效目标 ${goalId} 不存在`, en: `Goal ${goalId} does not exist` });
}

function toIndicator(row: IndicatorRow): Indicator {
  return {
    id: row.indicatorId,
    level1: row.level1 as IndicatorLevel1,
    level2: row.level2 as IndicatorLevel2,
    name: row.name,
    operator: row.operator as IndicatorOperator,
    targetValue: row.targetValue,
    targetText: row.targetText,
    unit: row.unit,
    points: row.points,
    basis: row.basis as TargetBasis,
    core: row.core,
    templateId: row.templateId,
    revisionCount: row.revisionCount,
  };
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/** Read model rows → the GraphQL Goal. */
export function toGoal(row: GoalRow, indicators: IndicatorRow[]): Goal {
  return {
    id: row.goalId,
    unit: { id: row.unitId },
    projectId: row.projectId,
    projectCode: row.projectCode,
    projectName: row.projectName,
    fiscalYear: row.fiscalYear,
    divisionCode: row.divisionCode,
    term: row.term as Goal['term'],
    overallGoal: row.overallGoal,
    amountFen: row.amountFen,
    status: row.status as GoalStatus,
    statusLabel: GOAL_STATUS_LABELS[row.status as DeciderStatus] ?? row.status,
    reviewRounds: row.reviewRounds,
    departmentReview: row.departmentReview,
    exemplary: row.exemplary,
    exemplaryReason: row.exemplaryReason,
    adjustmentCount: row.adjustmentCount,
    adjustments: row.adjustments,
    budgetDocument: row.budgetDocument,
    issuedAmountFen: row.issuedAmountFen,
    copiedFromGoalId: row.copiedFromGoalId,
    ruleProfile: row.ruleProfile,
    indicators: indicators.sort((a, b) => a.position - b.position).map(toIndicator),
    reviews: row.reviews.map((r) => ({ ...r, stage: r.stage as ReviewStage, result: r.result as ReviewResult })),
    opinions: row.opinions.map((o) => ({
      ...o,
      reviewerRole: o.reviewerRole as JointReviewerRole,
      opinion: o.opinion as ReviewResult,
    })),
    version: row.lastVersion,
    createdAt: iso(row.createdAt)!,
    submittedAt: iso(row.submittedAt),
    updatedAt: iso(row.updatedAt)!,
  };
}

/** The goal, or NOT_FOUND — also when its unit lies outside the caller's scope. */
export async function findGoal(em: EntityManager, goalId: string, scope: UnitScope = { all: true }): Promise<Goal> {
  const row = await em.findOne(GoalRowSchema, { goalId });
  if (!row) throw goalNotFound(goalId);
  ensureInScope(scope, row.unitId, () => goalNotFound(goalId));
  return toGoal(row, await em.find(IndicatorRowSchema, { goalId }));
}

export async function findGoals(
  em: EntityManager,
  filter: GoalFilter,
  page: { limit: number; offset: number },
  scope: UnitScope,
  withIndicators = true,
): Promise<{ nodes: Goal[]; totalCount: number }> {
  const filtered: FilterQuery<GoalRow> = {
    ...(filter.unitId ? { unitId: filter.unitId } : {}),
    ...(filter.fiscalYear ? { fiscalYear: filter.fiscalYear } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.projectId ? { projectId: filter.projectId } : {}),
    ...(typeof filter.exemplary === 'boolean' ? { exemplary: filter.exemplary } : {}),
    ...(filter.text
      ? {
          $or: [
            { projectName: { $like: containsPattern(filter.text) } },
            { projectCode: { $like: containsPattern(filter.text) } },
            { overallGoal: { $like: containsPattern(filter.text) } },
          ],
        }
      : {}),
  };
  // the scope narrows whatever the filter asks for, never the other way round
  return pageOfGoals(em, { $and: [filtered, unitWhere(scope)] }, page, NEWEST_FIRST, withIndicators);
}

/** Lists: the latest changed first. */
export const NEWEST_FIRST: QueryOrderMap<GoalRow> = { updatedAt: QueryOrder.DESC, goalId: QueryOrder.ASC };
/** Queues: the goal submitted longest ago first; drafts never submitted after, the oldest change first. */
export const WAITING_LONGEST_FIRST: QueryOrderMap<GoalRow> = {
  submittedAt: QueryOrder.ASC_NULLS_LAST,
  updatedAt: QueryOrder.ASC,
  goalId: QueryOrder.ASC,
};

/**
 * A page of goals matching `where` (newest first unless `orderBy` says otherwise), with their
 * indicators in one more query — unless the caller asked for none (a list of 200 goals read 700-odd).
 */
export async function pageOfGoals(
  em: EntityManager,
  where: FilterQuery<GoalRow>,
  page: { limit: number; offset: number },
  orderBy: QueryOrderMap<GoalRow> = NEWEST_FIRST,
  withIndicators = true,
): Promise<{ nodes: Goal[]; totalCount: number }> {
  const [rows, totalCount] = await em.findAndCount(GoalRowSchema, where, { orderBy, ...page });
  const indicators =
    rows.length && withIndicators
      ? await em.find(IndicatorRowSchema, { goalId: { $in: rows.map((r) => r.goalId) } })
      : [];
  const byGoal = new Map<string, IndicatorRow[]>();
  for (const i of indicators) byGoal.set(i.goalId, [...(byGoal.get(i.goalId) ?? []), i]);
  return { nodes: rows.map((r) => toGoal(r, byGoal.get(r.goalId) ?? [])), totalCount };
}
