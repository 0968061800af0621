import { z } from 'zod';
import { defineEvent } from '../catalog/define';

/** A day, `YYYY-MM-DD` (China's time): what a deadline in an event names. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const GoalResubmissionDeadlineSet = defineEvent({
  type: 'GoalResubmissionDeadlineSet',
  context: 'planning',
  description:
    '退回修改期限已设定 — a returned goal is to be resubmitted by this day (set by the platform when the goal was returned)',
  schemaVersion: 1,
  schema: z.object({
    goalId: z.string().min(1),
    /** The return it follows: the `GoalReviewed` event's id. */
    deadlineId: z.string().min(1),
    dueDate: day,
    /** Days allowed after the return. */
    days: z.number().int().positive().max(366),
  }),
});

export const GoalResubmissionOverdue = defineEvent({
  type: 'GoalResubmissionOverdue',
  context: 'planning',
  description: '退回修改逾期未重新提交 — the day to resubmit a returned goal passed without a resubmission',
  schemaVersion: 1,
  schema: z.object({
    goalId: z.string().min(1),
    deadlineId: z.string().min(1),
    dueDate: day,
  }),
});

/** The events of a returned goal's resubmission deadline (on the goal's own stream). */
export const goalResubmissionEvents = [GoalResubmissionDeadlineSet, GoalResubmissionOverdue] as const;
