import { CONTEXTS, catalog } from '@jixiao/contexts';
import type { EventMetadata, RecordedEvent } from '@jixiao/events';
import { deadlineCommandId, reactionCommandId } from '@jixiao/service-kit';
import { openSqliteWorkspace, type SqliteWorkspace } from '../testing/sqlite';
import { goalReturned, goalSubmitted } from '../testing/goal-events';
import { startReactions, type RunningReactions } from './start-reactions';

const reviewer: EventMetadata = {
  actorId: 'perf-1',
  role: 'PERFORMANCE_SECTION',
  unitId: 'u-test',
  correlationId: 'req-7',
};

/** The planning context's own reaction and deadline, on the platform's catalog and contexts list. */
describe('a returned goal: its resubmission day, then overdue (planning, SQLite, a fake clock)', () => {
  let workspace: SqliteWorkspace;
  let reactions: RunningReactions | null = null;
  let clock = new Date('2026-03-01T00:00:00.000Z');
  beforeEach(async () => {
    workspace = await openSqliteWorkspace('jixiao-resubmit-');
  });
  afterEach(async () => {
    await reactions?.close();
    reactions = null;
    await workspace.close();
  });

  const start = async () => {
    reactions = await startReactions({
      store: workspace.store,
      orm: workspace.orm,
      catalog,
      contexts: CONTEXTS,
      now: () => clock,
      schedulerIntervalMs: 10,
    });
    return reactions;
  };
  const returnGoal = async (goalId: string) => {
    await workspace.store.appendToStream(`goal-${goalId}`, [goalSubmitted(goalId)], {
      expectedVersion: 0,
      metadata: reviewer,
    });
    const { events } = await workspace.store.appendToStream(`goal-${goalId}`, [goalReturned(goalId, 1)], {
      expectedVersion: 1,
      metadata: reviewer,
    });
    return events[0]!;
  };
  const typesOf = async (goalId: string) =>
    (await workspace.store.readStream(`goalresubmission-${goalId}`)).map((e) => e.type);
  const goalTypesOf = async (goalId: string) => (await workspace.store.readStream(`goal-${goalId}`)).map((e) => e.type);
  const until = async (what: () => Promise<boolean>) => {
    for (let i = 0; i < 200 && !(await what()); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await what()).toBe(true);
  };

  it('sets the day 15 days after the return, caused by it; past that day (China time) appends one overdue event', async () => {
    const running = await start();
    const returned = await returnGoal('g1');
    await until(async () => (await typesOf('g1')).includes('GoalResubmissionDeadlineSet'));
    const set = (await workspace.store.readStream('goalresubmission-g1')).at(-1) as RecordedEvent<
      string,
      { dueDate: string }
    >;
    const day = new Date(returned.recordedAt);
    day.setUTCHours(day.getUTCHours() + 8);
    day.setUTCDate(day.getUTCDate() + 15);
    expect(set.data).toEqual({
      goalId: 'g1',
      deadlineId: returned.eventId,
      dueDate: day.toISOString().slice(0, 10),
      days: 15,
    });
    expect(set.metadata).toMatchObject({
      causationId: returned.eventId,
      correlationId: 'req-7',
      commandId: reactionCommandId('planning.goal-resubmission-deadline', returned.eventId, 0),
      role: 'SYSTEM',
    });
    expect(await running.runner.waitFor(set)).toBe(true);

    clock = new Date(`${set.data.dueDate}T15:59:59.999Z`);
    expect(await running.scheduler.tick()).toBe(0);
    clock = new Date(`${set.data.dueDate}T16:00:00.000Z`);
    await until(async () => (await typesOf('g1')).includes('GoalResubmissionOverdue'));
    const overdue = (await workspace.store.readStream('goalresubmission-g1')).at(-1)!;
    expect(overdue.data).toEqual({ goalId: 'g1', deadlineId: returned.eventId, dueDate: set.data.dueDate });
    expect(overdue.metadata).toMatchObject({
      causationId: set.eventId,
      commandId: deadlineCommandId('planning.goal-resubmission', returned.eventId),
    });
    // a restart from scratch (checkpoints lost) issues nothing new
    await running.close();
    await workspace.orm.em.getConnection().execute('DELETE FROM rm_projection_checkpoint');
    await workspace.orm.em.getConnection().execute('DELETE FROM rm_deadline');
    const again = await start();
    expect(await again.runner.waitFor(overdue)).toBe(true);
    await again.scheduler.tick();
    expect(await typesOf('g1')).toEqual(['GoalResubmissionDeadlineSet', 'GoalResubmissionOverdue']);
    // the goal's own stream, which the unit edits naming its version, is left alone
    expect(await goalTypesOf('g1')).toEqual(['GoalSubmitted', 'GoalReviewed']);
  });

  it('a goal resubmitted before its day is never overdue', async () => {
    const running = await start();
    await returnGoal('g2');
    await until(async () => (await typesOf('g2')).includes('GoalResubmissionDeadlineSet'));
    const { events } = await workspace.store.appendToStream(
      'goal-g2',
      [{ ...goalSubmitted('g2'), data: { ...(goalSubmitted('g2').data as object), submission: 2 } }],
      {
        expectedVersion: 2,
        metadata: reviewer,
      },
    );
    expect(await running.runner.waitFor(events[0]!)).toBe(true);
    clock = new Date('2099-01-01T00:00:00.000Z');
    expect(await running.scheduler.tick()).toBe(0);
    expect(await typesOf('g2')).toEqual(['GoalResubmissionDeadlineSet']);
  });
});
