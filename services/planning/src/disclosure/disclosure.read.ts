import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import {
  ISSUED_GOAL_STATUSES,
  LEVEL1_LABELS,
  LEVEL2_LABELS,
  NotFoundError,
  PERCENT_UNITS,
  type Level1,
} from '@jixiao/events';
import {
  chunks,
  GoalRowSchema,
  IndicatorRowSchema,
  ProjectRowSchema,
  PublishedGoalRowSchema,
  PublishedUnitYearRowSchema,
  type GoalRow,
  type IndicatorRow,
  type PublishedGoalRow,
  type PublishedIndicatorEntry,
  type PublishedUnitYearRow,
} from '@jixiao/projections';
import type { GoalTerm, IndicatorLevel1, IndicatorLevel2, IndicatorOperator } from '../goal/goal.enums';
import { publishedContentOf } from './disclosure.content';
import { disclosureStreamId, type GoalOfYear } from './disclosure.decider';
import type { PublishedContent } from './disclosure.events';
import type { PublishedGoal, PublishedGoalPage, PublishedIndicator, PublishedUnitYear } from './disclosure.type';
import type { GoalPublication } from './publication.type';

type Shown = PublishedContent['indicators'][number];

const iso = (d: Date | string): string => new Date(d).toISOString();
const isIssued = (row: GoalRow) => (ISSUED_GOAL_STATUSES as readonly string[]).includes(row.status);

/** Projects among these with budget allocated for the year (预算已安排). */
async function budgetedProjects(em: EntityManager, projectIds: string[], fiscalYear: number): Promise<Set<string>> {
  const budgeted = new Set<string>();
  for (const ids of chunks(projectIds)) {
    const rows = await em.find(ProjectRowSchema, { projectId: { $in: ids } }, { fields: ['projectId', 'allocations'] });
    for (const row of rows) if (row.allocations.some((a) => a.fiscalYear === fiscalYear)) budgeted.add(row.projectId);
  }
  return budgeted;
}

/**
 * Every goal of the unit and year as the publish command needs it: state, version, whether its
 * project has budget for the year, and — once issued — the content the public would read.
 */
export async function goalsOfYear(em: EntityManager, unitId: string, fiscalYear: number): Promise<GoalOfYear[]> {
  const rows = await em.find(GoalRowSchema, { unitId, fiscalYear }, { orderBy: { goalId: 'asc' } });
  const issued = rows.filter((row) => isIssued(row) && row.budgetDocument);
  const indicators = new Map<string, IndicatorRow[]>();
  for (const ids of chunks(issued.map((row) => row.goalId))) {
    for (const i of await em.find(IndicatorRowSchema, { goalId: { $in: ids } }, { orderBy: { position: 'asc' } })) {
      indicators.set(i.goalId, [...(indicators.get(i.goalId) ?? []), i]);
    }
  }
  const projectIds = issued.flatMap((row) => (row.projectId ? [row.projectId] : []));
  const budgeted = await budgetedProjects(em, projectIds, fiscalYear);
  return rows.map((row) => ({
    goalId: row.goalId,
    version: row.lastVersion,
    status: row.status,
    budgetAllocated: row.projectId !== null && budgeted.has(row.projectId),
    content: issued.includes(row)
      ? publishedContentOf(
          { ...row, term: row.term as PublishedContent['term'], budgetDocument: row.budgetDocument! },
          (indicators.get(row.goalId) ?? []) as unknown as Shown[],
        )
      : null,
  }));
}

const SYMBOLS: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '=', '>': '>', '<': '<' };

/** The target as one reads it: 「≥ 12 所」, 「≥ 95%」, or the qualitative wording. */
export function targetText(i: PublishedIndicatorEntry): string {
  if (i.operator === 'QUALITATIVE' || i.targetValue === null) return i.targetText ?? '';
  const unit = !i.unit ? '' : PERCENT_UNITS.includes(i.unit) ? i.unit : ` ${i.unit}`;
  return `${SYMBOLS[i.operator] ?? i.operator} ${i.targetValue}${unit}`;
}

