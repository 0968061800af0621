import type {
  DataOf,
  DisbursementOpinionSigned,
  DisbursementRequested,
  DisbursementResubmitted,
  RecordedEvent,
} from '@jixiao/events';
import { defineProjection, rowStorage } from '../../projection';
import { DisbursementRequestRowSchema, type DisbursementRequestRow } from './disbursements.entities';

const EIGHT_HOURS = 8 * 3_600_000;

/** The month (1–12) of an instant in China's time (UTC+8, no daylight saving). */
export const chinaMonthOf = (iso: string): number => new Date(Date.parse(iso) + EIGHT_HOURS).getUTCMonth() + 1;

/**
 * Pure: a request row after one event of its stream. Submitted: REQUESTED with its content;
 * an opinion: CLEARED or HELD, the opinion kept with the facts as shown and the signer (the
 * event's actor); corrected: REQUESTED again with the new content, the documents received added up.
 */
export function evolveDisbursementRequest(
  row: DisbursementRequestRow | null,
  event: RecordedEvent,
): DisbursementRequestRow | null {
  const at = new Date(event.recordedAt);
  switch (event.type) {
    case 'DisbursementRequested': {
      const d = event.data as DataOf<typeof DisbursementRequested>;
      return {
        requestId: d.requestId,
        streamId: event.streamId,
        lastVersion: event.streamVersion,
        unitId: d.unitId,
        projectId: d.projectId,
        goalId: d.goalId,
        fiscalYear: d.fiscalYear,
        amountFen: d.amountFen,
        purpose: d.purpose,
        batch: d.batch,
        documents: d.documents.map(({ attachmentId, name, sizeBytes, contentType, sha256 }) => ({
          attachmentId,
          name,
          sizeBytes,
          contentType,
          sha256,
        })),
        documentsReceived: d.documents.length,
        status: 'REQUESTED',
        submission: 1,
        firstSubmittedAt: at,
        lastSubmittedAt: at,
        submittedMonth: chinaMonthOf(event.recordedAt),
        decidedAt: null,
        opinion: null,
      };
    }
    case 'DisbursementOpinionSigned': {
      if (!row) return row;
      const d = event.data as DataOf<typeof DisbursementOpinionSigned>;
      return {
        ...row,
        lastVersion: event.streamVersion,
        status: d.outcome,
        decidedAt: at,
        opinion: {
          outcome: d.outcome,
          reasons: d.reasons,
          comment: d.comment,
          shown: d.shown,
          overrides: d.overrides,
          submission: d.submission,
          signerId: event.metadata.actorId,
          signedAt: event.recordedAt,
          eventId: event.eventId,
        },
      };
    }
    case 'DisbursementResubmitted': {
      if (!row) return row;
      const d = event.data as DataOf<typeof DisbursementResubmitted>;
      return {
        ...row,
        lastVersion: event.streamVersion,
        amountFen: d.amountFen,
        purpose: d.purpose,
        batch: d.batch,
        documents: d.documents.map(({ attachmentId, name, sizeBytes, contentType, sha256 }) => ({
          attachmentId,
          name,
          sizeBytes,
          contentType,
          sha256,
        })),
        documentsReceived: row.documentsReceived + d.documents.length,
        status: 'REQUESTED',
        submission: d.submission,
        lastSubmittedAt: at,
      };
    }
    default:
      return row;
  }
}

/** 拨款申请读模型 — one row per request (the queue, the lists, the year's figures read it). */
export const disbursementRequestsProjection = defineProjection<DisbursementRequestRow>({
  name: 'execution.disbursement-requests',
  handles: ['DisbursementRequested', 'DisbursementOpinionSigned', 'DisbursementResubmitted'],
  entities: [DisbursementRequestRowSchema],
  evolve: evolveDisbursementRequest,
  ...rowStorage(DisbursementRequestRowSchema, 'requestId'),
});
