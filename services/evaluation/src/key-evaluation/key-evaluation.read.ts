import type { EntityManager } from '@mikro-orm/core';
import { KEY_EVALUATION_STAGES } from '@jixiao/events';
import { KeyEvaluationRowSchema, type KeyEvaluationRow } from '@jixiao/projections';
import type { UnitScope } from '@jixiao/service-kit';
import { notFound } from './key-evaluation.decider';
import type {
  EvidenceKind,
  FeedbackSource,
  KeyEvaluationKind,
  KeyEvaluationObject,
  KeyEvaluationStage,
} from './key-evaluation.enums';
import type { KeyEvaluationFilter } from './key-evaluation.input';
import type { KeyEvaluation, KeyEvaluationBoard, KeyEvaluationPage } from './key-evaluation.type';

const DAY = 86_400_000;
const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * Whether a scope reaches an evaluation: by the evaluated unit, or by its evaluator — an agency's
 * token names its agency as its unit, a department evaluates as its own unit — or, for an expert,
 * by an invitation to it (a KEY_EVALUATION assignment).
 */
export function reaches(
  scope: UnitScope,
  row: Pick<KeyEvaluationRow, 'evaluationId' | 'unitId' | 'evaluatorId'>,
): boolean {
  if (scope.all) return true;
  return (
    scope.unitIds.includes(row.unitId) ||
    (row.evaluatorId !== null && scope.unitIds.includes(row.evaluatorId)) ||
    invitedTo(scope).includes(row.evaluationId)
  );
}

/** The evaluations an invited expert reaches: their KEY_EVALUATION assignments (scope `ASSIGNED`). */
const invitedTo = (scope: UnitScope): readonly string[] => (scope.all ? [] : (scope.assigned?.KEY_EVALUATION ?? []));

/** The same as a MikroORM `where` fragment. */
function scopeWhere(scope: UnitScope): Record<string, unknown> {
  if (scope.all) return {};
  const ids = [...scope.unitIds];
  const invited = invitedTo(scope);
  return {
    $or: [
      { unitId: { $in: ids } },
      { evaluatorId: { $in: ids } },
      ...(invited.length > 0 ? [{ evaluationId: { $in: [...invited] } }] : []),
    ],
  };
}

export function toKeyEvaluation(row: KeyEvaluationRow): KeyEvaluation {
  const f = row.final;
  return {
    id: row.evaluationId,
    kind: row.kind as KeyEvaluationKind,
    object: row.object as KeyEvaluationObject,
    unitId: row.unitId,
    projectId: row.projectId,
    subject: row.subject,
    fiscalYear: row.fiscalYear,
    split: Object.entries(row.split).map(([dimension, points]) => ({ dimension, points })),
    stage: row.stage as KeyEvaluationStage,
    stageEnteredAt: iso(row.stageEnteredAt),
    evaluatorId: row.evaluatorId,
    contractNumber: row.contractNumber,
    assignmentScope: row.assignmentScope,
    evidence: row.evidence.map((e) => ({ ...e, id: e.evidenceId, kind: e.kind as EvidenceKind })),
    scores: row.scores,
    expertScores: row.expertScores ?? [],
    reports: row.reports,
    feedback: row.feedback.map((x) => ({
      ...x,
      id: x.feedbackId,
      source: x.source as FeedbackSource,
      answer: x.answer && { adopted: x.answer.adopted, text: x.answer.text, answeredAt: x.answer.answeredAt },
    })),
    openFeedback: row.openFeedback,
    final: f && { ...f, ruleProfile: `${f.ruleProfile.profileId}@${f.ruleProfile.version}` },
    notifiedAt: row.notifiedAt ? iso(row.notifiedAt) : null,
    version: row.lastVersion,
  };
}

/** The evaluation's row, or NOT_FOUND when it does not exist or the caller's scope does not reach it (the same answer). */
export async function requireEvaluationRow(
  em: EntityManager,
  evaluationId: string,
  scope: UnitScope,
): Promise<KeyEvaluationRow> {
  const row = await em.findOne(KeyEvaluationRowSchema, { evaluationId }, { disableIdentityMap: true });
  if (!row || !reaches(scope, row)) throw notFound(evaluationId);
  return row;
}

export async function findEvaluations(
  em: EntityManager,
  filter: KeyEvaluationFilter,
  page: { limit: number; offset: number },
  scope: UnitScope,
): Promise<KeyEvaluationPage> {
  const where: Record<string, unknown> = { ...scopeWhere(scope) };
  if (filter.fiscalYear != null) where.fiscalYear = filter.fiscalYear;
  if (filter.stage != null) where.stage = filter.stage;
  if (filter.evaluatorId != null) where.evaluatorId = filter.evaluatorId;
  if (filter.unitId != null) where.unitId = filter.unitId;
  const [rows, totalCount] = await em.findAndCount(KeyEvaluationRowSchema, where, {
    orderBy: { plannedAt: 'desc', evaluationId: 'asc' },
    limit: page.limit,
    offset: page.offset,
    disableIdentityMap: true,
  });
  return { nodes: rows.map(toKeyEvaluation), totalCount };
}

/** The plan board of a year: how many evaluations are in each stage, and each one's days in its stage. */
export async function boardOf(em: EntityManager, fiscalYear: number, nowMs: number): Promise<KeyEvaluationBoard> {
  const rows = await em.find(KeyEvaluationRowSchema, { fiscalYear }, { disableIdentityMap: true });
  const days = (r: KeyEvaluationRow) => Math.max(0, Math.floor((nowMs - new Date(r.stageEnteredAt).getTime()) / DAY));
  const items = rows
    .map((r) => ({ evaluation: toKeyEvaluation(r), daysInStage: days(r) }))
    .sort((a, b) => b.daysInStage - a.daysInStage || a.evaluation.id.localeCompare(b.evaluation.id));
  const stages = KEY_EVALUATION_STAGES.map((stage) => ({
    stage: stage as KeyEvaluationStage,
    count: rows.filter((r) => r.stage === stage).length,
  }));
  return { fiscalYear, stages, items };
}
