import { SelfEvaluationTaskRowSchema } from '@jixiao/projections';
import { defineDeadline, defineReaction, type ReactionCommand } from '@jixiao/service-kit';
import { evaluationNoticeDecider, noticeStreamId, type MarkNoticeDuePassed } from './notice.decider';
import { selfEvaluationDecider, selfEvaluationStreamId, type NoteDraw } from './self-evaluation.decider';
import type { EvaluationNoticeDuePassed, EvaluationNoticeIssued, SpotCheckDrawn } from './self-evaluation.events';

/**
 * 逾期未填报 — the notice's due date: set when it is issued, passed once (the scheduler's
 * `EvaluationNoticeDuePassed` on the notice's stream). The read model shows each task with nothing
 * submitted by then as overdue; the accountability context reads that.
 */
export const evaluationNoticeDeadline = defineDeadline({
  name: 'evaluation.self-evaluation-notice-due',
  handles: ['EvaluationNoticeIssued', 'EvaluationNoticeDuePassed'],
  track: (event) => {
    const { divisionCode, fiscalYear } = event.data as EvaluationNoticeDuePassed['data'];
    const deadlineId = `${divisionCode}-${fiscalYear}`;
    if (event.type === 'EvaluationNoticeDuePassed') return { settle: [deadlineId] };
    const { dueDate } = event.data as EvaluationNoticeIssued['data'];
    return { set: { deadlineId, streamId: noticeStreamId(divisionCode, fiscalYear), dueDate } };
  },
  passed: (deadline) => {
    const [divisionCode, year] = deadline.deadlineId.split('-') as [string, string];
    const command: MarkNoticeDuePassed = { type: 'MarkNoticeDuePassed', divisionCode, fiscalYear: Number(year) };
    return { streamId: deadline.streamId, decider: evaluationNoticeDecider as ReactionCommand['decider'], command };
  },
});

/**
 * The draw noted on every evaluation of the notice (drawn or not), each on its own stream: the
 * evaluation decider then accepts one left out as soon as it is ready for the spot check — at once
 * when it already is. The evaluations are the notice's tasks in its read model: `drawSpotCheck`
 * draws only once that read model holds the notice, so none is missed; a redelivery notes nothing
 * twice (the decider notes once).
 */
export const noteDrawOnEvaluations = defineReaction({
  name: 'evaluation.self-evaluation-draw',
  handles: ['SpotCheckDrawn'],
  react: async (event, lookups) => {
    const { drawnUnitIds, seed } = event.data as SpotCheckDrawn['data'];
    const tasks = await lookups
      .em()
      .find(SelfEvaluationTaskRowSchema, { streamId: event.streamId }, { orderBy: { evaluationId: 'asc' } });
    return tasks.map(({ evaluationId, unitId }): ReactionCommand => {
      const command: NoteDraw = { type: 'NoteDraw', evaluationId, unitId, drawn: drawnUnitIds.includes(unitId), seed };
      return {
        streamId: selfEvaluationStreamId(evaluationId),
        decider: selfEvaluationDecider as ReactionCommand['decider'],
        command,
      };
    });
  },
});
