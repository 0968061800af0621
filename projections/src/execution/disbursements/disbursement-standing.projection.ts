import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type {
  BudgetAllocated,
  DataOf,
  DisbursementOpinionSigned,
  DisbursementRequested,
  DisbursementResubmitted,
  FundingStopLifted,
  MonitoringCorrectionDecided,
  MonitoringReportFiled,
  RecordedEvent,
} from '@jixiao/events';
import { defineKeyedProjection, type KeyedContext } from '../../keyed';
import { chunks, insertRows } from '../../projection';
import { DisbursementStandingRowSchema, type DisbursementStandingRow } from './disbursements.entities';

/**
 * What the projection remembers of a disbursement stream: the project it counts under and how —
 * `DisbursementOpinionSigned` and `DisbursementResubmitted` name neither project nor amount.
 * Null for the other streams it reads (projects, monitoring reports), whose events name the project.
 */
export interface DisbursementMemo {
  projectId: string;
  status: 'REQUESTED' | 'CLEARED' | 'HELD';
  amountFen: number;
}

const PROJECT_EVENTS = ['ProjectProposed', 'ProjectAdmittedToLibrary', 'BudgetAllocated'] as const;
const DISBURSEMENT_EVENTS = ['DisbursementRequested', 'DisbursementOpinionSigned', 'DisbursementResubmitted'] as const;
const MONITORING_EVENTS = [
  'MonitoringReportFiled',
  'MonitoringWarningRaised',
  'MonitoringCorrectionDecided',
  'FundingStopLifted',
] as const;

/** Pure: the memo of a stream after one of its events. */
export function rememberDisbursement(memo: DisbursementMemo | null, event: RecordedEvent): DisbursementMemo | null {
  switch (event.type) {
    case 'DisbursementRequested': {
      const d = event.data as DataOf<typeof DisbursementRequested>;
      return { projectId: d.projectId, status: 'REQUESTED', amountFen: d.amountFen };
    }
    case 'DisbursementOpinionSigned':
      return memo && { ...memo, status: (event.data as DataOf<typeof DisbursementOpinionSigned>).outcome };
    case 'DisbursementResubmitted':
      return (
        memo && {
          ...memo,
          status: 'REQUESTED',
          amountFen: (event.data as DataOf<typeof DisbursementResubmitted>).amountFen,
        }
      );
    default:
      return memo;
  }
}

/** The project an event changes the standing of (none for a warning, or a report of a goal without a project). */
export function standingKeys(event: RecordedEvent, memo: DisbursementMemo | null): string[] {
  switch (event.type) {
    case 'BudgetAllocated':
    case 'DisbursementRequested':
      return [(event.data as { projectId: string }).projectId];
    case 'DisbursementOpinionSigned':
    case 'DisbursementResubmitted':
      return memo ? [memo.projectId] : [];
    case 'MonitoringReportFiled':
    case 'MonitoringCorrectionDecided':
    case 'FundingStopLifted': {
      const projectId = (event.data as { projectId: string | null }).projectId;
      return projectId ? [projectId] : [];
    }
    default:
      return [];
  }
}

const empty = (key: string): DisbursementStandingRow => ({
  key,
  allocatedFen: 0,
  clearedFen: 0,
  clearedCount: 0,
  openFen: 0,
  openCount: 0,
  heldOpinions: 0,
  latestReport: null,
  stopCorrectionIds: [],
});

/** Adds (n = 1) or takes away (n = −1) what one request in its state contributes to the project's totals. */
function tally(row: DisbursementStandingRow, m: DisbursementMemo | null, n: 1 | -1): void {
  if (!m) return;
  if (m.status === 'REQUESTED') {
    row.openFen += n * m.amountFen;
    row.openCount += n;
  } else if (m.status === 'CLEARED') {
    row.clearedFen += n * m.amountFen;
    row.clearedCount += n;
  }
}

