import type { EntityManager } from '@mikro-orm/core';
import { NotFoundError } from '@jixiao/events';
import type { UnitScope } from '@jixiao/service-kit';
import { GoalRowSchema, PreAssessmentRowSchema, ProjectRowSchema, type ProjectRow } from '@jixiao/projections';
import { APPROVED_STATUSES } from '../goal/goal.state';
import { libraryGateBlockers, type GateFacts } from './project.gate';
import type { GateCondition, LibraryStatus, ProjectCategory } from './project.enums';
import type { ProjectFilter } from './project.input';
import type { Project } from './project.type';

const APPROVED_SQL = APPROVED_STATUSES.map((s) => `'${s}'`).join(', ');
/** SQL (portable to SQLite and PostgreSQL) for "project p still lacks a gate condition". */
const BLOCKED_SQL = `(not exists (select 1 from rm_goal g where g.project_id = p.project_id and g.status in (${APPROVED_SQL}))
  or (p.is_new and p.is_major and not exists (select 1 from rm_pre_assessment a
      where a.project_id = p.project_id and a.passed and a.conclusion <> 'REJECT')))`;

/** NOT_FOUND for a project that does not exist, or that the caller may not see. */
export const projectNotFound = (projectId: string) => () =>
  new NotFoundError({ zh: `项目 ${projectId} 不存在`, en: `Project ${projectId} does not exist` });

/** The gate facts of many projects in two queries. */
export async function gateFactsOf(em: EntityManager, projectIds: string[]): Promise<Map<string, GateFacts>> {
  const facts = new Map<string, GateFacts>(
    projectIds.map((id) => [id, { approvedGoalId: null, passedPreAssessmentId: null }]),
  );
  if (projectIds.length === 0) return facts;
  const goals = await em.find(
    GoalRowSchema,
    { projectId: { $in: projectIds }, status: { $in: [...APPROVED_STATUSES] } },
    { fields: ['goalId', 'projectId'], orderBy: { updatedAt: 'desc' } },
  );
  for (const g of goals) {
    const f = facts.get(g.projectId!);
    if (f && !f.approvedGoalId) f.approvedGoalId = g.goalId;
  }
  const assessments = await em.find(
    PreAssessmentRowSchema,
    { projectId: { $in: projectIds }, status: 'CONCLUDED', passed: true, conclusion: { $ne: 'REJECT' } },
    { fields: ['preAssessmentId', 'projectId'], orderBy: { concludedAt: 'desc' } },
  );
  for (const a of assessments) {
    const f = facts.get(a.projectId!);
    if (f && !f.passedPreAssessmentId) f.passedPreAssessmentId = a.preAssessmentId;
  }
  return facts;
}

export function toProject(row: ProjectRow, facts: GateFacts | undefined): Project {
  const inLibrary = row.libraryStatus === 'IN_LIBRARY';
  const blockers = inLibrary || !facts ? [] : libraryGateBlockers(row, facts);
  return {
    id: row.projectId,
    unit: { id: row.unitId },
    code: row.code,
    name: row.name,
    category: row.category as ProjectCategory,
    isNew: row.isNew,
    isMajor: row.isMajor,
    amountRequestedFen: row.amountRequestedFen,
    fiscalYear: row.fiscalYear,
    years: row.years,
    divisionCode: row.divisionCode,
    libraryStatus: row.libraryStatus as LibraryStatus,
    admittedGoalId: row.admittedGoalId,
    admittedPreAssessmentId: row.admittedPreAssessmentId,
    allocatedTotalFen: row.allocatedTotalFen,
    allocations: row.allocations,
    libraryBlockers: blockers.map((b) => ({ ...b, condition: b.condition as GateCondition })),
    version: row.lastVersion,
    proposedAt: new Date(row.proposedAt).toISOString(),
  };
}

export async function findProject(em: EntityManager, projectId: string, notFound: () => Error): Promise<Project> {
  const row = await em.findOne(ProjectRowSchema, { projectId });
  if (!row) throw notFound();
  return toProject(row, (await gateFactsOf(em, [projectId])).get(projectId));
}

/** Projects matching the filter, newest first; `blockedOnly` keeps those the library gate still refuses. */
export async function findProjects(
  em: EntityManager,
  filter: ProjectFilter,
  page: { limit: number; offset: number },
  scope: UnitScope,
): Promise<{ nodes: Project[]; totalCount: number }> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value?: unknown) => {
    conditions.push(sql);
    if (value !== undefined) params.push(value);
  };
  // the scope narrows whatever the filter asks for
  if (!scope.all) {
    conditions.push(scope.unitIds.length ? `p.unit_id in (${scope.unitIds.map(() => '?').join(', ')})` : '1 = 0');
    params.push(...scope.unitIds);
  }
  if (filter.unitId) add('p.unit_id = ?', filter.unitId);
  if (filter.fiscalYear) add('p.fiscal_year = ?', filter.fiscalYear);
  if (filter.libraryStatus) add('p.library_status = ?', filter.libraryStatus);
  if (filter.blockedOnly) add(`p.library_status = 'PROPOSED' and ${BLOCKED_SQL}`);
  const where = conditions.length ? `where ${conditions.join(' and ')}` : '';
  const connection = em.getConnection();
  const counted = (await connection.execute(`select count(*) as n from rm_project p ${where}`, params)) as {
    n: number | string;
  }[];
  const ids = (await connection.execute(
    `select p.project_id from rm_project p ${where} order by p.proposed_at desc, p.project_id limit ? offset ?`,
    [...params, page.limit, page.offset],
  )) as { project_id: string }[];
  const rows = await em.find(ProjectRowSchema, { projectId: { $in: ids.map((r) => r.project_id) } });
  const byId = new Map(rows.map((r) => [r.projectId, r]));
  const facts = await gateFactsOf(
    em,
    rows.map((r) => r.projectId),
  );
  const nodes = ids.flatMap((r) => {
    const row = byId.get(r.project_id);
    return row ? [toProject(row, facts.get(row.projectId))] : [];
  });
  return { nodes, totalCount: Number(counted[0]?.n ?? 0) };
}
