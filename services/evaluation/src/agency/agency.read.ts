import type { EntityManager } from '@mikro-orm/core';
import { KEY_EVALUATION_STAGES } from '@jixiao/events';
import { AgencyRowSchema, KeyEvaluationRowSchema, type AgencyRow } from '@jixiao/projections';
import { containsPattern, notReached, scopedRows, type UnitScope } from '@jixiao/service-kit';
import type { RatedEvaluationFacts } from './agency.decider';
import type { ProcurementMethod } from './agency.enums';
import type { Agency, AgencyPage } from './agency.type';

/** The agency rows a caller reaches: every one, or (an agency user) the one its token's unit names. */
export const AGENCIES = scopedRows<AgencyRow>({ unit: 'agencyId' });

/** The read model's row as GraphQL shows it. */
export function toAgency(row: AgencyRow): Agency {
  return {
    id: row.agencyId,
    name: row.name,
    creditCode: row.creditCode,
    qualification: row.qualification,
    divisionCode: row.divisionCode,
    procurement: row.procurement && { ...row.procurement, method: row.procurement.method as ProcurementMethod },
    contracts: row.contracts.map(({ amountFen, ...c }) => ({ ...c, amount: amountFen })),
    ratings: row.ratings,
    ratingCount: row.ratingCount,
    averageScore: row.averageScore,
    registeredAt: new Date(row.registeredAt).toISOString(),
  };
}

/** NOT_FOUND for an agency: "register it first" for the bureau, else "not found or not in your scope". */
export const agencyNotFound = (agencyId: string, scope: UnitScope) =>
  notReached(scope, { zh: '第三方机构', en: 'Agency' }, agencyId, {
    zh: '不存在，请先登记机构',
    en: 'does not exist; register it first',
  });

/** The agency's row, or NOT_FOUND when there is none the caller reaches (the same answer for both). */
export async function findAgencyRow(em: EntityManager, agencyId: string, scope: UnitScope): Promise<AgencyRow> {
  const row = await em.findOne(AgencyRowSchema, { agencyId });
  if (!row || !AGENCIES.reaches(scope, row)) throw agencyNotFound(agencyId, scope);
  return row;
}

/** The agency already registered with a credit code, if any. */
export async function creditCodeHolder(em: EntityManager, creditCode: string): Promise<string | null> {
  const row = await em.findOne(AgencyRowSchema, { creditCode }, { fields: ['agencyId'] });
  return row?.agencyId ?? null;
}

export interface AgencyListFilter {
  name?: string | null;
  qualification?: string | null;
  divisionCode?: string | null;
}

/** A page of the agencies the caller reaches, by name, filtered by name, qualification and division. */
export async function listAgencies(
  em: EntityManager,
  filter: AgencyListFilter,
  scope: UnitScope,
  page: { limit: number; offset: number },
): Promise<AgencyPage> {
  const where = {
    ...AGENCIES.where(scope),
    ...(filter.name ? { name: { $like: containsPattern(filter.name) } } : {}),
    ...(filter.qualification ? { qualification: { $like: containsPattern(filter.qualification) } } : {}),
    ...(filter.divisionCode ? { divisionCode: filter.divisionCode } : {}),
  };
  const [rows, totalCount] = await em.findAndCount(AgencyRowSchema, where, {
    orderBy: { name: 'asc', agencyId: 'asc' },
    limit: page.limit,
    offset: page.offset,
  });
  return { nodes: rows.map(toAgency), totalCount };
}

/**
 * The key evaluation an agency is rated on, as its read model holds it: the agency it was assigned
 * to (a department evaluation's evaluator is no agency) and whether its final report is in; null when
 * there is none.
 */
export async function ratedEvaluationFacts(
  em: EntityManager,
  evaluationId: string,
): Promise<RatedEvaluationFacts | null> {
  const row = await em.findOne(
    KeyEvaluationRowSchema,
    { evaluationId },
    { fields: ['evaluationId', 'kind', 'stage', 'evaluatorId'] },
  );
  if (!row) return null;
  const stages: readonly string[] = KEY_EVALUATION_STAGES;
  return {
    agencyId: row.kind === 'FINANCE_KEY' ? row.evaluatorId : null,
    finalReached: stages.indexOf(row.stage) >= stages.indexOf('FINAL'),
  };
}
