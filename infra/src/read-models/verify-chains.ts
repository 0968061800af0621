import { ChainWalk, type BrokenChain } from '@jixiao/events';
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
 * walk (appended since the walk read it) has its newer events read and walked; then every head
 * must be where its stream's walk ended, and every walked stream must have a head.
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
      for (const event of await store.readStream(streamId, { fromVersion: reached.version + 1 })) walk.add(event);
    }
    walk.closeAgainst(streamId, { version, hash });
  }
  for (const streamId of walk.streams()) {
    if (!headed.has(streamId)) walk.closeAgainst(streamId, { version: 0, hash: '' });
  }
  return walk.breaks();
}
