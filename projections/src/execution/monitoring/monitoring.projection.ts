import type { DataOf, RecordedEvent } from '@jixiao/events';
import type * as E from '@jixiao/events';
import { chunks, defineProjection, insertRows, rowStorage, type Versioned } from '../../projection';
import {
  MonitoringCorrectionRowSchema,
  MonitoringReportRowSchema,
  MonitoringRoundRowSchema,
  MonitoringWarningRowSchema,
  type MonitoringCorrectionRow,
  type MonitoringReportRow,
  type MonitoringRoundRow,
  type MonitoringWarningRow,
} from './monitoring.entities';

/** Pure: a round as opened (`monitoringround-<roundId>`), and whether its due date has passed. */
export function evolveMonitoringRound(row: MonitoringRoundRow | null, event: RecordedEvent): MonitoringRoundRow | null {
  if (event.type === 'MonitoringRoundOpened') {
    const d = event.data as DataOf<typeof E.MonitoringRoundOpened>;
    return {
      ...d,
      streamId: event.streamId,
      lastVersion: event.streamVersion,
      openedAt: new Date(event.recordedAt),
      duePassed: false,
    };
  }
  if (event.type === 'MonitoringRoundDuePassed' && row) {
    return { ...row, lastVersion: event.streamVersion, duePassed: true };
  }
  return row;
}

/**
 * 监控轮次读模型 — the rounds as opened, and whether their due date has passed. A round's progress (reported, late, overdue) is counted
 * from the reports and warnings read model when asked: the reports of a round come from many
 * streams, which a worker may apply before the round's own event.
 */
export const monitoringRoundsProjection = defineProjection<MonitoringRoundRow>({
  name: 'execution.monitoring-rounds',
  // every event of the round's stream: a worker never takes a skipped one for a version gap
  handles: ['MonitoringRoundOpened', 'MonitoringRoundDuePassed'],
  entities: [MonitoringRoundRowSchema],
  evolve: evolveMonitoringRound,
  ...rowStorage(MonitoringRoundRowSchema, 'streamId'),
});

/** A goal's report stream (`monitoring-<roundId>-<goalId>`) as the read model holds it. */
export type MonitoringReportDoc = Versioned & {
  /** Null while only an overdue warning stands. */
  report: MonitoringReportRow | null;
  warnings: MonitoringWarningRow[];
  corrections: MonitoringCorrectionRow[];
};

export const MONITORING_REPORT_EVENTS = [
  'MonitoringReportFiled',
  'MonitoringWarningRaised',
  'MonitoringCorrectionDecided',
  'FundingStopLifted',
] as const;

/** Pure: a goal's report in a round, its warnings (and which were corrected) and the corrections on them. */
export function evolveMonitoringReport(
  doc: MonitoringReportDoc | null,
  event: RecordedEvent,
): MonitoringReportDoc | null {
  if (!(MONITORING_REPORT_EVENTS as readonly string[]).includes(event.type)) return doc;
  const at = new Date(event.recordedAt);
  const base: MonitoringReportDoc = {
    streamId: event.streamId,
    lastVersion: event.streamVersion,
    report: doc?.report ?? null,
    warnings: doc?.warnings ?? [],
    corrections: doc?.corrections ?? [],
  };
  switch (event.type) {
    case 'MonitoringReportFiled': {
      const d = event.data as DataOf<typeof E.MonitoringReportFiled>;
      return { ...base, report: { ...d, streamId: event.streamId, lastVersion: event.streamVersion, filedAt: at } };
    }
    case 'MonitoringWarningRaised': {
      const d = event.data as DataOf<typeof E.MonitoringWarningRaised>;
      const warning: MonitoringWarningRow = {
        ...d,
        streamId: event.streamId,
        lastVersion: event.streamVersion,
        position: base.warnings.length,
        raisedAt: at,
        corrections: [],
        corrected: false,
      };
      return { ...base, warnings: [...base.warnings, warning] };
    }
    case 'MonitoringCorrectionDecided': {
      const d = event.data as DataOf<typeof E.MonitoringCorrectionDecided>;
      const correction: MonitoringCorrectionRow = {
        ...d,
        streamId: event.streamId,
        lastVersion: event.streamVersion,
        position: base.corrections.length,
        decidedAt: at,
        lifted: false,
        liftReason: null,
        liftedAt: null,
      };
      const warnings = base.warnings.map((w) =>
        w.warningId === d.warningId ? { ...w, corrections: [...w.corrections, d.kind], corrected: true } : w,
      );
      return { ...base, warnings, corrections: [...base.corrections, correction] };
    }
    default: {
      const d = event.data as DataOf<typeof E.FundingStopLifted>;
      const corrections = base.corrections.map((c) =>
        c.correctionId === d.correctionId ? { ...c, lifted: true, liftReason: d.reason, liftedAt: at } : c,
      );
      return { ...base, corrections };
    }
  }
}

