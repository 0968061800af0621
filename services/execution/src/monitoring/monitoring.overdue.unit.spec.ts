import { EventCatalog, executionEvents, given, IllegalStateError, type RecordedEvent } from '@jixiao/events';
import type { ReactionLookups } from '@jixiao/service-kit';
import { monitoringReportDecider, monitoringRoundDecider, type MarkReportOverdue } from './monitoring.decider';
import type { MonitoringReportEvent, MonitoringRoundEvent } from './monitoring.events';
import { monitoringRoundDeadline, overdueOnDuePassed, overdueWarningId } from './monitoring.overdue';

const catalog = new EventCatalog(executionEvents);
const opened: MonitoringRoundEvent = {
  type: 'MonitoringRoundOpened',
  data: {
    roundId: 'm2023-7',
    divisionCode: '429006',
    fiscalYear: 2023,
    name: '2023年1—7月绩效运行监控',
    throughMonth: 7,
    dueDate: '2023-08-15',
    executionTolerancePoints: 0,
  },
};
const passed: MonitoringRoundEvent = {
  type: 'MonitoringRoundDuePassed',
  data: { roundId: 'm2023-7', divisionCode: '429006', fiscalYear: 2023, dueDate: '2023-08-15' },
};
const recorded = (type: string, data: object, eventId = 'e1') =>
  ({ eventId, type, data, streamId: 'monitoringround-m2023-7' }) as unknown as RecordedEvent;

describe('a round’s due date (填报截止日)', () => {
  it('is set by the round’s opening on its stream and settled once passed', () => {
    expect(monitoringRoundDeadline.track(recorded(opened.type, opened.data))).toEqual({
      set: { deadlineId: 'm2023-7', streamId: 'monitoringround-m2023-7', dueDate: '2023-08-15' },
    });
    expect(monitoringRoundDeadline.track(recorded(passed.type, passed.data))).toEqual({ settle: ['m2023-7'] });
  });

  it('once passed, appends the round’s “due date passed” once, also when the scheduler runs again', async () => {
    const command = await monitoringRoundDeadline.passed(
      {
        kind: 'execution.monitoring-round-due',
        deadlineId: 'm2023-7',
        streamId: 'monitoringround-m2023-7',
        dueDate: '2023-08-15',
        dueAt: '2023-08-15T16:00:00.000Z',
        sourceEventId: 'e1',
        correlationId: null,
        unitId: null,
      },
      {} as ReactionLookups,
    );
    expect(command).toMatchObject({ streamId: 'monitoringround-m2023-7', command: { type: 'MarkRoundDuePassed' } });
    given(monitoringRoundDecider, [opened])
      .when({ type: 'MarkRoundDuePassed', roundId: 'm2023-7' })
      .then([passed])
      .forEach((e) => expect(() => catalog.validate(e)).not.toThrow());
    given(monitoringRoundDecider, [opened, passed]).when({ type: 'MarkRoundDuePassed', roundId: 'm2023-7' }).then([]);
    given(monitoringRoundDecider, [])
      .when({ type: 'MarkRoundDuePassed', roundId: 'm2023-7' })
      .thenThrows(IllegalStateError, /尚未启动/);
  });
});

describe('the overdue warnings after the due date (逾期未填报)', () => {
  const lookups = (goals: { goalId: string; unitId: string }[]) => {
    const asked: { where?: unknown } = {};
    const em = {
      find: async (_schema: unknown, where: unknown) => {
        asked.where = where;
        return goals;
      },
    };
    return { asked, lookups: { em: () => em, store: {}, now: () => new Date() } as unknown as ReactionLookups };
  };

  it('issues one MarkReportOverdue per issued goal of the round’s year and division, ids from the source event', async () => {
    const { asked, lookups: l } = lookups([
      { goalId: 'g1', unitId: 'u-edu' },
      { goalId: 'g2', unitId: 'u-health' },
    ]);
    const commands = await overdueOnDuePassed.react(recorded(passed.type, passed.data, 'due-1'), l);
    expect(asked.where).toEqual({ divisionCode: '429006', fiscalYear: 2023, status: 'ISSUED' });
    expect(commands.map((c) => [c.streamId, c.command])).toEqual([
      [
        'monitoring-m2023-7-g1',
        {
          type: 'MarkReportOverdue',
          roundId: 'm2023-7',
          goalId: 'g1',
          unitId: 'u-edu',
          dueDate: '2023-08-15',
          warningId: overdueWarningId('due-1', 'g1'),
        },
      ],
      [
        'monitoring-m2023-7-g2',
        {
          type: 'MarkReportOverdue',
          roundId: 'm2023-7',
          goalId: 'g2',
          unitId: 'u-health',
          dueDate: '2023-08-15',
          warningId: overdueWarningId('due-1', 'g2'),
        },
      ],
    ]);
    // the same delivery again: the same ids
    const again = await overdueOnDuePassed.react(recorded(passed.type, passed.data, 'due-1'), l);
    expect(again.map((c) => (c.command as MarkReportOverdue).warningId)).toEqual(
      commands.map((c) => (c.command as MarkReportOverdue).warningId),
    );
    expect(overdueWarningId('due-1', 'g1')).not.toBe(overdueWarningId('due-1', 'g2'));
  });

  it('a goal reported in time, or already warned, gets nothing: exactly one overdue warning per goal', async () => {
    const { lookups: l } = lookups([{ goalId: 'g1', unitId: 'u-edu' }]);
    const [first] = await overdueOnDuePassed.react(recorded(passed.type, passed.data, 'due-1'), l);
    const command = first!.command as MarkReportOverdue;
    const [raised] = given(monitoringReportDecider, [])
      .when(command)
      .then([
        {
          type: 'MonitoringWarningRaised',
          data: {
            warningId: command.warningId,
            roundId: 'm2023-7',
            goalId: 'g1',
            unitId: 'u-edu',
            kind: 'REPORT_OVERDUE',
            severity: 'WARNING',
            indicatorId: null,
            figures: { dueDate: '2023-08-15' },
          },
        },
      ]);
    given(monitoringReportDecider, [raised as MonitoringReportEvent])
      .when(command)
      .then([]);
  });
});
