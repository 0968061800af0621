import type { KeyObject } from 'node:crypto';
import type { ConsistencyProof, InclusionProof, SignedTreeHead } from '@jixiao/events';

/**
 * The log's sealer as the audit subgraph uses it: signed Merkle tree heads over every event in commit
 * order, kept in the store's database and outside it, and the proofs an auditor checks with the public
 * key alone (infra's `LogSealer`).
 */
export interface Sealer {
  /** The key heads are checked with (Ed25519). */
  readonly publicKey: KeyObject;
  /** Kept heads, newest first. */
  heads(limit: number): Promise<SignedTreeHead[]>;
  /** Seals what the log holds now; the last head, `sealed: false`, if nothing is new. */
  seal(): Promise<{ head: SignedTreeHead; sealed: boolean }>;
  /** Null: no such event in that head's tree (or no such head). */
  proveInclusion(eventId: string, treeSize?: number): Promise<InclusionProof | null>;
  /** Null: no head of one of those sizes, or `first` > `second`. */
  proveConsistency(first: number, second: number): Promise<ConsistencyProof | null>;
  /**
   * A kept head (the latest by default) against the log as the database holds it now: the root of that
   * many events recomputed (null when the log holds fewer). Null: no such head.
   */
  verifyHead(treeSize?: number): Promise<{ head: SignedTreeHead; recomputedRoot: string | null } | null>;
}
