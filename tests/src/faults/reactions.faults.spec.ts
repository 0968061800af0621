import { spawn, type ChildProcess } from 'node:child_process';
import { catalog, CONTEXTS, DEADLINES } from '@jixiao/contexts';
import type { RecordedEvent } from '@jixiao/events';
import { logLevel } from 'kafkajs';
import {
  createKafka,
  ensureTopics,
  openReadModels,
  PostgresEventStore,
  ProjectionWorker,
  startReactions,
  testing,
  toMessage,
  topicFor,
  topicOfEvent,
} from '@jixiao/infra';
import {
  listDeadLetters,
  ProjectionCheckpointSchema,
  projectionReplayTarget,
  replayDeadLetters,
} from '@jixiao/projections';
import { deadlineTracker, DeadlineScheduler, ProcessorRunner } from '@jixiao/service-kit';
import { builtEntry, distributedEnv, killAndWait } from './child-process';

jest.setTimeout(300_000);

const { TEST_PG_URL, freshSchemaName, dropSchema, eventually } = testing;
const metadata = { actorId: 'perf-1', role: 'PERFORMANCE_SECTION', unitId: 'u-test' };
const REACTION = 'planning.goal-resubmission-deadline';
const goalResubmissionDeadline = DEADLINES.find((d) => d.name === 'planning.goal-resubmission')!;

/** N goals submitted and returned: the reaction's work. */
async function returnGoals(store: PostgresEventStore, n: number): Promise<RecordedEvent[]> {
  const returns: RecordedEvent[] = [];
  for (let g = 0; g < n; g++) {
    await store.appendToStream(`goal-g${g}`, [testing.goalSubmitted(`g${g}`)], { expectedVersion: 0, metadata });
    const { events } = await store.appendToStream(`goal-g${g}`, [testing.goalReturned(`g${g}`, 1)], {
      expectedVersion: 1,
      metadata,
    });
    returns.push(events[0]!);
  }
  return returns;
}

/** The events of every resubmission stream, by stream. */
async function resubmissionStreams(store: PostgresEventStore): Promise<Map<string, RecordedEvent[]>> {
  const byStream = new Map<string, RecordedEvent[]>();
  for (const e of await store.readAll()) {
    if (!e.streamId.startsWith('goalresubmission-')) continue;
    byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
  }
  return byStream;
}

