/* Runs inside jest, from the conformance suite: `describe`, `it` and `expect` are jest's globals. */
import { randomUUID } from 'node:crypto';
import { CommandIdReusedError } from '../command-ids';
import { ErrorCode } from '../errors';
import type { EventStore } from '../store';
import { sampleEvent, type ConformanceHarness } from './conformance';

const actor = { actorId: 'conformance', role: 'ADMIN', unitId: null };

/**
 * The rule for a repeated command id, in the store: the same command (type) on the same stream
 * answers its first result; the id on another stream or with another type is CONFLICT, writing nothing.
 */
export function describeCommandIdRule(harness: () => ConformanceHarness): void {
  describe('one rule for a repeated command id', () => {
    const stream = () => `conf-${randomUUID()}`;
    const append = (store: EventStore, streamId: string, commandId: string, commandType: string, i = 1) =>
      store.appendToStream(streamId, [sampleEvent(i)], { expectedVersion: 0, commandId, commandType, metadata: actor });
    const refusal = (commandId: string) =>
      expect.objectContaining({
        code: ErrorCode.CONFLICT,
        commandId,
        zh: expect.stringContaining('命令编号'),
        en: expect.stringContaining('Command id'),
      }) as unknown;

    it('answers the same command on the same stream with its first result, and says where and what it was', async () => {
      const { store } = harness();
      const [id, commandId] = [stream(), randomUUID()];
      const first = await append(store, id, commandId, 'RegisterBudgetUnit');
      const again = await append(store, id, commandId, 'RegisterBudgetUnit', 9);
      expect(again).toMatchObject({ duplicate: true, nextExpectedVersion: 1 });
      expect(again.events.map((e) => e.eventId)).toEqual(first.events.map((e) => e.eventId));
      expect(await store.findCommand(commandId)).toMatchObject({ streamId: id, commandType: 'RegisterBudgetUnit' });
      expect(await harness().countEvents()).toBe(1);
    });

    it('refuses the id reused on another stream with CONFLICT, and writes nothing', async () => {
      const { store } = harness();
      const [id, other, commandId] = [stream(), stream(), randomUUID()];
      await append(store, id, commandId, 'RegisterBudgetUnit');
      const reused = append(store, other, commandId, 'RegisterBudgetUnit', 2);
      await expect(reused).rejects.toThrow(CommandIdReusedError);
      await expect(reused.catch((e: unknown) => e)).resolves.toEqual(refusal(commandId));
      expect(await store.readStream(other)).toEqual([]);
      expect(await harness().countEvents()).toBe(1);
      // also when the other stream has moved on since: the reuse is the answer, not the stale version
      await store.appendToStream(other, [sampleEvent(3)], { expectedVersion: 0, metadata: actor });
      await expect(append(store, other, commandId, 'RegisterBudgetUnit', 4)).rejects.toThrow(CommandIdReusedError);
      expect(await harness().countEvents()).toBe(2);
    });

    it('refuses the id reused for another command type on the same stream with CONFLICT, and writes nothing', async () => {
      const { store } = harness();
      const [id, commandId] = [stream(), randomUUID()];
      await append(store, id, commandId, 'RegisterBudgetUnit');
      const reused = store.appendToStream(id, [sampleEvent(2)], {
        expectedVersion: 1,
        commandId,
        commandType: 'RenameBudgetUnit',
        metadata: actor,
      });
      await expect(reused).rejects.toThrow(CommandIdReusedError);
      expect((await store.readStream(id)).map((e) => e.streamVersion)).toEqual([1]);
      // an id appended without a type is another command than one with a type
      await expect(
        store.appendToStream(id, [sampleEvent(2)], { expectedVersion: 1, commandId, metadata: actor }),
      ).rejects.toThrow(CommandIdReusedError);
      expect(await harness().countEvents()).toBe(1);
    });

    it('keeps answering the ids of a store made before command types, checked by their stream', async () => {
      const h = harness();
      const [id, other, commandId] = [stream(), stream(), randomUUID()];
      const first = await append(h.store, id, commandId, 'RegisterBudgetUnit');
      const store = await h.reopenFromBeforeCommandTypes();
      expect(await store.findCommand(commandId)).toMatchObject({ streamId: id, commandType: null });
      const again = await append(store, id, commandId, 'RegisterBudgetUnit', 9);
      expect(again.events.map((e) => e.eventId)).toEqual(first.events.map((e) => e.eventId));
      await expect(append(store, other, commandId, 'RegisterBudgetUnit', 2)).rejects.toThrow(CommandIdReusedError);
      // ids recorded from now on carry their type again
      const fresh = randomUUID();
      await append(store, other, fresh, 'RegisterBudgetUnit', 3);
      expect(await store.findCommand(fresh)).toMatchObject({ streamId: other, commandType: 'RegisterBudgetUnit' });
      expect(await h.countEvents()).toBe(2);
    });

    it('lets exactly one of two writers racing with one id on two streams write; the other is CONFLICT', async () => {
      const h = harness();
      const another = await h.openAnotherStore();
      try {
        const commandId = randomUUID();
        const [a, b] = [stream(), stream()];
        const results = await Promise.allSettled([
          append(h.store, a, commandId, 'RegisterBudgetUnit', 1),
          append(another, b, commandId, 'RegisterBudgetUnit', 2),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(refused?.reason).toEqual(refusal(commandId));
        expect(await h.countEvents()).toBe(1);
        const winner = results[0]!.status === 'fulfilled' ? a : b;
        expect((await h.store.findCommand(commandId))?.streamId).toBe(winner);
      } finally {
        await another.close();
      }
    });
  });
}
