/* Runs inside jest: `describe`, `it` and `expect` are jest's globals. */
import { randomUUID } from 'node:crypto';
import { ConcurrencyError, ValidationError } from '../errors';
import { START, type NewEvent, type RecordedEvent } from '../envelope';
import type { EventStore } from '../store';
import { describeCommandIdRule } from './conformance-command-ids';

/** What a conformance run needs from an adapter: the store and the raw powers of a DBA. */
export interface ConformanceHarness {
  store: EventStore;
  /** Run raw SQL as the application's own connection would. */
  rawExec(sql: string): Promise<void>;
  /** The (qualified) events table name for raw SQL. */
  eventsTable: string;
  countEvents(): Promise<number>;
  /** Tampering as someone with the database owner's rights would do it, bypassing the append-only trigger. */
  tamper: {
    replaceData(streamId: string, version: number, data: unknown): Promise<void>;
    setVersion(streamId: string, from: number, to: number): Promise<void>;
    deleteEvent(streamId: string, version: number): Promise<void>;
  };
  /** Installs a trigger that fails the insert of that one event, to prove appends are all-or-nothing. */
  failInsertOf(streamId: string, version: number): Promise<void>;
  /** Store instances on their own connections, for parallel writers. */
  openAnotherStore(): Promise<EventStore>;
  /**
   * Leaves the database as a store made before command types were recorded would (no `command_type`
   * in `event_commands`, nor any marker saying otherwise), then opens a store of today on it.
   */
  reopenFromBeforeCommandTypes(): Promise<EventStore>;
  close(): Promise<void>;
}

const actor = { actorId: 'conformance', role: 'ADMIN', unitId: null };

/** A valid event of the platform catalog, different per `i`. */
export function sampleEvent(i: number): NewEvent {
  return {
    type: 'BudgetUnitRegistered',
    data: {
      unitId: `u${i}`,
      code: `C${i}`,
      name: `测试单位${i}`,
      level: 'FIRST',
      parentId: null,
      divisionCode: '429006',
      sector: '',
    },
  };
}

function flipOneByte(data: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
  const key = Object.keys(copy).find((k) => typeof copy[k] === 'string' && (copy[k] as string).length > 0);
  if (!key) throw new Error('no string field to alter');
  const text = copy[key] as string;
  copy[key] = String.fromCharCode(text.charCodeAt(0) ^ 1) + text.slice(1);
  return copy;
}