function toIndicator(i: PublishedIndicatorEntry): PublishedIndicator {
  return {
    level1: i.level1 as IndicatorLevel1,
    level1Label: LEVEL1_LABELS[i.level1 as Level1]?.zh ?? i.level1,
    level2: i.level2 as IndicatorLevel2,
    level2Label: LEVEL2_LABELS[i.level2]?.zh ?? i.level2,
    name: i.name,
    operator: i.operator as IndicatorOperator,
    targetValue: i.targetValue,
    targetText: i.targetText,
    unit: i.unit,
    target: targetText(i),
  };
}

function toPublishedGoal(row: PublishedGoalRow): PublishedGoal {
  return {
    goalId: row.goalId,
    unitId: row.unitId,
    unitName: row.unitName,
    fiscalYear: row.fiscalYear,
    projectCode: row.projectCode,
    projectName: row.projectName,
    term: row.term as GoalTerm,
    overallGoal: row.overallGoal,
    amountFen: row.amountFen,
    budgetDocument: row.budgetDocument,
    indicators: row.indicators.map(toIndicator),
    goalVersion: row.goalVersion,
    contentHash: row.contentHash,
    publication: row.publication,
    publishedAt: iso(row.publishedAt),
  };
}

/** A page of the year's published goals, perhaps of one unit: by unit, then in publication order. */
export async function findPublishedGoals(
  em: EntityManager,
  fiscalYear: number,
  unitId: string | null | undefined,
  page: { limit: number; offset: number },
): Promise<PublishedGoalPage> {
  const where: FilterQuery<PublishedGoalRow> = { fiscalYear, ...(unitId ? { unitId } : {}) };
  const [rows, totalCount] = await em.findAndCount(PublishedGoalRowSchema, where, {
    orderBy: { unitName: 'asc', unitId: 'asc', position: 'asc' },
    ...page,
  });
  return { nodes: rows.map(toPublishedGoal), totalCount };
}

const toUnitYear = (row: PublishedUnitYearRow): PublishedUnitYear => ({
  unitId: row.unitId,
  unitCode: row.unitCode,
  unitName: row.unitName,
  fiscalYear: row.fiscalYear,
  publication: row.publication,
  goalCount: row.goalCount,
  totalAmountFen: row.totalAmountFen,
  firstPublishedAt: iso(row.firstPublishedAt),
  publishedAt: iso(row.publishedAt),
});

/** The unit-years with a publication, newest year first, units by code. */
export async function findPublishedUnitYears(
  em: EntityManager,
  fiscalYear?: number | null,
): Promise<PublishedUnitYear[]> {
  const rows = await em.find(PublishedUnitYearRowSchema, fiscalYear ? { fiscalYear } : {}, {
    orderBy: { fiscalYear: 'desc', unitCode: 'asc', unitId: 'asc' },
  });
  return rows.map(toUnitYear);
}

/** The bureau's view of a unit-year's disclosure, or NOT_FOUND before its first publication. */
export async function findPublication(em: EntityManager, unitId: string, fiscalYear: number): Promise<GoalPublication> {
  const row = await em.findOne(PublishedUnitYearRowSchema, { streamId: disclosureStreamId(unitId, fiscalYear) });
  if (!row) {
    throw new NotFoundError({
      zh: `预算单位 ${unitId} ${fiscalYear} 年度的绩效目标尚未公开`,
      en: `The goals of unit ${unitId} for ${fiscalYear} are not published yet`,
    });
  }
  return {
    unit: { id: row.unitId },
    fiscalYear: row.fiscalYear,
    publication: row.publication,
    goalCount: row.goalCount,
    totalAmountFen: row.totalAmountFen,
    withheldGoalIds: row.withheldGoalIds,
    publications: row.publications,
    publishedAt: iso(row.publishedAt),
    version: row.lastVersion,
  };
}
