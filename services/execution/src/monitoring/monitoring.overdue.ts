import { derivedId } from '@jixiao/events';
import { GoalRowSchema } from '@jixiao/projections';
import { defineDeadline, defineReaction, type ReactionCommand, type ReactionLookups } from '@jixiao/service-kit';
import {
  monitoringReportDecider,
  monitoringRoundDecider,
  reportStreamId,
  roundStreamId,
  type MarkReportOverdue,
  type MarkRoundDuePassed,
} from './monitoring.decider';
import type { MonitoringRoundDuePassed, MonitoringRoundOpened } from './monitoring.events';

/**
 * 逾期未填报 — a round's due date, and the overdue warnings after it.
 *
 * The scheduler turns one deadline into one command, but a round's due date concerns every
 * issued goal of its year and division. So the fan-out is in two steps: the deadline of the round
 * (set by `MonitoringRoundOpened`) appends one round-level `MonitoringRoundDuePassed` on the round's
 * stream; the reaction to it issues one `MarkReportOverdue` per ISSUED goal of the round's year
 * and division, each on that goal's report stream. Exactly once under retries at every step: the
 * scheduler's command id is derived from the deadline and the round decider records the date
 * passed once; the reaction's command ids are derived from the source event, each warning id from
 * the source event and the goal, and the report decider raises a goal's overdue warning only
 * while the stream holds neither a report nor an overdue warning.
 */

/** The overdue warning's id for a goal: the same on every delivery of the round's "due date passed". */
export const overdueWarningId = (duePassedEventId: string, goalId: string): string =>
  derivedId(`jixiao.monitoring-overdue:${duePassedEventId}:${goalId}`);

/** The round's due date: set when it opens, passed once. */
export const monitoringRoundDeadline = defineDeadline({
  name: 'execution.monitoring-round-due',
  handles: ['MonitoringRoundOpened', 'MonitoringRoundDuePassed'],
  track: (event) => {
    if (event.type === 'MonitoringRoundDuePassed') {
      return { settle: [(event.data as MonitoringRoundDuePassed['data']).roundId] };
    }
    const { roundId, dueDate } = event.data as MonitoringRoundOpened['data'];
    return { set: { deadlineId: roundId, streamId: roundStreamId(roundId), dueDate } };
  },
  passed: (deadline) => {
    const command: MarkRoundDuePassed = { type: 'MarkRoundDuePassed', roundId: deadline.deadlineId };
    return { streamId: deadline.streamId, decider: monitoringRoundDecider as ReactionCommand['decider'], command };
  },
});

/** The ISSUED goals of a year and division (those a report may be filed for), by id, with their units. */
export async function issuedGoalsOf(
  lookups: Pick<ReactionLookups, 'em'>,
  divisionCode: string,
  fiscalYear: number,
): Promise<{ goalId: string; unitId: string }[]> {
  const rows = await lookups
    .em()
    .find(
      GoalRowSchema,
      { divisionCode, fiscalYear, status: 'ISSUED' },
      { fields: ['goalId', 'unitId'], orderBy: { goalId: 'asc' } },
    );
  return rows.map((r) => ({ goalId: r.goalId, unitId: r.unitId }));
}

/**
 * Past the due date: one overdue command per issued goal of the round (by goal id); the report
 * decider leaves a goal already reported alone, so a report filed meanwhile is never warned.
 */
export const overdueOnDuePassed = defineReaction({
  name: 'execution.monitoring-overdue',
  handles: ['MonitoringRoundDuePassed'],
  react: async (event, lookups) => {
    const { roundId, divisionCode, fiscalYear, dueDate } = event.data as MonitoringRoundDuePassed['data'];
    const goals = await issuedGoalsOf(lookups, divisionCode, fiscalYear);
    return goals.map(({ goalId, unitId }): ReactionCommand => {
      const command: MarkReportOverdue = {
        type: 'MarkReportOverdue',
        roundId,
        goalId,
        unitId,
        dueDate,
        warningId: overdueWarningId(event.eventId, goalId),
      };
      return {
        streamId: reportStreamId(roundId, goalId),
        decider: monitoringReportDecider as ReactionCommand['decider'],
        command,
      };
    });
  },
});
