import type { MikroORM } from '@mikro-orm/core';
import type { RecordedEvent } from '@jixiao/events';
import {
  listDeadLetters,
  ProjectionCheckpointSchema,
  ProjectionRunner,
  projectionReplayTarget,
  replayDeadLetters,
} from '@jixiao/projections';
import {
  deadlineCommandId,
  deadlineTracker,
  DeadlineScheduler,
  ProcessorRunner,
  reactionCommandId,
  reactionProcessor,
} from '@jixiao/service-kit';
import type { SqliteEventStore } from '../event-store/sqlite-event-store';
import {
  ordersFault,
  openShipment,
  orderDue,
  OrderRowSchema,
  ordersProjection,
  ordersCatalog,
  openOrdersWorkspace,
} from '../testing/orders-context';

const actor = { actorId: 'clerk', role: 'ADMIN', correlationId: 'corr-1' };

describe('reactions, deadlines and dead letters on SQLite (a test-only context)', () => {
  let store: SqliteEventStore;
  let orm: MikroORM;
  const deps = () => ({
    store,
    em: () => orm.em.fork(),
    upcast: (e: RecordedEvent) => ordersCatalog.upcast(e),
  });
  const place = (orderId: string, dueDate: string, poison = false) =>
    store.appendToStream(`order-${orderId}`, [{ type: 'OrderPlaced', data: { orderId, dueDate, poison } }], {
      expectedVersion: 'any',
      metadata: actor,
    });

  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ store, orm, close } = await openOrdersWorkspace('jixiao-reactions-'));
  });
  afterEach(() => close());

  it('a reaction issues its command once, caused by the source event, also when the event is delivered again', async () => {
    const placed = (await place('o1', '2024-06-30')).events[0]!;
    const processor = reactionProcessor(openShipment, { ...deps(), now: () => new Date() });
    const runner = new ProcessorRunner({ store, orm, processors: [processor] });
    await runner.start();
    expect(await runner.waitFor(placed)).toBe(true);
    await runner.stop();
    // delivered again from the start (a crash before the checkpoint moved)
    await processor.process([placed]);
    const shipment = await store.readStream('shipment-o1');
    expect(shipment.map((e) => e.type)).toEqual(['ShipmentOpened']);
    expect(shipment[0]!.metadata).toMatchObject({
      causationId: placed.eventId,
      correlationId: 'corr-1',
      commandId: reactionCommandId('shipping.open-shipment', placed.eventId, 0),
      actorId: 'system:shipping.open-shipment',
      role: 'SYSTEM',
    });
    const cp = await orm.em.fork().findOneOrFail(ProjectionCheckpointSchema, { name: 'shipping.open-shipment' });
    expect(cp.globalPosition).toBe(placed.globalPosition);
  });

  it('two schedulers past the same deadline append one "deadline passed" event, and nothing before the day ends', async () => {
    const placed = (await place('o2', '2024-06-30')).events[0]!;
    await place('o3', '2024-07-31');
    const tracker = new ProcessorRunner({ store, orm, processors: [deadlineTracker(orderDue, deps())] });
    await tracker.start();
    expect(await tracker.waitFor((await store.readAll()).at(-1)!)).toBe(true);
    let clock = new Date('2024-06-30T15:59:59.999Z'); // 23:59:59.999 in China on the due day
    const scheduler = () =>
      new DeadlineScheduler({
        ...deps(),
        kinds: [orderDue],
        now: () => clock,
        intervalMs: 5,
        onError: () => undefined,
      });
    const a = scheduler();
    const b = scheduler();
    expect(await a.tick()).toBe(0);
    clock = new Date('2024-06-30T16:00:00.000Z');
    await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    await tracker.stop();
    const order = await store.readStream('order-o2');
    expect(order.map((e) => e.type)).toEqual(['OrderPlaced', 'OrderOverdue']);
    expect(order[1]!.metadata).toMatchObject({
      causationId: placed.eventId,
      commandId: deadlineCommandId('sales.order-due', 'o2'),
    });
    // a restarted scheduler (its table says PASSED, but even a pending row would only repeat the command id)
    expect(await scheduler().tick()).toBe(0);
    expect((await store.readStream('order-o3')).map((e) => e.type)).toEqual(['OrderPlaced']);
  });

  it('a poison event is parked after the set attempts, its stream waits behind it, the rest flow; a replay after the fix applies both', async () => {
    const failures: unknown[] = [];
    const parked: string[] = [];
    const runner = new ProjectionRunner({
      store,
      orm,
      catalog: ordersCatalog,
      projections: [ordersProjection],
      parking: { maxAttempts: 3, retryDelayMs: 1, log: (line) => parked.push(line) },
      onError: (_, e) => failures.push(e),
    });
    await runner.start();
    const poison = (await place('bad', '2024-06-30', true)).events[0]!;
    await place('good', '2024-06-30');
    const behind = (
      await store.appendToStream('order-bad', [{ type: 'OrderFulfilled', data: { orderId: 'bad' } }], {
        expectedVersion: 1,
        metadata: actor,
      })
    ).events[0]!;
    const later = (await place('later', '2024-06-30')).events[0]!;
    expect(await runner.waitFor(later)).toBe(true);
    const em = orm.em.fork();
    expect((await em.find(OrderRowSchema, {})).map((r) => r.orderId).sort()).toEqual(['good', 'later']);
    const letters = await listDeadLetters(em);
    expect(letters.map((l) => [l.eventId, l.attempts, l.behind])).toEqual([
      [poison.eventId, 3, null],
      [behind.eventId, 0, poison.eventId],
    ]);
    expect(letters[0]).toMatchObject({
      processor: 'sales.orders',
      streamId: 'order-bad',
      streamVersion: 1,
      eventType: 'OrderPlaced',
    });
    expect(letters[0]!.error).toContain('poison order');
    expect(failures).toEqual([]); // parked, not retried forever
    expect(parked).toEqual(['sales.orders: parked OrderPlaced order-bad v1 after 3 attempts: poison order']);

    // a replay before the fix fails again: the letters stay, the attempts grow
    const targets = [projectionReplayTarget(orm.em, ordersProjection, ordersCatalog)];
    const again = await replayDeadLetters(orm.em, store, targets, { id: letters[0]!.id });
    expect(again).toEqual([{ processor: 'sales.orders', streamId: 'order-bad', replayed: 0, error: 'poison order' }]);
    expect((await listDeadLetters(orm.em.fork())).map((l) => l.attempts)).toEqual([4, 0]);

    ordersFault.broken = false;
    const fixed = await replayDeadLetters(orm.em, store, targets, 'all');
    expect(fixed).toEqual([{ processor: 'sales.orders', streamId: 'order-bad', replayed: 2, error: null }]);
    expect(await listDeadLetters(orm.em.fork())).toEqual([]);
    const row = await orm.em.fork().findOneOrFail(OrderRowSchema, { streamId: 'order-bad' });
    expect(row).toMatchObject({ status: 'FULFILLED', lastVersion: 2 });
    // the checkpoint did not move back, and the stream flows again
    const cp = await orm.em.fork().findOneOrFail(ProjectionCheckpointSchema, { name: 'sales.orders' });
    expect(cp.globalPosition).toBe(later.globalPosition);
    const next = await store.appendToStream(
      'order-bad',
      [{ type: 'OrderOverdue', data: { orderId: 'bad', dueDate: '2024-06-30' } }],
      {
        expectedVersion: 2,
        metadata: actor,
      },
    );
    expect(await runner.waitFor(next.events[0]!)).toBe(true);
    expect((await orm.em.fork().findOneOrFail(OrderRowSchema, { streamId: 'order-bad' })).status).toBe('OVERDUE');
    await runner.stop();
  });

  it('a projection started again from the beginning of the log forgets its dead letters and meets the events anew', async () => {
    const start = async () => {
      const runner = new ProjectionRunner({
        store,
        orm,
        catalog: ordersCatalog,
        projections: [ordersProjection],
        parking: { maxAttempts: 1, retryDelayMs: 0, log: () => undefined },
      });
      await runner.start();
      return runner;
    };
    let runner = await start();
    await place('bad', '2024-06-30', true);
    const last = (await place('good', '2024-06-30')).events[0]!;
    expect(await runner.waitFor(last)).toBe(true);
    await runner.stop();
    expect((await listDeadLetters(orm.em.fork())).map((l) => l.streamId)).toEqual(['order-bad']);

    // the read models dropped (a schema change in embedded mode): the runner starts from position 0
    await orm.em.getConnection().execute('DELETE FROM rm_projection_checkpoint');
    await orm.em.getConnection().execute('DELETE FROM rm_test_order');
    ordersFault.broken = false;
    runner = await start();
    expect(await listDeadLetters(orm.em.fork())).toEqual([]);
    expect(await runner.waitFor(last)).toBe(true);
    await runner.stop();
    expect((await orm.em.fork().find(OrderRowSchema, {})).map((r) => r.orderId).sort()).toEqual(['bad', 'good']);
  });
});
