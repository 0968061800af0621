import type {
  Decider,
  EventOf,
  GoalResubmissionDeadlineSet as DeadlineSetDef,
  GoalResubmissionOverdue as OverdueDef,
  NewEvent,
} from '@jixiao/events';
import { defineDeadline, defineReaction, profileInForce, type ReactionLookups } from '@jixiao/service-kit';
import type { GoalReviewed } from './goal.events';
import { goalStreamId } from './goal.state';

/**
 * 退回修改期限 — a returned goal is to be resubmitted within a number of days. When a review
 * returns a goal, the planning context reacts by setting the day (`GoalResubmissionDeadlineSet`,
 * caused by the return); the scheduler appends `GoalResubmissionOverdue` once that day has passed
 * without a resubmission. The accountability context's ledger will read the overdue event (a missed
 * stage of goal management). Both live on a stream of their own, `goalresubmission-<goalId>`: on
 * the goal's stream they would move its version under a unit editing the returned goal, whose next
 * command names the version it read.
 */

export type GoalResubmissionDeadlineSet = EventOf<typeof DeadlineSetDef>;
export type GoalResubmissionOverdue = EventOf<typeof OverdueDef>;

/** `goalresubmission-<goalId>`: the resubmission days of one goal, one per return. */
export const resubmissionStreamId = (goalId: string): string => `goalresubmission-${goalId}`;

/** 设定重新提交期限 — issued by the reaction to a return; `deadlineId` is the return's event id. */
export interface SetResubmissionDeadline {
  type: 'SetResubmissionDeadline';
  goalId: string;
  deadlineId: string;
  dueDate: string;
  days: number;
}

/** 标记逾期未重新提交 — issued by the scheduler once the day has passed. */
export interface MarkResubmissionOverdue {
  type: 'MarkResubmissionOverdue';
  goalId: string;
  deadlineId: string;
  dueDate: string;
}

export type ResubmissionCommand = SetResubmissionDeadline | MarkResubmissionOverdue;

/** Each return's day, by the return's event id, and whether it was missed. */
export type ResubmissionState = Readonly<Record<string, { dueDate: string; overdue: boolean }>>;

function evolve(state: ResubmissionState, event: NewEvent): ResubmissionState {
  switch (event.type) {
    case 'GoalResubmissionDeadlineSet': {
      const { deadlineId, dueDate } = (event as GoalResubmissionDeadlineSet).data;
      return { ...state, [deadlineId]: { dueDate, overdue: false } };
    }
    case 'GoalResubmissionOverdue': {
      const { deadlineId } = (event as GoalResubmissionOverdue).data;
      const day = state[deadlineId];
      return day ? { ...state, [deadlineId]: { ...day, overdue: true } } : state;
    }
    default:
      return state;
  }
}

/** Both commands come from the platform, possibly twice: each records its fact once. */
function decide(command: ResubmissionCommand, state: ResubmissionState): NewEvent[] {
  const { goalId, deadlineId, dueDate } = command;
  const day = state[deadlineId];
  if (command.type === 'SetResubmissionDeadline') {
    if (day) return [];
    const set: GoalResubmissionDeadlineSet = {
      type: 'GoalResubmissionDeadlineSet',
      data: { goalId, deadlineId, dueDate, days: command.days },
    };
    return [set];
  }
  if (!day || day.overdue) return [];
  const overdue: GoalResubmissionOverdue = { type: 'GoalResubmissionOverdue', data: { goalId, deadlineId, dueDate } };
  return [overdue];
}

export const resubmissionDecider: Decider<ResubmissionCommand, NewEvent, ResubmissionState> = {
  initialState: () => ({}),
  evolve,
  decide,
};

/** The day `days` after the day (China's time) of `instant`: `2024-06-20T17:00:00Z` + 15 → `2024-07-06`. */
export function dayAfter(instant: string, days: number): string {
  const offsetMs = 8 * 60 * 60 * 1000; // China's time, as DEADLINE_UTC_OFFSET says
  const local = new Date(new Date(instant).getTime() + offsetMs);
  local.setUTCDate(local.getUTCDate() + days);
  return local.toISOString().slice(0, 10);
}

/**
 * The resubmission period of the rule profile in force for the goal's division and year
 * (`goalResubmissionDays`), read off the goal's own stream and the profiles read model.
 */
export async function resubmissionDaysOf(goalId: string, lookups: ReactionLookups): Promise<number> {
  const events = await lookups.store.readStream(goalStreamId(goalId));
  const placed = events
    .map((e) => e.data as { divisionCode?: string; fiscalYear?: number })
    .find((d) => typeof d.divisionCode === 'string' && typeof d.fiscalYear === 'number');
  if (!placed) throw new Error(`goal ${goalId} has no event naming its division and year`);
  const profile = await profileInForce(lookups.em(), placed.divisionCode!, placed.fiscalYear!);
  return profile.rules.goalResubmissionDays;
}

/** A returned goal gets its resubmission day: the return's day plus the profile's period. */
export const resubmissionDeadlineOnReturn = defineReaction({
  name: 'planning.goal-resubmission-deadline',
  handles: ['GoalReviewed'],
  react: async (event, lookups) => {
    const { goalId, result } = (event as unknown as GoalReviewed).data;
    if (result !== 'RETURN') return [];
    const days = await resubmissionDaysOf(goalId, lookups);
    const command: SetResubmissionDeadline = {
      type: 'SetResubmissionDeadline',
      goalId,
      deadlineId: event.eventId,
      dueDate: dayAfter(event.recordedAt, days),
      days,
    };
    return [{ streamId: resubmissionStreamId(goalId), decider: resubmissionDecider, command }];
  },
});

/** The goal's events after its return (`deadlineId`) include a resubmission. */
export function resubmittedSince(
  goalEvents: readonly { eventId?: string; type: string }[],
  deadlineId: string,
): boolean {
  const at = goalEvents.findIndex((e) => e.eventId === deadlineId);
  return at >= 0 && goalEvents.slice(at + 1).some((e) => e.type === 'GoalSubmitted');
}

/**
 * The resubmission day of a goal (the deadline's stream is the goal's): set by its event, met by a
 * resubmission, settled by the overdue event.
 */
export const goalResubmissionDeadline = defineDeadline({
  name: 'planning.goal-resubmission',
  handles: ['GoalResubmissionDeadlineSet', 'GoalSubmitted', 'GoalResubmissionOverdue'],
  track: (event) => {
    if (event.type === 'GoalSubmitted') return { settleStream: event.streamId };
    const { goalId, deadlineId, dueDate } = (event as unknown as GoalResubmissionDeadlineSet).data;
    if (event.type === 'GoalResubmissionDeadlineSet')
      return { set: { deadlineId, streamId: goalStreamId(goalId), dueDate } };
    return { settle: [deadlineId] };
  },
  passed: async (deadline, { store }) => {
    const goalId = deadline.streamId.slice('goal-'.length);
    // the tracker may not have seen a resubmission yet: the goal's stream says
    if (resubmittedSince(await store.readStream(deadline.streamId), deadline.deadlineId)) return null;
    const command: MarkResubmissionOverdue = {
      type: 'MarkResubmissionOverdue',
      goalId,
      deadlineId: deadline.deadlineId,
      dueDate: deadline.dueDate,
    };
    return { streamId: resubmissionStreamId(goalId), decider: resubmissionDecider, command };
  },
});
