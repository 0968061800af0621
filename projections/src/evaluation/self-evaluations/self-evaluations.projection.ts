import type { DataOf, RecordedEvent } from '@jixiao/events';
import type * as E from '@jixiao/events';
import { chunks, defineProjection, insertRows, rowStorage, type Versioned } from '../../projection';
import {
  SelfEvaluationNoticeRowSchema,
  SelfEvaluationRowSchema,
  SelfEvaluationTaskRowSchema,
  type SelfEvaluationNoticeRow,
  type SelfEvaluationRow,
  type SelfEvaluationTaskRow,
} from './self-evaluations.entities';

/** A notice stream (`evaluationnotice-<divisionCode>-<fiscalYear>`) as the read model holds it. */
export type SelfEvaluationNoticeDoc = Versioned & {
  notice: SelfEvaluationNoticeRow | null;
  tasks: SelfEvaluationTaskRow[];
};

export const SELF_EVALUATION_NOTICE_EVENTS = [
  'EvaluationNoticeIssued',
  'EvaluationNoticeDuePassed',
  'SpotCheckDrawn',
] as const;

/** Pure: the notice, its tasks, whether its due date passed, and its draw. */
export function evolveSelfEvaluationNotice(
  doc: SelfEvaluationNoticeDoc | null,
  event: RecordedEvent,
): SelfEvaluationNoticeDoc | null {
  const at = new Date(event.recordedAt);
  const version = { streamId: event.streamId, lastVersion: event.streamVersion };
  switch (event.type) {
    case 'EvaluationNoticeIssued': {
      const d = event.data as DataOf<typeof E.EvaluationNoticeIssued>;
      const { divisionCode, fiscalYear, dueDate } = d;
      return {
        ...version,
        notice: {
          ...version,
          divisionCode,
          fiscalYear,
          dueDate,
          ruleProfile: d.ruleProfile,
          taskCount: d.tasks.length,
          issuedAt: at,
          duePassed: false,
          drawSeed: null,
          drawPercent: null,
          drawPoolUnitIds: null,
          drawnUnitIds: null,
          drawnAt: null,
        },
        tasks: d.tasks.map((t) => ({ ...t, ...version, divisionCode, fiscalYear, dueDate })),
      };
    }
    case 'EvaluationNoticeDuePassed':
      if (!doc?.notice) return doc;
      return { ...doc, ...version, notice: { ...doc.notice, ...version, duePassed: true } };
    case 'SpotCheckDrawn': {
      if (!doc?.notice) return doc;
      const d = event.data as DataOf<typeof E.SpotCheckDrawn>;
      const notice = {
        ...doc.notice,
        ...version,
        drawSeed: d.seed,
        drawPercent: d.percent,
        drawPoolUnitIds: d.unitIds,
        drawnUnitIds: d.drawnUnitIds,
        drawnAt: at,
      };
      return { ...doc, ...version, notice };
    }
    default:
      return doc;
  }
}

/**
 * 绩效自评通知与任务读模型 — the notice of each division and year (due date, profile, whether the
 * due date passed, the draw) and its tasks. A task's status is read beside the evaluations read
 * model when asked: the evaluations are other streams, which a worker may apply before the notice.
 */
export const selfEvaluationNoticesProjection = defineProjection<SelfEvaluationNoticeDoc>({
  name: 'evaluation.self-evaluation-notices',
  handles: SELF_EVALUATION_NOTICE_EVENTS,
  entities: [SelfEvaluationNoticeRowSchema, SelfEvaluationTaskRowSchema],
  evolve: evolveSelfEvaluationNotice,
  async loadMany(em, streamIds) {
    const docs = new Map<string, SelfEvaluationNoticeDoc>();
    for (const ids of chunks(streamIds)) {
      const where = { streamId: { $in: ids } };
      const options = { disableIdentityMap: true } as const;
      for (const notice of await em.find(SelfEvaluationNoticeRowSchema, where, options)) {
        docs.set(notice.streamId, { streamId: notice.streamId, lastVersion: notice.lastVersion, notice, tasks: [] });
      }
      for (const task of await em.find(SelfEvaluationTaskRowSchema, where, options))
        docs.get(task.streamId)?.tasks.push(task);
    }
    return docs;
  },
  async saveMany(em, docs) {
    for (const part of chunks(docs)) {
      const streamId = { $in: part.map((d) => d.streamId) };
      await em.nativeDelete(SelfEvaluationNoticeRowSchema, { streamId });
      await em.nativeDelete(SelfEvaluationTaskRowSchema, { streamId });
    }
    await insertRows(
      em,
      SelfEvaluationNoticeRowSchema,
      docs.flatMap((d) => (d.notice ? [{ ...d.notice, lastVersion: d.lastVersion }] : [])),
    );
    await insertRows(
      em,
      SelfEvaluationTaskRowSchema,
      docs.flatMap((d) => d.tasks.map((t) => ({ ...t, lastVersion: d.lastVersion }))),
    );
  },
});

