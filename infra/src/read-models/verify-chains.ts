import { ChainWalk, verifyChain, type BrokenChain } from '@jixiao/events';
import type { PostgresEventStore } from '../event-store/postgres-event-store';
import { schemaIdent } from '../event-store/postgres-schema';

/** What each way of breaking means, for the operator who reads the report. */
const REASONS: Record<BrokenChain['reason'], { zh: string; en: string }> = {
  HASH_MISMATCH: {
    zh: '事件内容已被改动，与其哈希不符',
    en: 'the event was altered: its content does not match its hash',
  },
  PREVIOUS_HASH_MISMATCH: {
    zh: '事件与前一事件的哈希不衔接',
    en: 'the event does not link to the hash of the one before it',
  },
  VERSION_GAP: { zh: '缺少该版本的事件', en: 'the event of this version is missing' },
  HEAD_MISMATCH: {
    zh: '流头记录与事件不符（末尾事件被删除或流头被改动）',
    en: 'the stream head does not match its events (a deleted tail or an altered head)',
  },
};

/** One line per broken stream: which stream, from which version, what is wrong. */
export function describeBrokenChain(b: BrokenChain): string {
  const { zh, en } = REASONS[b.reason];
  const event = b.eventId ? `, 事件 event ${b.eventId}` : '';
  return `${b.streamId} 版本 version ${b.brokenAtVersion}${event}: ${zh} (${en}) [${b.reason}]`;
}

/** A rebuild met broken hash chains and was told to refuse them. Nothing was swapped in. */
export class BrokenChainsError extends Error {
  constructor(readonly broken: BrokenChain[]) {
    super(
      [
        `${broken.length} 条事件流的哈希链断裂，读模型未重建 (${broken.length} streams have broken hash chains; the read models were not rebuilt):`,
        ...broken.map((b) => `  ${describeBrokenChain(b)}`),
        '请先查明原因；确需在这些事件上重建时加 --accept-broken-chains (find out why first; to rebuild on these events anyway, pass --accept-broken-chains)',
      ].join('\n'),
    );
    this.name = 'BrokenChainsError';
  }
}

/**
 * Ends a walk of the log against the heads the store recorded: a stream whose head is ahead of the
 * walk (appended since the walk read it) has its newer events, up to that head, read and walked
 * (writers may append beyond it meanwhile); then every head must be where its stream's walk
 * ended, and every walked stream must have a head.
 */
export async function closeChains(store: PostgresEventStore, walk: ChainWalk): Promise<BrokenChain[]> {
  const heads = await store.pool.query<[string, number, string]>({
    text: `SELECT stream_id, version, last_hash FROM ${schemaIdent(store.schema)}.event_streams`,
    rowMode: 'array',
  });
  const headed = new Set<string>();
  for (const [streamId, version, hash] of heads.rows) {
    headed.add(streamId);
    const reached = walk.reachedIn(streamId);
    if (version > reached.version && !walk.isBroken(streamId)) {
      // up to the head read above only: a writer may have appended again since
      const newer = await store.readStream(streamId, { fromVersion: reached.version + 1, toVersion: version });
      for (const event of newer) walk.add(event);
    }
    walk.closeAgainst(streamId, { version, hash });
  }
  for (const streamId of walk.streams()) {
    if (!headed.has(streamId)) walk.closeAgainst(streamId, { version: 0, hash: '' });
  }
  // a head that moved while the walk ran is checked again on its own, head first: only a break
  // that check also finds is reported
  const confirmed: BrokenChain[] = [];
  for (const broken of walk.breaks()) {
    const again = broken.reason === 'HEAD_MISMATCH' ? await recheck(store, broken) : broken;
    if (again) confirmed.push(again);
  }
  return confirmed;
}

/**
 * A stream the walk found at odds with its head, checked again on its own: the head read first and
 * the events up to it after, so writers appending meanwhile cannot make a sound chain look broken.
 * Null when it is sound.
 */
async function recheck(store: PostgresEventStore, broken: BrokenChain): Promise<BrokenChain | null> {
  const head = await store.pool.query<[number, string]>({
    text: `SELECT version, last_hash FROM ${schemaIdent(store.schema)}.event_streams WHERE stream_id = $1`,
    values: [broken.streamId],
    rowMode: 'array',
  });
  // events without any head: the head was deleted, which no writer does
  if (!head.rows[0]) return broken;
  const [version, hash] = head.rows[0];
  const events = await store.readStream(broken.streamId, { toVersion: version });
  const result = verifyChain(broken.streamId, events, { version, hash });
  return result.ok ? null : result;
}
