import type { RecordedEvent } from './envelope';
import { GENESIS_HASH, hashEvent } from './hash';
import { ChainWalk, verifyChain } from './verify';

/** A stream's events 1..n, hash-chained as the stores seal them. */
function chain(streamId: string, n: number): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  let previousHash = GENESIS_HASH;
  for (let version = 1; version <= n; version++) {
    const fields = {
      eventId: `${streamId}-e${version}`,
      streamId,
      streamVersion: version,
      type: 'GoalDrafted',
      schemaVersion: 1,
      data: { goalId: streamId, amountFen: version * 100 },
      metadata: { actorId: 'unit.li', role: 'BUDGET_UNIT' },
      recordedAt: `2024-03-0${version}T08:00:00.000Z`,
      previousHash,
    };
    const hash = hashEvent(fields);
    events.push({ ...fields, hash, globalPosition: version, transactionId: version });
    previousHash = hash;
  }
  return events;
}

const headOf = (events: readonly RecordedEvent[]) => {
  const last = events[events.length - 1]!;
  return { version: last.streamVersion, hash: last.hash };
};

/** The event with its data changed and its hash left as it was (an edit in the database). */
const altered = (event: RecordedEvent): RecordedEvent => ({ ...event, data: { tampered: true } });

describe('hash-chain verification', () => {
  describe('given an intact stream', () => {
    const events = chain('goal-1', 3);

    it('reports it whole, with its event count and last hash, when the recorded head is where it ends', () => {
      expect(verifyChain('goal-1', events, headOf(events))).toEqual({
        ok: true,
        streamId: 'goal-1',
        eventCount: 3,
        lastHash: events[2]!.hash,
      });
    });

    it('reports an empty stream with no head whole at version 0 and the genesis hash', () => {
      expect(verifyChain('goal-1', [], null)).toEqual({
        ok: true,
        streamId: 'goal-1',
        eventCount: 0,
        lastHash: GENESIS_HASH,
      });
    });

    it('without a recorded head, cannot see a deleted tail: the first two events pass as the whole stream', () => {
      expect(verifyChain('goal-1', events.slice(0, 2), null)).toEqual({
        ok: true,
        streamId: 'goal-1',
        eventCount: 2,
        lastHash: events[1]!.hash,
      });
    });
  });

  describe('when an event is missing or out of place', () => {
    const events = chain('goal-1', 3);

    it('names the missing version and the event found in its place (VERSION_GAP)', () => {
      expect(verifyChain('goal-1', [events[0]!, events[2]!], headOf(events))).toEqual({
        ok: false,
        streamId: 'goal-1',
        brokenAtVersion: 2,
        eventId: 'goal-1-e3',
        reason: 'VERSION_GAP',
      });
    });

    it('a stream that does not start at version 1 breaks at version 1', () => {
      expect(verifyChain('goal-1', events.slice(1), headOf(events))).toMatchObject({
        brokenAtVersion: 1,
        eventId: 'goal-1-e2',
        reason: 'VERSION_GAP',
      });
    });

    it('an event seen twice breaks at the version after it', () => {
      expect(verifyChain('goal-1', [events[0]!, events[0]!], headOf(events))).toMatchObject({
        brokenAtVersion: 2,
        eventId: 'goal-1-e1',
        reason: 'VERSION_GAP',
      });
    });
  });

  describe('when an event was changed', () => {
    const events = chain('goal-1', 3);

    it('names an event whose content no longer gives its hash (HASH_MISMATCH)', () => {
      expect(verifyChain('goal-1', [events[0]!, altered(events[1]!), events[2]!], headOf(events))).toEqual({
        ok: false,
        streamId: 'goal-1',
        brokenAtVersion: 2,
        eventId: 'goal-1-e2',
        reason: 'HASH_MISMATCH',
      });
    });

    it('names an event whose previous hash is not the hash before it (PREVIOUS_HASH_MISMATCH)', () => {
      // a rewritten event, rehashed to match its new content, no longer links to the one before it
      const { hash: _h, globalPosition: _g, transactionId: _t, ...fields } = events[1]!;
      const relinked = { ...fields, previousHash: GENESIS_HASH };
      const forged = { ...events[1]!, previousHash: GENESIS_HASH, hash: hashEvent(relinked) };
      expect(verifyChain('goal-1', [events[0]!, forged, events[2]!], headOf(events))).toEqual({
        ok: false,
        streamId: 'goal-1',
        brokenAtVersion: 2,
        eventId: 'goal-1-e2',
        reason: 'PREVIOUS_HASH_MISMATCH',
      });
    });

    it('the first event, altered, breaks at version 1', () => {
      expect(verifyChain('goal-1', [altered(events[0]!), ...events.slice(1)], headOf(events))).toMatchObject({
        brokenAtVersion: 1,
        reason: 'HASH_MISMATCH',
      });
    });

    it('keeps the first break: the events after it are not checked, nor the head', () => {
      const result = verifyChain('goal-1', [events[0]!, altered(events[1]!), altered(events[2]!)], {
        version: 9,
        hash: 'f'.repeat(64),
      });
      expect(result).toMatchObject({ brokenAtVersion: 2, eventId: 'goal-1-e2', reason: 'HASH_MISMATCH' });
    });
  });

  describe('when the recorded head is not where the walk ends (HEAD_MISMATCH)', () => {
    const events = chain('goal-1', 3);

    it('a deleted tail: the head says 3, the events end at 2', () => {
      expect(verifyChain('goal-1', events.slice(0, 2), headOf(events))).toEqual({
        ok: false,
        streamId: 'goal-1',
        brokenAtVersion: 3,
        eventId: null,
        reason: 'HEAD_MISMATCH',
      });
    });

    it('the head at the right version with another hash', () => {
      expect(verifyChain('goal-1', events, { version: 3, hash: events[1]!.hash })).toMatchObject({
        brokenAtVersion: 4,
        eventId: null,
        reason: 'HEAD_MISMATCH',
      });
    });

    it('the head with the last hash at another version', () => {
      expect(verifyChain('goal-1', events, { version: 4, hash: events[2]!.hash })).toMatchObject({
        brokenAtVersion: 4,
        reason: 'HEAD_MISMATCH',
      });
    });

    it('a head for a stream with no events breaks at version 1', () => {
      expect(verifyChain('goal-1', [], headOf(events))).toMatchObject({
        brokenAtVersion: 1,
        eventId: null,
        reason: 'HEAD_MISMATCH',
      });
    });
  });

  describe('a walk over many streams in commit order', () => {
    it('checks each stream in its own order, keeps the breaks by stream id, and lists every stream once', () => {
      const a = chain('goal-a', 2);
      const b = chain('goal-b', 3);
      const c = chain('goal-c', 1);
      const walk = new ChainWalk();
      // interleaved as a log would hold them; goal-b's second event altered
      for (const event of [b[0]!, a[0]!, altered(b[1]!), c[0]!, a[1]!, b[2]!]) walk.add(event);

      expect(walk.reachedIn('goal-a')).toEqual({ version: 2, hash: a[1]!.hash });
      // goal-b stops where it broke
      expect(walk.reachedIn('goal-b')).toEqual({ version: 1, hash: b[0]!.hash });
      expect(walk.reachedIn('goal-z')).toEqual({ version: 0, hash: GENESIS_HASH });
      expect(walk.isBroken('goal-b')).toBe(true);
      expect(walk.isBroken('goal-a')).toBe(false);

      walk.closeAgainst('goal-a', headOf(a));
      walk.closeAgainst('goal-b', headOf(b));
      walk.closeAgainst('goal-c', null);
      // a stream the log lost entirely, whose head is still recorded
      walk.closeAgainst('goal-0', headOf(c));

      expect(walk.breaks()).toEqual([
        { ok: false, streamId: 'goal-0', brokenAtVersion: 1, eventId: null, reason: 'HEAD_MISMATCH' },
        { ok: false, streamId: 'goal-b', brokenAtVersion: 2, eventId: 'goal-b-e2', reason: 'HASH_MISMATCH' },
      ]);
      expect(walk.streams().sort()).toEqual(['goal-0', 'goal-a', 'goal-b', 'goal-c']);
    });

    it('orders the breaks by stream id, whatever order they were found in', () => {
      const walk = new ChainWalk();
      for (const id of ['goal-c', 'goal-a', 'goal-b']) walk.add(altered(chain(id, 1)[0]!));
      expect(walk.breaks().map((b) => b.streamId)).toEqual(['goal-a', 'goal-b', 'goal-c']);
      expect(walk.streams()).toEqual(['goal-c', 'goal-a', 'goal-b']);
    });
  });
});