/**
 * 监控填报、预警与纠偏读模型 — per goal and round: the report (figures, late), its warnings (kind,
 * severity, indicator, figures, corrected?) and the corrections decided on them (kind, reason,
 * lifted?). Whether an ADJUST_GOAL correction was carried out is read beside planning's goals
 * read model (an adjustment of the goal after the decision), which this projection does not feed on.
 */
export const monitoringReportsProjection = defineProjection<MonitoringReportDoc>({
  name: 'execution.monitoring-reports',
  handles: MONITORING_REPORT_EVENTS,
  entities: [MonitoringReportRowSchema, MonitoringWarningRowSchema, MonitoringCorrectionRowSchema],
  evolve: evolveMonitoringReport,
  async loadMany(em, streamIds) {
    const docs = new Map<string, MonitoringReportDoc>();
    for (const ids of chunks(streamIds)) {
      const where = { streamId: { $in: ids } };
      const options = { disableIdentityMap: true } as const;
      const reports = await em.find(MonitoringReportRowSchema, where, options);
      const warnings = await em.find(MonitoringWarningRowSchema, where, { ...options, orderBy: { position: 'asc' } });
      const corrections = await em.find(MonitoringCorrectionRowSchema, where, {
        ...options,
        orderBy: { position: 'asc' },
      });
      const doc = (streamId: string): MonitoringReportDoc => {
        let found = docs.get(streamId);
        if (!found) {
          found = { streamId, lastVersion: 0, report: null, warnings: [], corrections: [] };
          docs.set(streamId, found);
        }
        return found;
      };
      const seen = (row: { streamId: string; lastVersion: number }) => {
        const found = doc(row.streamId);
        found.lastVersion = Math.max(found.lastVersion, row.lastVersion);
        return found;
      };
      for (const r of reports) seen(r).report = r;
      for (const w of warnings) seen(w).warnings.push(w);
      for (const c of corrections) seen(c).corrections.push(c);
    }
    return docs;
  },
  async saveMany(em, docs) {
    for (const part of chunks(docs)) {
      const streamId = { $in: part.map((d) => d.streamId) };
      await em.nativeDelete(MonitoringReportRowSchema, { streamId });
      await em.nativeDelete(MonitoringWarningRowSchema, { streamId });
      await em.nativeDelete(MonitoringCorrectionRowSchema, { streamId });
    }
    // each row carries the stream's version applied: the document's, read back as the highest
    const stamped = <T extends { lastVersion: number }>(d: MonitoringReportDoc, rows: T[]) =>
      rows.map((r) => ({ ...r, lastVersion: d.lastVersion }));
    await insertRows(
      em,
      MonitoringReportRowSchema,
      docs.flatMap((d) => stamped(d, d.report ? [d.report] : [])),
    );
    await insertRows(
      em,
      MonitoringWarningRowSchema,
      docs.flatMap((d) => stamped(d, d.warnings)),
    );
    await insertRows(
      em,
      MonitoringCorrectionRowSchema,
      docs.flatMap((d) => stamped(d, d.corrections)),
    );
  },
});