/** The one suite both event-store adapters must pass. */
export function describeEventStoreConformance(name: string, createHarness: () => Promise<ConformanceHarness>): void {
  describe(`EventStore conformance: ${name}`, () => {
    let h: ConformanceHarness;
    let store: EventStore;
    const stream = () => `conf-${randomUUID()}`;

    beforeEach(async () => {
      h = await createHarness();
      store = h.store;
    });
    afterEach(async () => h.close());

    describe('append and read', () => {
      it('numbers stream versions from 1 and reads them back with the hash chain', async () => {
        const id = stream();
        const r = await store.appendToStream(id, [sampleEvent(1), sampleEvent(2)], {
          expectedVersion: 0,
          metadata: actor,
        });
        expect(r.nextExpectedVersion).toBe(2);
        const events = await store.readStream(id);
        expect(events.map((e) => e.streamVersion)).toEqual([1, 2]);
        expect(events[1]!.previousHash).toBe(events[0]!.hash);
        expect(events[0]!.metadata.actorId).toBe('conformance');
        expect(await store.readStream(id, { fromVersion: 2 })).toHaveLength(1);
        expect(await store.readStream(id, { toVersion: 1 })).toHaveLength(1);
      });

      it('reads all events by global position with a limit', async () => {
        await store.appendToStream(stream(), [sampleEvent(1)], { expectedVersion: 0, metadata: actor });
        await store.appendToStream(stream(), [sampleEvent(2), sampleEvent(3)], { expectedVersion: 0, metadata: actor });
        const all = await store.readAll();
        expect(all).toHaveLength(3);
        const positions = all.map((e) => e.globalPosition);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        const tail = await store.readAll({ fromPosition: positions[1]!, limit: 1 });
        expect(tail.map((e) => e.globalPosition)).toEqual([positions[1]]);
      });

      it('refuses an event whose data does not match its schema, and writes nothing', async () => {
        const id = stream();
        const bad: NewEvent = {
          type: 'BudgetUnitRegistered',
          data: { ...(sampleEvent(1).data as object), level: 'THIRD' },
        };
        await expect(
          store.appendToStream(id, [sampleEvent(1), bad], { expectedVersion: 0, metadata: actor }),
        ).rejects.toThrow(ValidationError);
        await expect(
          store.appendToStream(id, [{ type: 'NoSuchEvent', data: {} }], { expectedVersion: 0, metadata: actor }),
        ).rejects.toThrow(/NoSuchEvent/);
        expect(await h.countEvents()).toBe(0);
      });
    });

    describe('bulk append (appendBatch)', () => {
      it('appends to many streams in one call, in the order given, each with its own hash chain', async () => {
        const [a, b] = [stream(), stream()];
        const results = await store.appendBatch([
          { streamId: a, events: [sampleEvent(1), sampleEvent(2)], expectedVersion: 0, metadata: actor },
          { streamId: b, events: [sampleEvent(3)], expectedVersion: 0, metadata: actor },
          { streamId: a, events: [sampleEvent(4)], expectedVersion: 2, metadata: actor },
        ]);
        expect(results.map((r) => r.nextExpectedVersion)).toEqual([2, 1, 3]);
        const all = await store.readAll();
        expect(all.map((e) => [e.streamId, e.streamVersion])).toEqual([
          [a, 1],
          [a, 2],
          [b, 1],
          [a, 3],
        ]);
        expect(await store.verifyStream(a)).toMatchObject({ ok: true, eventCount: 3 });
        expect(await store.verifyStream(b)).toMatchObject({ ok: true, eventCount: 1 });
        // a later single append continues the chain the batch left
        await store.appendToStream(b, [sampleEvent(5)], { expectedVersion: 1, metadata: actor });
        expect(await store.verifyStream(b)).toMatchObject({ ok: true, eventCount: 2 });
      });

      it('writes nothing of the batch when one expected version is stale', async () => {
        const a = stream();
        await store.appendToStream(a, [sampleEvent(1)], { expectedVersion: 0, metadata: actor });
        await expect(
          store.appendBatch([
            { streamId: stream(), events: [sampleEvent(2)], expectedVersion: 0, metadata: actor },
            { streamId: a, events: [sampleEvent(3)], expectedVersion: 0, metadata: actor },
          ]),
        ).rejects.toThrow(ConcurrencyError);
        expect(await h.countEvents()).toBe(1);
      });

      it('writes nothing of the batch when one event does not match its schema', async () => {
        const bad: NewEvent = {
          type: 'BudgetUnitRegistered',
          data: { ...(sampleEvent(1).data as object), level: 'X' },
        };
        await expect(
          store.appendBatch([
            { streamId: stream(), events: [sampleEvent(1)], expectedVersion: 0, metadata: actor },
            { streamId: stream(), events: [bad], expectedVersion: 0, metadata: actor },
          ]),
        ).rejects.toThrow(ValidationError);
        expect(await h.countEvents()).toBe(0);
      });

      it('lets only one of two batches creating the same stream win', async () => {
        const a = stream();
        const other = await h.openAnotherStore();
        const results = await Promise.allSettled(
          [store, other].map((s, i) =>
            s.appendBatch([{ streamId: a, events: [sampleEvent(i)], expectedVersion: 0, metadata: actor }]),
          ),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(lost?.reason).toBeInstanceOf(ConcurrencyError);
        expect((await store.readStream(a)).map((e) => e.streamVersion)).toEqual([1]);
      });
    });

    describe('optimistic concurrency', () => {
      it('lets exactly one of 24 parallel writers at the same expected version win, without gaps', async () => {
        const id = stream();
        await store.appendToStream(id, [sampleEvent(0)], { expectedVersion: 0, metadata: actor });
        const stores = [store, await h.openAnotherStore(), await h.openAnotherStore()];
        const results = await Promise.allSettled(
          Array.from({ length: 24 }, (_, i) =>
            stores[i % stores.length]!.appendToStream(id, [sampleEvent(i + 1), sampleEvent(i + 100)], {
              expectedVersion: 1,
              metadata: actor,
            }),
          ),
        );
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(23);
        for (const l of lost) expect(l.reason).toBeInstanceOf(ConcurrencyError);
        const versions = (await store.readStream(id)).map((e) => e.streamVersion);
        expect(versions).toEqual([1, 2, 3]);
        for (const s of stores.slice(1)) await s.close();
      });

      it('refuses a stale or future expected version and writes nothing', async () => {
        const id = stream();
        await store.appendToStream(id, [sampleEvent(1), sampleEvent(2)], { expectedVersion: 0, metadata: actor });
        await expect(
          store.appendToStream(id, [sampleEvent(3)], { expectedVersion: 1, metadata: actor }),
        ).rejects.toThrow(ConcurrencyError);
        await expect(
          store.appendToStream(id, [sampleEvent(3)], { expectedVersion: 5, metadata: actor }),
        ).rejects.toThrow(ConcurrencyError);
        await expect(
          store.appendToStream(stream(), [sampleEvent(3)], { expectedVersion: 1, metadata: actor }),
        ).rejects.toThrow(ConcurrencyError);
        expect(await h.countEvents()).toBe(2);
      });
    });

    describe('idempotency by command id', () => {
      it('returns the first result for a repeated command id and writes nothing', async () => {
        const id = stream();
        const commandId = randomUUID();
        const first = await store.appendToStream(id, [sampleEvent(1)], {
          expectedVersion: 0,
          commandId,
          metadata: actor,
        });
        const again = await store.appendToStream(id, [sampleEvent(9)], {
          expectedVersion: 0,
          commandId,
          metadata: actor,
        });
        expect(first.duplicate).toBe(false);
        expect(again.duplicate).toBe(true);
        expect(again.events.map((e) => e.eventId)).toEqual(first.events.map((e) => e.eventId));
        expect(again.nextExpectedVersion).toBe(1);
        expect(await h.countEvents()).toBe(1);
        const found = await store.findCommand(commandId);
        expect(found?.events.map((e) => e.eventId)).toEqual(first.events.map((e) => e.eventId));
        expect(await store.findCommand(randomUUID())).toBeNull();
      });
    });

    describeCommandIdRule(() => h);

    describe('all-or-nothing', () => {
      it('writes none of a multi-event append when the database refuses one of its rows', async () => {
        const id = stream();
        await h.failInsertOf(id, 3);
        await expect(
          store.appendToStream(id, [sampleEvent(1), sampleEvent(2), sampleEvent(3)], {
            expectedVersion: 0,
            metadata: actor,
          }),
        ).rejects.toHaveProperty('message', expect.stringMatching(/injected failure/));
        expect(await store.readStream(id)).toEqual([]);
        expect(await h.countEvents()).toBe(0);
        // and the stream is still usable from version 0
        await store.appendToStream(id, [sampleEvent(1)], { expectedVersion: 0, metadata: actor });
        expect(await h.countEvents()).toBe(1);
      });
    });

    describe('append-only at the database', () => {
      it('refuses UPDATE and DELETE on the events table with raw SQL', async () => {
        const id = stream();
        await store.appendToStream(id, [sampleEvent(1)], { expectedVersion: 0, metadata: actor });
        // driver errors may come from another realm (a native addon shared across jest files): match on the message
        const refused = expect.stringMatching(/append-only/);
        await expect(h.rawExec(`UPDATE ${h.eventsTable} SET type = 'Forged'`)).rejects.toHaveProperty(
          'message',
          refused,
        );
        await expect(h.rawExec(`DELETE FROM ${h.eventsTable}`)).rejects.toHaveProperty('message', refused);
        const [event] = await store.readStream(id);
        expect(event!.type).toBe('BudgetUnitRegistered');
        expect(await h.countEvents()).toBe(1);
      });
    });

    describe('tamper evidence', () => {
      const seed = async () => {
        const id = stream();
        await store.appendToStream(id, [1, 2, 3, 4].map(sampleEvent), { expectedVersion: 0, metadata: actor });
        return id;
      };

      it('verifies an untouched stream', async () => {
        const id = await seed();
        await expect(store.verifyStream(id)).resolves.toMatchObject({ ok: true, eventCount: 4 });
      });

      it('names the event whose byte was changed', async () => {
        const id = await seed();
        const [, second] = await store.readStream(id);
        await h.tamper.replaceData(id, 2, flipOneByte(second!.data));
        await expect(store.verifyStream(id)).resolves.toMatchObject({
          ok: false,
          brokenAtVersion: 2,
          eventId: second!.eventId,
        });
      });

      it('detects a deleted event in the middle and at the end', async () => {
        const id = await seed();
        await h.tamper.deleteEvent(id, 2);
        await expect(store.verifyStream(id)).resolves.toMatchObject({
          ok: false,
          brokenAtVersion: 2,
          reason: 'VERSION_GAP',
        });
        const tail = await seed();
        await h.tamper.deleteEvent(tail, 4);
        await expect(store.verifyStream(tail)).resolves.toMatchObject({
          ok: false,
          brokenAtVersion: 4,
          reason: 'HEAD_MISMATCH',
        });
      });

      it('detects two swapped events', async () => {
        const id = await seed();
        await h.tamper.setVersion(id, 2, -1);
        await h.tamper.setVersion(id, 3, 2);
        await h.tamper.setVersion(id, -1, 3);
        await expect(store.verifyStream(id)).resolves.toMatchObject({ ok: false, brokenAtVersion: 2 });
      });
    });

    describe('subscribe', () => {
      it('delivers past events, then live ones from concurrent writers, each exactly once and in commit order', async () => {
        await store.appendToStream(stream(), [sampleEvent(1), sampleEvent(2)], { expectedVersion: 0, metadata: actor });
        const writers = [store, await h.openAnotherStore(), await h.openAnotherStore()];
        const subscription = store.subscribe({ from: START, batchSize: 7 });
        const seen: RecordedEvent[] = [];
        const total = 2 + 10 * 6;
        const reading = (async () => {
          for await (const batch of subscription) {
            seen.push(...batch);
            if (seen.length >= total) break;
          }
        })();
        await Promise.all(
          Array.from({ length: 10 }, async (_, w) => {
            const id = stream();
            for (let v = 0; v < 3; v++) {
              await writers[w % writers.length]!.appendToStream(id, [sampleEvent(v), sampleEvent(v + 50)], {
                expectedVersion: v * 2,
                metadata: actor,
              });
            }
          }),
        );
        await reading;
        await subscription.close();
        const positions = seen.map((e) => e.globalPosition);
        expect(new Set(positions).size).toBe(total);
        const all = await store.readAll();
        expect([...positions].sort((a, b) => a - b)).toEqual(all.map((e) => e.globalPosition));
        const order = seen.map((e) => [e.transactionId, e.globalPosition] as const);
        const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(order).toEqual(sorted);
        for (const s of writers.slice(1)) await s.close();
      });

      it('resumes after a checkpoint without repeating what was delivered', async () => {
        await store.appendToStream(stream(), [1, 2, 3].map(sampleEvent), { expectedVersion: 0, metadata: actor });
        const all = await store.readAll();
        const from = { transactionId: all[1]!.transactionId, globalPosition: all[1]!.globalPosition };
        const sub = store.subscribe({ from });
        const it = sub[Symbol.asyncIterator]();
        const first = await it.next();
        await sub.close();
        expect((first.value as RecordedEvent[]).map((e) => e.globalPosition)).toEqual([all[2]!.globalPosition]);
      });
    });
  });
}
