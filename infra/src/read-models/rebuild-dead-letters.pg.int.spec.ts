import { catalog } from '@jixiao/contexts';
import { sampleEvent } from '@jixiao/events';
import {
  deadLetterId,
  ensureDeadLetterTable,
  listDeadLetters,
  recordDeadLetter,
  unitsProjection,
  type DeadLetter,
} from '@jixiao/projections';
import { PostgresEventStore } from '../event-store/postgres-event-store';
import { dropSchema, freshSchemaName, TEST_PG_URL } from '../testing/postgres';
import { openReadModels } from './orm';
import { rebuildProjections } from './rebuild';

describe('a rebuild and the dead letters', () => {
  it('forgets the rebuilt projections’ dead letters (every event was applied anew) and keeps the others’', async () => {
    const schema = freshSchemaName('rebuilddl');
    const store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog });
    const orm = await openReadModels({ kind: 'postgres', connectionString: TEST_PG_URL, schema });
    try {
      const { events } = await store.appendToStream('unit-u1', [sampleEvent(1)], {
        expectedVersion: 0,
        metadata: { actorId: 't', role: 'ADMIN' },
      });
      const e = events[0]!;
      const letter = (processor: string): DeadLetter => ({
        id: deadLetterId(processor, e.eventId),
        processor,
        eventId: e.eventId,
        streamId: e.streamId,
        streamVersion: e.streamVersion,
        eventType: e.type,
        globalPosition: e.globalPosition,
        transactionId: e.transactionId,
        error: 'boom',
        attempts: 3,
        behind: null,
        firstFailedAt: e.recordedAt,
        lastFailedAt: e.recordedAt,
      });
      await ensureDeadLetterTable(orm.em.fork());
      await recordDeadLetter(orm.em.fork(), letter('directory.units'));
      await recordDeadLetter(orm.em.fork(), letter('planning.goal-resubmission-deadline'));
      await rebuildProjections({ store, catalog, projections: [unitsProjection] });
      expect((await listDeadLetters(orm.em.fork())).map((l) => l.processor)).toEqual([
        'planning.goal-resubmission-deadline',
      ]);
    } finally {
      await orm.close();
      await store.close();
      await dropSchema(schema);
    }
  });
});