/** Pure: a project's standing after one event. */
export function evolveStanding(
  doc: DisbursementStandingRow | null,
  event: RecordedEvent,
  { key, before, after }: KeyedContext<DisbursementMemo>,
): DisbursementStandingRow | null {
  const row = { ...(doc ?? empty(key)), stopCorrectionIds: [...(doc?.stopCorrectionIds ?? [])] };
  switch (event.type) {
    case 'BudgetAllocated':
      row.allocatedFen = (event.data as DataOf<typeof BudgetAllocated>).totalAllocatedFen;
      return row;
    case 'DisbursementRequested':
    case 'DisbursementOpinionSigned':
    case 'DisbursementResubmitted':
      tally(row, before, -1);
      tally(row, after, 1);
      if (event.type === 'DisbursementOpinionSigned') {
        const d = event.data as DataOf<typeof DisbursementOpinionSigned>;
        if (d.outcome === 'HELD') row.heldOpinions += 1;
      }
      return row;
    case 'MonitoringReportFiled': {
      const d = event.data as DataOf<typeof MonitoringReportFiled>;
      row.latestReport = {
        roundId: d.roundId,
        goalId: d.goalId,
        executedFen: d.executedFen,
        budgetFen: d.budgetFen,
        likelihoods: [...new Set(d.indicators.map((i) => i.likelihood))].sort(),
        filedAt: event.recordedAt,
      };
      return row;
    }
    case 'MonitoringCorrectionDecided': {
      const d = event.data as DataOf<typeof MonitoringCorrectionDecided>;
      if (d.kind === 'STOP_FUNDING' && !row.stopCorrectionIds.includes(d.correctionId)) {
        row.stopCorrectionIds = [...row.stopCorrectionIds, d.correctionId].sort();
      }
      return row;
    }
    case 'FundingStopLifted': {
      const d = event.data as DataOf<typeof FundingStopLifted>;
      row.stopCorrectionIds = row.stopCorrectionIds.filter((id) => id !== d.correctionId);
      return row;
    }
    default:
      return doc;
  }
}

/**
 * 项目拨款情况读模型 — per project (keyed by its id), what the opinion form is pre-filled from and
 * what a request may still ask for: planning's allocations, the requests cleared and open, earlier
 * holds, the latest monitoring report and the stop-funding decisions in force. Fed by the events
 * themselves (project, disbursement and monitoring-report streams), not by other read models.
 * It handles every event of the streams it reads, even those that change nothing here: a stream's
 * record then moves with each of its events, and a Kafka worker never takes a skipped type for a gap.
 * The goal's status is not kept here: the request names its goal, and planning's goals read model
 * (`rm_goal`) is read when the form is opened — one authority for a goal's status.
 */
export const disbursementStandingProjection = defineKeyedProjection<DisbursementStandingRow, DisbursementMemo>({
  name: 'execution.disbursement-standing',
  handles: [...PROJECT_EVENTS, ...DISBURSEMENT_EVENTS, ...MONITORING_EVENTS],
  entities: [DisbursementStandingRowSchema],
  keysOf: standingKeys,
  remember: rememberDisbursement,
  evolve: evolveStanding,
  async loadMany(em, keys) {
    const found = new Map<string, DisbursementStandingRow>();
    for (const part of chunks(keys)) {
      const rows = await em.find(DisbursementStandingRowSchema, { key: { $in: part } }, { disableIdentityMap: true });
      for (const row of rows) found.set(row.key, row);
    }
    return found;
  },
  async saveMany(em, docs) {
    await deleteStandings(
      em,
      docs.map((d) => d.key),
    );
    await insertRows(em, DisbursementStandingRowSchema, docs);
  },
  deleteMany: deleteStandings,
});

async function deleteStandings(em: EntityManager, keys: readonly string[]): Promise<void> {
  for (const part of chunks(keys)) {
    await em.nativeDelete(DisbursementStandingRowSchema, {
      key: { $in: part },
    } as FilterQuery<DisbursementStandingRow>);
  }
}