describe('fault: reactions and deadlines on PostgreSQL', () => {
  it('kill -9 of the reactions process mid-batch, again and again, leaves exactly one resulting event per source event', async () => {
    const schema = freshSchemaName('reactkill');
    const store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog, outbox: true });
    let child: ChildProcess | null = null;
    try {
      const n = 300;
      const returns = await returnGoals(store, n);
      const position = new Map(returns.map((e) => [e.eventId, e.globalPosition]));
      const checkpoint = async () =>
        Number(
          (
            await store.pool.query(`SELECT global_position FROM "${schema}".rm_projection_checkpoint WHERE name = $1`, [
              REACTION,
            ])
          ).rows[0]?.global_position ?? 0,
        );
      const start = () => {
        const c = spawn(process.execPath, [builtEntry('reactions-main')], {
          env: { ...distributedEnv(schema), JIXIAO_SCHEDULER_INTERVAL_MS: '60000' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        const started = new Promise<void>((ok, fail) => {
          c.stdout!.on('data', (d: Buffer) => d.toString().includes('reactions started') && ok());
          c.once('exit', (code, signal) =>
            fail(new Error(`reactions-main exited (${code ?? signal}) before it started`)),
          );
        });
        started.catch(() => undefined);
        return { c, started };
      };
      let kills = 0;
      let killedMidBatch = 0;
      for (let round = 0; round < 12; round++) {
        const { c, started } = start();
        child = c;
        await started;
        await new Promise((r) => setTimeout(r, 100 + Math.floor(Math.random() * 400)));
        await killAndWait(c, 'SIGKILL');
        child = null;
        kills++;
        // commands appended whose source lies past the checkpoint: the kill fell between issuing and checkpointing
        const cp = await checkpoint();
        const issued = [...(await resubmissionStreams(store)).values()].flat();
        if (issued.some((e) => (position.get(e.metadata.causationId ?? '') ?? 0) > cp)) killedMidBatch++;
        if (issued.length >= n && cp >= returns.at(-1)!.globalPosition) break;
      }
      const { c, started } = start();
      child = c;
      await started;
      await eventually('every return has its day', async () => (await checkpoint()) >= returns.at(-1)!.globalPosition);
      await killAndWait(c, 'SIGTERM');
      child = null;

      const streams = await resubmissionStreams(store);
      expect(streams.size).toBe(n);
      const counts = [...streams.values()].map((events) => events.map((e) => e.type).join(','));
      expect(new Set(counts)).toEqual(new Set(['GoalResubmissionDeadlineSet']));
      const causes = [...streams.values()].map((events) => events[0]!.metadata.causationId);
      expect(new Set(causes)).toEqual(new Set(returns.map((e) => e.eventId)));
      console.log(`reactions: ${kills} kills, ${killedMidBatch} between an issued command and its checkpoint`);
      expect(killedMidBatch).toBeGreaterThan(0);
    } finally {
      if (child) await killAndWait(child, 'SIGKILL');
      await store.close();
      await dropSchema(schema);
    }
  });

  it('two schedulers (own connections) past the same deadlines append one overdue event each', async () => {
    const schema = freshSchemaName('twosched');
    const open = () => PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog, outbox: true });
    const store = await open();
    const other = await open();
    const orm = await openReadModels({ kind: 'postgres', connectionString: TEST_PG_URL, schema });
    const otherOrm = await openReadModels({ kind: 'postgres', connectionString: TEST_PG_URL, schema });
    try {
      const n = 40;
      await returnGoals(store, n);
      // the reactions set each goal's day; the clock stands still until every day is set
      let clock = new Date('2020-01-01T00:00:00.000Z');
      const reactions = await startReactions({
        store,
        orm,
        catalog,
        contexts: CONTEXTS,
        now: () => clock,
        schedulerIntervalMs: 3_600_000,
      });
      await eventually('every day set and tracked', async () => {
        const last = (await store.readAll()).at(-1)!;
        return (await resubmissionStreams(store)).size === n && (await reactions.runner.waitFor(last, 100));
      });
      await reactions.close();
      clock = new Date('2099-01-01T00:00:00.000Z');
      const deps = (s: PostgresEventStore, o: typeof orm) => ({
        store: s,
        em: () => o.em.fork(),
        upcast: (e: RecordedEvent) => catalog.upcast(e),
        now: () => clock,
        kinds: [goalResubmissionDeadline],
        onError: () => undefined,
      });
      const a = new DeadlineScheduler(deps(store, orm));
      const b = new DeadlineScheduler(deps(other, otherOrm));
      const issued = (await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()])).reduce((x, y) => x + y, 0);
      // a tick that met a concurrent write tries again next time: two more rounds settle every deadline
      const more = (await Promise.all([a.tick(), b.tick()])).reduce((x, y) => x + y, 0);
      expect(issued + more).toBe(n);
      const streams = await resubmissionStreams(store);
      for (const events of streams.values())
        expect(events.map((e) => e.type)).toEqual(['GoalResubmissionDeadlineSet', 'GoalResubmissionOverdue']);
      // a restarted tracker and scheduler (checkpoint and table lost) append nothing more
      await store.pool.query(`DELETE FROM "${schema}".rm_projection_checkpoint; DELETE FROM "${schema}".rm_deadline`);
      const tracker = new ProcessorRunner({
        store,
        orm,
        processors: [deadlineTracker(goalResubmissionDeadline, deps(store, orm))],
      });
      await tracker.start();
      await eventually('tracked again', async () => tracker.waitFor((await store.readAll()).at(-1)!, 100));
      await tracker.stop();
      expect(await a.tick()).toBe(0);
      expect([...(await resubmissionStreams(store)).values()].flat()).toHaveLength(2 * n);
    } finally {
      await orm.close();
      await otherOrm.close();
      await store.close();
      await other.close();
      await dropSchema(schema);
    }
  });

  it('a poison event in a Kafka projection worker is parked with its stream behind it, the rest flow, a replay after the fix applies it', async () => {
    const schema = freshSchemaName('poison');
    const { ordersCatalog, ordersProjection, OrderRowSchema, ordersFault } = testing;
    const store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog: ordersCatalog });
    const orm = await openReadModels({ kind: 'postgres', connectionString: TEST_PG_URL, schema }, 'rebuild', [
      ProjectionCheckpointSchema,
      OrderRowSchema,
    ]);
    const kafka = { brokers: testing.TEST_KAFKA_BROKERS, logLevel: logLevel.NOTHING };
    const k = createKafka(kafka);
    const producer = k.producer();
    const parked: string[] = [];
    const worker = new ProjectionWorker({
      kafka,
      orm,
      catalog: ordersCatalog,
      projection: ordersProjection,
      categories: ['order'],
      store,
      topicPrefix: schema,
      sessionTimeoutMs: 6000,
      parking: { maxAttempts: 3, retryDelayMs: 10, log: (line) => parked.push(line) },
    });
    ordersFault.broken = true;
    try {
      const place = async (orderId: string, poison = false) =>
        (
          await store.appendToStream(
            `order-${orderId}`,
            [{ type: 'OrderPlaced', data: { orderId, dueDate: '2024-06-30', poison } }],
            { expectedVersion: 'any', metadata },
          )
        ).events[0]!;
      const fulfil = async (orderId: string) =>
        (
          await store.appendToStream(`order-${orderId}`, [{ type: 'OrderFulfilled', data: { orderId } }], {
            expectedVersion: 'any',
            metadata,
          })
        ).events[0]!;
      const events = [
        await place('bad', true),
        ...(await Promise.all(['a', 'b', 'c'].map((o) => place(o)))),
        await fulfil('bad'),
        await fulfil('a'),
      ];
      const admin = k.admin();
      await admin.connect();
      await ensureTopics(admin, [topicFor(schema, 'order')], 3);
      await admin.disconnect();
      await producer.connect();
      for (const event of events)
        await producer.send({ topic: topicOfEvent(schema, event), messages: [toMessage(event)], acks: -1 });
      await worker.start();
      await eventually('the group caught up', () => testing.groupCaughtUp(worker.groupId, worker.topics));

      const rows = async () =>
        Object.fromEntries((await orm.em.fork().find(OrderRowSchema, {})).map((r) => [r.orderId, r.status]));
      expect(await rows()).toEqual({ a: 'FULFILLED', b: 'PLACED', c: 'PLACED' });
      const letters = await listDeadLetters(orm.em.fork());
      expect(letters.map((l) => [l.streamId, l.streamVersion, l.attempts, l.behind])).toEqual([
        ['order-bad', 1, 3, null],
        ['order-bad', 2, 0, events[0]!.eventId],
      ]);
      expect(parked).toEqual(['sales.orders: parked OrderPlaced order-bad v1 after 3 attempts: poison order']);

      ordersFault.broken = false;
      const outcome = await replayDeadLetters(
        orm.em,
        store,
        [projectionReplayTarget(orm.em, ordersProjection, ordersCatalog)],
        'all',
      );
      expect(outcome).toEqual([{ processor: 'sales.orders', streamId: 'order-bad', replayed: 2, error: null }]);
      expect((await rows()).bad).toBe('FULFILLED');
      expect(await listDeadLetters(orm.em.fork())).toEqual([]);
      // the stream flows again through the worker
      const next = (
        await store.appendToStream(
          'order-bad',
          [{ type: 'OrderOverdue', data: { orderId: 'bad', dueDate: '2024-06-30' } }],
          {
            expectedVersion: 2,
            metadata,
          },
        )
      ).events[0]!;
      await producer.send({ topic: topicOfEvent(schema, next), messages: [toMessage(next)], acks: -1 });
      await eventually('the next event applied', async () => (await rows()).bad === 'OVERDUE');
    } finally {
      ordersFault.broken = true;
      await worker.stop();
      await producer.disconnect();
      await orm.close();
      await store.close();
      await dropSchema(schema);
    }
  });
});
