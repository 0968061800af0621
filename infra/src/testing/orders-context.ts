import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntitySchema, type MikroORM } from '@mikro-orm/core';
import { z } from 'zod';
import { defineEvent, EventCatalog, IllegalStateError, type Decider, type NewEvent } from '@jixiao/events';
import { defineProjection, ProjectionCheckpointSchema, rowStorage } from '@jixiao/projections';
import { defineDeadline, defineReaction } from '@jixiao/service-kit';
import { SqliteEventStore } from '../event-store/sqlite-event-store';
import { openReadModels } from '../read-models/orm';

/**
 * A test-only pair of contexts for the reaction, deadline and dead-letter tests: `sales` places
 * orders with a due day; `shipping` reacts to a placed order by opening a shipment; an order not
 * fulfilled by its day becomes overdue. Nothing here is registered with the platform.
 */
export const OrderPlaced = defineEvent({
  type: 'OrderPlaced',
  context: 'sales',
  description: 'test only',
  schemaVersion: 1,
  schema: z.object({ orderId: z.string(), dueDate: z.string(), poison: z.boolean().optional() }),
});
export const OrderFulfilled = defineEvent({
  type: 'OrderFulfilled',
  context: 'sales',
  description: 'test only',
  schemaVersion: 1,
  schema: z.object({ orderId: z.string() }),
});
export const OrderOverdue = defineEvent({
  type: 'OrderOverdue',
  context: 'sales',
  description: 'test only',
  schemaVersion: 1,
  schema: z.object({ orderId: z.string(), dueDate: z.string() }),
});
export const ShipmentOpened = defineEvent({
  type: 'ShipmentOpened',
  context: 'shipping',
  description: 'test only',
  schemaVersion: 1,
  schema: z.object({ orderId: z.string() }),
});

export const ordersCatalog = new EventCatalog([OrderPlaced, OrderFulfilled, OrderOverdue, ShipmentOpened]);

interface OrderState {
  open: boolean;
  overdue: boolean;
}
type OrderCommand = { type: 'MarkOverdue'; orderId: string; dueDate: string };

export const orderDecider: Decider<OrderCommand, NewEvent, OrderState> = {
  initialState: () => ({ open: false, overdue: false }),
  evolve: (s, e) =>
    e.type === 'OrderPlaced'
      ? { ...s, open: true }
      : e.type === 'OrderFulfilled'
        ? { ...s, open: false }
        : e.type === 'OrderOverdue'
          ? { ...s, overdue: true }
          : s,
  decide: (c, s) =>
    s.open && !s.overdue ? [{ type: 'OrderOverdue', data: { orderId: c.orderId, dueDate: c.dueDate } }] : [],
};

type ShipmentCommand = { type: 'OpenShipment'; orderId: string };

export const shipmentDecider: Decider<ShipmentCommand, NewEvent, { opened: boolean }> = {
  initialState: () => ({ opened: false }),
  evolve: (s, e) => (e.type === 'ShipmentOpened' ? { opened: true } : s),
  decide: (c, s) => {
    if (s.opened) throw new IllegalStateError({ zh: '已开单', en: 'already opened' });
    return [{ type: 'ShipmentOpened', data: { orderId: c.orderId } }];
  },
};

/** `shipping` reacts to `sales`: a placed order opens its shipment. */
export const openShipment = defineReaction({
  name: 'shipping.open-shipment',
  handles: ['OrderPlaced'],
  react: (event) => {
    const { orderId } = event.data as { orderId: string };
    return [{ streamId: `shipment-${orderId}`, decider: shipmentDecider, command: { type: 'OpenShipment', orderId } }];
  },
});

/** An order's due day: set when placed, settled when fulfilled or overdue. */
export const orderDue = defineDeadline({
  name: 'sales.order-due',
  handles: ['OrderPlaced', 'OrderFulfilled', 'OrderOverdue'],
  track: (event) => {
    const data = event.data as { orderId: string; dueDate: string };
    if (event.type === 'OrderPlaced')
      return { set: { deadlineId: data.orderId, streamId: event.streamId, dueDate: data.dueDate } };
    return { settle: [data.orderId] };
  },
  passed: (d) => ({
    streamId: d.streamId,
    decider: orderDecider,
    command: { type: 'MarkOverdue', orderId: d.deadlineId, dueDate: d.dueDate },
  }),
});

/** Whether the order projection's code is "broken" for poison orders (a test flips it to simulate the fix). */
export const ordersFault = { broken: true };

export interface OrderRow {
  streamId: string;
  lastVersion: number;
  orderId: string;
  status: string;
}

export const OrderRowSchema = new EntitySchema<OrderRow>({
  name: 'TestOrderRow',
  tableName: 'rm_test_order',
  properties: {
    streamId: { type: 'string', primary: true },
    lastVersion: { type: 'integer' },
    orderId: { type: 'string' },
    status: { type: 'string' },
  },
});

/** A projection that throws on a poison order while `ordersFault.broken`. */
export const ordersProjection = defineProjection<OrderRow>({
  name: 'sales.orders',
  handles: ['OrderPlaced', 'OrderFulfilled', 'OrderOverdue'],
  entities: [OrderRowSchema],
  evolve: (doc, event) => {
    const data = event.data as { orderId: string; poison?: boolean };
    if (event.type === 'OrderPlaced') {
      if (data.poison && ordersFault.broken) throw new Error('poison order');
      return { streamId: event.streamId, lastVersion: 0, orderId: data.orderId, status: 'PLACED' };
    }
    if (!doc) throw new Error(`no order ${event.streamId}`);
    return { ...doc, status: event.type === 'OrderFulfilled' ? 'FULFILLED' : 'OVERDUE' };
  },
  ...rowStorage(OrderRowSchema, 'streamId'),
});

/** A fresh SQLite store and read models for the orders contexts (the poison order broken again); `close` removes them. */
export async function openOrdersWorkspace(
  prefix: string,
): Promise<{ store: SqliteEventStore; orm: MikroORM; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'jixiao.db');
  const store = new SqliteEventStore({ file, catalog: ordersCatalog });
  const orm = await openReadModels({ kind: 'sqlite', file }, 'rebuild', [ProjectionCheckpointSchema, OrderRowSchema]);
  ordersFault.broken = true;
  return {
    store,
    orm,
    async close() {
      await orm.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
