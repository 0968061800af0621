import type { MikroORM } from '@mikro-orm/core';
import { ProjectionRunner } from '@jixiao/projections';
import type { ContextModule } from '@jixiao/service-kit';
import { runDeadLetters } from './dead-letters';
import type { SqliteEventStore } from './event-store/sqlite-event-store';
import {
  ordersFault,
  OrderRowSchema,
  ordersProjection,
  ordersCatalog,
  openOrdersWorkspace,
} from './testing/orders-context';

/** The operator's commands over a test-only context whose projection throws on a poison order until "fixed". */
describe('npm run dead-letters on SQLite', () => {
  let store: SqliteEventStore;
  let orm: MikroORM;
  const contexts = [{ name: 'sales', projections: [ordersProjection] }] as unknown as ContextModule[];
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ store, orm, close } = await openOrdersWorkspace('jixiao-dead-letters-'));
  });
  afterEach(() => close());

  it('lists a parked event, says a replay before the fix still fails, and applies it after the fix', async () => {
    const deps = { store, orm, catalog: ordersCatalog, contexts };
    expect(await runDeadLetters({ kind: 'list' }, deps)).toEqual({ text: '没有死信 (no dead letters)', ok: true });
    const runner = new ProjectionRunner({
      store,
      orm,
      catalog: ordersCatalog,
      projections: [ordersProjection],
      parking: { maxAttempts: 2, retryDelayMs: 0, log: () => undefined },
    });
    await runner.start();
    const metadata = { actorId: 'clerk', role: 'ADMIN' };
    const { events } = await store.appendToStream(
      'order-x',
      [{ type: 'OrderPlaced', data: { orderId: 'x', dueDate: '2024-06-30', poison: true } }],
      {
        expectedVersion: 0,
        metadata,
      },
    );
    expect(await runner.waitFor(events[0]!)).toBe(true);
    await runner.stop();

    const listed = await runDeadLetters({ kind: 'list' }, deps);
    expect(listed.text).toMatch(
      /sales\.orders {2}OrderPlaced order-x v1 .*\n {2}尝试 2 次 \(attempts 2\), .*: poison order/,
    );
    const id = listed.text.split(' ')[0]!;

    expect(await runDeadLetters({ kind: 'replay', which: { id } }, deps)).toEqual({
      text: '仍失败 (still failing) sales.orders order-x after 0 events: poison order',
      ok: false,
    });
    ordersFault.broken = false;
    expect(await runDeadLetters({ kind: 'replay', which: 'all' }, deps)).toEqual({
      text: '已重放 (replayed) sales.orders order-x: 1 events',
      ok: true,
    });
    expect((await orm.em.fork().findOneOrFail(OrderRowSchema, { streamId: 'order-x' })).status).toBe('PLACED');
    expect((await runDeadLetters({ kind: 'list' }, deps)).text).toBe('没有死信 (no dead letters)');
  });
});