export const SELF_EVALUATION_EVENTS = [
  'SelfEvaluationDrawNoted',
  'SelfEvaluationSubmitted',
  'SelfEvaluationReviewed',
  'SpotCheckDecided',
  'SelfEvaluationAccepted',
] as const;

const evaluationIdOf = (streamId: string) => streamId.slice('selfevaluation-'.length);

function blankRow(event: RecordedEvent, unitId: string): SelfEvaluationRow {
  return {
    evaluationId: evaluationIdOf(event.streamId),
    streamId: event.streamId,
    lastVersion: event.streamVersion,
    unitId,
    divisionCode: null,
    fiscalYear: null,
    object: null,
    goalId: null,
    projectId: null,
    name: null,
    departmentReview: null,
    status: 'ISSUED',
    submission: 0,
    drawn: null,
    late: false,
    ruleProfile: null,
    budgetFen: null,
    executedFen: null,
    budgetExecution: null,
    lines: [],
    parts: [],
    total: null,
    grade: null,
    reviews: [],
    acceptedBasis: null,
    submittedAt: null,
    updatedAt: new Date(event.recordedAt),
  };
}

/** Pure: an evaluation's latest sheet with every line's formula, its reviews, the draw noted and its status. */
export function evolveSelfEvaluation(row: SelfEvaluationRow | null, event: RecordedEvent): SelfEvaluationRow | null {
  if (!(SELF_EVALUATION_EVENTS as readonly string[]).includes(event.type)) return row;
  const at = new Date(event.recordedAt);
  const unitId = (event.data as { unitId?: string; task?: { unitId: string } }).unitId;
  const base = { ...(row ?? blankRow(event, unitId ?? '')), lastVersion: event.streamVersion, updatedAt: at };
  switch (event.type) {
    case 'SelfEvaluationDrawNoted':
      return { ...base, drawn: (event.data as DataOf<typeof E.SelfEvaluationDrawNoted>).drawn };
    case 'SelfEvaluationSubmitted': {
      const d = event.data as DataOf<typeof E.SelfEvaluationSubmitted>;
      const { task, score } = d;
      return {
        ...base,
        unitId: task.unitId,
        divisionCode: d.divisionCode,
        fiscalYear: d.fiscalYear,
        object: task.object,
        goalId: task.goalId,
        projectId: task.projectId,
        name: task.name,
        departmentReview: task.departmentReview,
        status: 'FILLED',
        submission: d.submission,
        late: d.late,
        ruleProfile: d.ruleProfile,
        budgetFen: d.budgetFen,
        executedFen: d.executedFen,
        budgetExecution: score.budgetExecution,
        lines: d.indicators.map((line, i) => {
          const { indicatorId: _id, ...scored } = score.lines[i]!;
          return { ...line, ...scored };
        }),
        parts: score.parts,
        total: score.total,
        grade: score.grade,
        submittedAt: at,
      };
    }
    case 'SelfEvaluationReviewed':
    case 'SpotCheckDecided': {
      const d = event.data as DataOf<typeof E.SelfEvaluationReviewed>;
      const stage = event.type === 'SelfEvaluationReviewed' ? 'DEPARTMENT' : 'SPOT_CHECK';
      const review = {
        stage,
        submission: d.submission,
        decision: d.decision,
        comment: d.comment,
        decidedAt: at.toISOString(),
        eventId: event.eventId,
      } as const;
      const status =
        d.decision === 'RETURN' ? 'RETURNED' : stage === 'DEPARTMENT' ? 'DEPARTMENT_REVIEWED' : base.status;
      return { ...base, status, reviews: [...base.reviews, review] };
    }
    default: {
      const d = event.data as DataOf<typeof E.SelfEvaluationAccepted>;
      return { ...base, status: 'ACCEPTED', acceptedBasis: d.basis };
    }
  }
}

/**
 * 单位自评读模型 — per evaluation: status, the latest sheet (each line with what the unit stated and
 * its formula with its numbers, the parts, total and grade), the profile it was scored under, the
 * department's and the bureau's reviews, whether the unit was drawn, how it was accepted.
 */
export const selfEvaluationsProjection = defineProjection<SelfEvaluationRow>({
  name: 'evaluation.self-evaluations',
  handles: SELF_EVALUATION_EVENTS,
  entities: [SelfEvaluationRowSchema],
  evolve: evolveSelfEvaluation,
  ...rowStorage(SelfEvaluationRowSchema, 'evaluationId'),
});
