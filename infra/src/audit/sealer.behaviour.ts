import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkConsistency,
  checkInclusion,
  hashEvent,
  sampleEvent,
  type EventStore,
  type RecordedEvent,
} from '@jixiao/events';
import { proveConsistency, proveInclusion, sealTreeHead } from './sealer';
import { treeHeadsOf } from './tree-heads';

const metadata = { actorId: 'chen.jing', role: 'ADMIN', unitId: null };

/** Appends one event to each of `n` new streams, named from `from`. */
async function appendSome(store: EventStore, from: number, n: number) {
  for (let i = from; i < from + n; i++) {
    await store.appendToStream(`unit-s${i}`, [sampleEvent(i)], { expectedVersion: 0, metadata });
  }
}

/**
 * The sealer on one database: heads that prove inclusion and consistency with the public key alone,
 * a copy of each head outside the database, racing sealers that agree, and a stream tail rewritten
 * with recomputed hashes — invisible to the stream's own chain — exposed by the heads kept before.
 * `rewrite` sets an event's data and hash as a database administrator could, triggers off.
 */
export async function expectSealedHistoryToProveItself(
  store: EventStore,
  rewrite: (event: RecordedEvent, data: unknown, hash: string) => Promise<void>,
) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const folder = mkdtempSync(join(tmpdir(), 'jixiao-heads-'));
  const heads = treeHeadsOf(store);
  const seal = () => sealTreeHead({ store, heads, key: privateKey, log: 'jixiao/test', folder });
  try {
    await appendSome(store, 0, 5);
    const first = await seal();
    expect(first).toMatchObject({ sealed: true, head: { treeSize: 5, log: 'jixiao/test' } });
    expect(await seal()).toMatchObject({ sealed: false, head: { treeSize: 5, rootHash: first.head.rootHash } });

    await appendSome(store, 5, 6);
    // two sealers at once: one head of 11 kept, the same tree for both
    const [a, b] = await Promise.all([seal(), seal()]);
    expect(a.head.treeSize).toBe(11);
    expect(b.head.rootHash).toBe(a.head.rootHash);
    expect((await heads.list()).map((h) => h.treeSize)).toEqual([5, 11]);

    // every head is also a file outside the database, signed fields only
    const files = readdirSync(folder).sort();
    expect(files).toEqual(['tree-head-000000000005.json', 'tree-head-000000000011.json']);
    const kept = JSON.parse(readFileSync(join(folder, files[0]!), 'utf8'));
    expect(kept).toEqual({
      log: 'jixiao/test',
      treeSize: 5,
      rootHash: first.head.rootHash,
      sealedAt: first.head.sealedAt,
      keyId: first.head.keyId,
      signature: first.head.signature,
    });

    const consistent = (await proveConsistency(store, heads, 5, 11))!;
    expect(checkConsistency(consistent, publicKey)).toBeNull();
    expect(consistent.proof.length).toBeGreaterThan(0);
    const early = (await store.readStream('unit-s2'))[0]!;
    const included = (await proveInclusion(store, heads, early.eventId))!;
    expect(included).toMatchObject({ leafIndex: 2, head: { treeSize: 11 } });
    expect(checkInclusion(included, publicKey)).toBeNull();
    expect(checkInclusion(included, generateKeyPairSync('ed25519').publicKey)).toBe('HEAD_SIGNATURE');
    expect(await proveInclusion(store, heads, 'no-such-event')).toBeNull();
    expect(await proveConsistency(store, heads, 5, 7)).toBeNull();

    // a rewrite the stream's chain cannot see: its only event, content and hash recomputed
    const data = { ...(early.data as object), name: '改写的单位' };
    const { hash: _h, globalPosition: _g, transactionId: _t, ...fields } = early;
    await rewrite(early, data, hashEvent({ ...fields, data }));
    expect((await store.verifyStream('unit-s2')).ok).toBe(true);
    // …but the heads kept before it no longer match what the database proves
    const after = (await proveConsistency(store, heads, 5, 11))!;
    expect(checkConsistency(after, publicKey)).toBe('NOT_CONSISTENT');
    const rewritten = (await proveInclusion(store, heads, early.eventId, 11))!;
    expect(checkInclusion(rewritten, publicKey)).toBe('NOT_INCLUDED');
    // and an event altered without recomputing its hash is named for what it is
    expect(checkInclusion({ ...included, event: { ...included.event, data } }, publicKey)).toBe('EVENT_HASH');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
