import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import {
  consistencyProof,
  eventLeaf,
  inclusionProof,
  MerkleFrontier,
  signTreeHead,
  START,
  type EventStore,
  type ConsistencyProof,
  type InclusionProof,
  type MerkleHash,
  type RecordedEvent,
  type SignedTreeHead,
} from '@jixiao/events';
import type { StoredTreeHead, TreeHeadStore } from './tree-heads';

export interface SealOptions {
  store: EventStore;
  heads: TreeHeadStore;
  /** The sealer's Ed25519 private key. */
  key: KeyObject;
  /** The log's name in every head, e.g. `jixiao/tianmen`. */
  log: string;
  /** Where each new head is also written, outside the database: `<folder>/tree-head-<size>.json`. */
  folder?: string;
  now?: () => Date;
  /** Events read per page; 5,000 by default. */
  pageSize?: number;
}

/**
 * Seals what the log holds now: extends the last head's tree by every event committed after it, in
 * commit order (on PostgreSQL only transactions no longer in flight, so nothing can later land before a
 * sealed event), signs the new head and keeps it — in the database and in the checkpoint folder. Nothing
 * new since the last head: that head, `sealed: false`. Sealers in several processes may race: the
 * leaves are the same sequence for all, so a head of the same size is the same tree, and the one kept
 * first stands.
 */
export async function sealTreeHead(options: SealOptions): Promise<{ head: StoredTreeHead; sealed: boolean }> {
  const { store, heads, key, log, folder, now = () => new Date(), pageSize = 5000 } = options;
  const latest = await heads.latest();
  const frontier = latest ? MerkleFrontier.restore(latest.treeSize, latest.frontier) : MerkleFrontier.empty();
  let cursor = latest?.cursor ?? START;
  for (;;) {
    const page = await store.readCommitted(cursor, pageSize);
    for (const event of page) frontier.append(eventLeaf(event.hash));
    const last = page[page.length - 1];
    if (!last) break;
    cursor = { transactionId: last.transactionId, globalPosition: last.globalPosition };
  }
  if (latest && frontier.size === latest.treeSize) return { head: latest, sealed: false };
  const signed = signTreeHead(
    { log, treeSize: frontier.size, rootHash: frontier.root().toString('hex'), sealedAt: now().toISOString() },
    key,
  );
  const head: StoredTreeHead = { ...signed, frontier: frontier.stored, cursor };
  if (!(await heads.add(head))) {
    const kept = await heads.bySize(head.treeSize);
    if (kept) return { head: kept, sealed: false };
  }
  if (folder) await writeTreeHeadFile(folder, head);
  return { head, sealed: true };
}

/** Only the signed fields, one file per head, written whole or not at all. */
export async function writeTreeHeadFile(folder: string, head: SignedTreeHead): Promise<string> {
  const { log, treeSize, rootHash, sealedAt, keyId, signature } = head;
  await mkdir(folder, { recursive: true });
  const file = join(folder, `tree-head-${String(treeSize).padStart(12, '0')}.json`);
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, `${JSON.stringify({ log, treeSize, rootHash, sealedAt, keyId, signature }, null, 2)}\n`);
  await rename(partial, file);
  return file;
}

/** The first `size` events of the log in commit order: the leaves of the tree of that size. */
export async function eventsInCommitOrder(store: EventStore, size: number, pageSize = 5000): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let cursor = START;
  while (events.length < size) {
    const page = await store.readCommitted(cursor, Math.min(pageSize, size - events.length));
    const last = page[page.length - 1];
    if (!last) break;
    events.push(...page);
    cursor = { transactionId: last.transactionId, globalPosition: last.globalPosition };
  }
  if (events.length < size) throw new RangeError(`the log holds ${events.length} events, not ${size}`);
  return events;
}

const hex = (hashes: MerkleHash[]) => hashes.map((h) => h.toString('hex'));

/**
 * That an event is in the tree of a kept head (the latest by default): its leaf index and audit path.
 * Null when the event is not among the head's leaves (unknown, or committed after the head).
 */
export async function proveInclusion(
  store: EventStore,
  heads: TreeHeadStore,
  eventId: string,
  treeSize?: number,
): Promise<InclusionProof | null> {
  const head = treeSize === undefined ? await heads.latest() : await heads.bySize(treeSize);
  if (!head) return null;
  const events = await eventsInCommitOrder(store, head.treeSize);
  const leafIndex = events.findIndex((e) => e.eventId === eventId);
  if (leafIndex < 0) return null;
  const leaves = events.map((e) => eventLeaf(e.hash));
  return {
    head: signedOnly(head),
    event: events[leafIndex]!,
    leafIndex,
    proof: hex(inclusionProof(leaves, leafIndex)),
  };
}

/** That the tree of the head of size `second` extends the tree of the head of size `first` unchanged. */
export async function proveConsistency(
  store: EventStore,
  heads: TreeHeadStore,
  first: number,
  second: number,
): Promise<ConsistencyProof | null> {
  const [a, b] = await Promise.all([heads.bySize(first), heads.bySize(second)]);
  if (!a || !b || first > second) return null;
  const leaves = (await eventsInCommitOrder(store, second)).map((e) => eventLeaf(e.hash));
  return { first: signedOnly(a), second: signedOnly(b), proof: hex(consistencyProof(leaves, first, second)) };
}

/**
 * The log as the database holds it now, measured against a kept head: the root of its first
 * `head.treeSize` events recomputed from their recorded hashes. A different root means an event the head
 * covers was changed, removed, inserted or reordered since it was sealed (whatever the chains say).
 */
export async function recomputeRoot(store: EventStore, treeSize: number): Promise<string | null> {
  const events = await eventsInCommitOrder(store, treeSize).catch((error: unknown) => {
    if (error instanceof RangeError) return null;
    throw error;
  });
  if (!events) return null;
  const frontier = MerkleFrontier.empty();
  for (const e of events) frontier.append(eventLeaf(e.hash));
  return frontier.root().toString('hex');
}

function signedOnly({ log, treeSize, rootHash, sealedAt, keyId, signature }: SignedTreeHead): SignedTreeHead {
  return { log, treeSize, rootHash, sealedAt, keyId, signature };
}
