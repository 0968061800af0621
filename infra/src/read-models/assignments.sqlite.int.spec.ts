import { catalog } from '@jixiao/contexts';
import type { MikroORM } from '@mikro-orm/core';
import {
  applyBatch,
  assignedTo,
  assigneesOf,
  assignmentsOf,
  assignmentsProjection,
  AssignmentRecordRowSchema,
} from '@jixiao/projections';
import { assignmentStreamId } from '@jixiao/service-kit';
import type { SqliteEventStore } from '../event-store';
import { openSqliteWorkspace, type SqliteWorkspace } from '../testing/sqlite';

const performance = { actorId: 'li.na', role: 'PERFORMANCE_SECTION' };
const data = (subjectId: string, assigneeUserId: string) => ({
  kind: 'PRE_ASSESSMENT' as const,
  subjectId,
  assigneeUserId,
  reason: '专家库抽取',
});

/** The assignments read model on a real database: what the row-scope port reads. */
describe('assignments read model on SQLite', () => {
  let workspace: SqliteWorkspace;
  let store: SqliteEventStore;
  let orm: MikroORM;
  beforeEach(async () => {
    workspace = await openSqliteWorkspace('jixiao-assign-');
    ({ store, orm } = workspace);
  });
  afterEach(() => workspace.close());

  const append = (subjectId: string, version: number, ...events: { type: string; user: string }[]) =>
    store.appendToStream(
      assignmentStreamId('PRE_ASSESSMENT', subjectId),
      events.map((e) => ({ type: e.type, data: data(subjectId, e.user) })),
      { expectedVersion: version, metadata: performance },
    );

  it('answers what a user is assigned to and who is assigned to a record, after grants and a revocation', async () => {
    await append('p1', 0, { type: 'AssignmentGranted', user: 'e1' }, { type: 'AssignmentGranted', user: 'e2' });
    await append('p2', 0, { type: 'AssignmentGranted', user: 'e1' });
    await append('p1', 2, { type: 'AssignmentRevoked', user: 'e1' });
    await applyBatch(orm.em, assignmentsProjection, catalog, await store.readAll());
    const em = orm.em.fork();
    expect(await assignedTo(em, 'e1')).toEqual({ PRE_ASSESSMENT: ['p2'] });
    expect(await assignedTo(em, 'e2')).toEqual({ PRE_ASSESSMENT: ['p1'] });
    expect(await assignedTo(em, 'nobody')).toEqual({});
    expect((await assigneesOf(em, 'PRE_ASSESSMENT', 'p1')).map((r) => r.assigneeUserId)).toEqual(['e2']);
    expect(await assignmentsOf(em, 'e1')).toEqual([
      expect.objectContaining({ subjectId: 'p2', grantedBy: 'li.na', reason: '专家库抽取' }),
    ]);
  });

  it('keeps a record nobody is assigned to any more, so a grant delivered again does not bring the user back', async () => {
    await append('p1', 0, { type: 'AssignmentGranted', user: 'e1' });
    await append('p1', 1, { type: 'AssignmentRevoked', user: 'e1' });
    const events = await store.readAll();
    await applyBatch(orm.em, assignmentsProjection, catalog, events);
    const record = await orm.em.fork().findOneOrFail(AssignmentRecordRowSchema, {
      streamId: assignmentStreamId('PRE_ASSESSMENT', 'p1'),
    });
    expect(record.lastVersion).toBe(2);
    // at-least-once delivery (a Kafka redelivery, a restarted worker) hands the grant over again
    await applyBatch(orm.em, assignmentsProjection, catalog, [events[0]!]);
    expect(await assignedTo(orm.em.fork(), 'e1')).toEqual({});
  });
});
