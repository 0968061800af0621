import type { RecordedEvent } from '@jixiao/events';
import type { ReactionLookups } from '@jixiao/service-kit';
import { evaluationNoticeDeadline, noteDrawOnEvaluations } from './self-evaluation.deadline';

const stream = 'evaluationnotice-429006-2023';
const recorded = (type: string, data: object) =>
  ({ eventId: 'e1', type, data, streamId: stream }) as unknown as RecordedEvent;
const ref = { profileId: 'builtin-hubei', version: 1 };

describe('the notice’s due date (自评填报截止日)', () => {
  it('is set by the notice on its stream, and settled once passed', () => {
    const issued = recorded('EvaluationNoticeIssued', {
      divisionCode: '429006',
      fiscalYear: 2023,
      dueDate: '2024-03-31',
      ruleProfile: ref,
      tasks: [],
    });
    expect(evaluationNoticeDeadline.track(issued)).toEqual({
      set: { deadlineId: '429006-2023', streamId: stream, dueDate: '2024-03-31' },
    });
    const passed = recorded('EvaluationNoticeDuePassed', {
      divisionCode: '429006',
      fiscalYear: 2023,
      dueDate: '2024-03-31',
    });
    expect(evaluationNoticeDeadline.track(passed)).toEqual({ settle: ['429006-2023'] });
  });

  it('once passed, marks the notice’s due date passed on its stream', async () => {
    const command = await evaluationNoticeDeadline.passed(
      {
        kind: 'evaluation.self-evaluation-notice-due',
        deadlineId: '429006-2023',
        streamId: stream,
        dueDate: '2024-03-31',
        dueAt: '2024-03-31T16:00:00.000Z',
        sourceEventId: 'e1',
        correlationId: null,
        unitId: null,
      },
      {} as ReactionLookups,
    );
    expect(command).toMatchObject({
      streamId: stream,
      command: { type: 'MarkNoticeDuePassed', divisionCode: '429006', fiscalYear: 2023 },
    });
  });
});

describe('the draw noted on every evaluation', () => {
  it('issues one note per task of the notice, each on its evaluation’s stream, drawn when its unit was', async () => {
    const tasks = [
      { evaluationId: 'e1', unitId: 'u1' },
      { evaluationId: 'e2', unitId: 'u1' },
      { evaluationId: 'e3', unitId: 'u2' },
    ];
    const find = jest.fn().mockResolvedValue(tasks);
    const lookups = { em: () => ({ find }) } as unknown as ReactionLookups;
    const drawn = recorded('SpotCheckDrawn', {
      divisionCode: '429006',
      fiscalYear: 2023,
      seed: 's',
      percent: 10,
      ruleProfile: ref,
      unitIds: ['u1', 'u2'],
      drawnUnitIds: ['u1'],
    });
    const commands = await noteDrawOnEvaluations.react(drawn, lookups);
    expect(find.mock.calls[0]![1]).toEqual({ streamId: stream });
    expect(commands.map((c) => [c.streamId, c.command])).toEqual([
      ['selfevaluation-e1', { type: 'NoteDraw', evaluationId: 'e1', unitId: 'u1', drawn: true, seed: 's' }],
      ['selfevaluation-e2', { type: 'NoteDraw', evaluationId: 'e2', unitId: 'u1', drawn: true, seed: 's' }],
      ['selfevaluation-e3', { type: 'NoteDraw', evaluationId: 'e3', unitId: 'u2', drawn: false, seed: 's' }],
    ]);
  });
});
