import { createPublicKey, type KeyObject } from 'node:crypto';
import type { EventStore } from '@jixiao/events';
import type { Sealer } from '@jixiao/service-kit';
import { loadOrCreateDevKey } from '../auth/dev-key';
import { proveConsistency, proveInclusion, recomputeRoot, sealTreeHead } from './sealer';
import { treeHeadsOf, type TreeHeadStore } from './tree-heads';

export interface SealerConfig {
  /** The Ed25519 signing key's file (a JWK), created on first use. */
  keyFile: string;
  /** Where each head is also written, outside the database. */
  treeHeadDir: string;
  /** Seconds between seals; 0 seals only on demand. */
  intervalSeconds: number;
  /** The log's name in every head. */
  log: string;
}

/** The sealer of one event store (SQLite or PostgreSQL), for the audit subgraph and the periodic seal. */
export class LogSealer implements Sealer {
  readonly publicKey: KeyObject;
  private readonly key: KeyObject;
  private readonly treeHeads: TreeHeadStore;

  constructor(
    private readonly store: EventStore,
    private readonly config: SealerConfig,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.key = loadOrCreateDevKey(config.keyFile).privateKey;
    this.publicKey = createPublicKey(this.key);
    this.treeHeads = treeHeadsOf(store);
  }

  async heads(limit: number) {
    const all = await this.treeHeads.list();
    return all.reverse().slice(0, limit);
  }

  seal() {
    const { log, treeHeadDir: folder } = this.config;
    return sealTreeHead({ store: this.store, heads: this.treeHeads, key: this.key, log, folder, now: this.now });
  }

  proveInclusion(eventId: string, treeSize?: number) {
    return proveInclusion(this.store, this.treeHeads, eventId, treeSize);
  }

  proveConsistency(first: number, second: number) {
    return proveConsistency(this.store, this.treeHeads, first, second);
  }

  async verifyHead(treeSize?: number) {
    const head = treeSize === undefined ? await this.treeHeads.latest() : await this.treeHeads.bySize(treeSize);
    if (!head) return null;
    return { head, recomputedRoot: await recomputeRoot(this.store, head.treeSize) };
  }
}

/**
 * Seals every `intervalSeconds` until closed (the first after one interval: a start is not held up); a failed seal is reported and the
 * next one tries again. Several processes may do this on one store: their heads agree (see sealTreeHead).
 */
export function sealPeriodically(sealer: Sealer, intervalSeconds: number): { close(): Promise<void> } {
  if (intervalSeconds <= 0) return { close: async () => undefined };
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = sealer.seal().catch((error: Error) => console.error(`sealing the log failed: ${error.message}`));
  };
  const timer = setInterval(tick, intervalSeconds * 1000);
  timer.unref();
  return {
    close: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
