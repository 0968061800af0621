import type { KeyObject } from 'node:crypto';
import type { RecordedEvent } from '../envelope';
import { hashEvent } from '../hash';
import { EMPTY_ROOT, eventLeaf, verifyConsistency, verifyInclusion, type MerkleHash } from './merkle';
import { verifyTreeHead, type SignedTreeHead } from './tree-head';

/** That an event is in the tree of a signed head: its leaf index and audit path (hex, leaf side first). */
export interface InclusionProof {
  head: SignedTreeHead;
  event: RecordedEvent;
  leafIndex: number;
  proof: string[];
}

/** That the second head's tree extends the first's unchanged (hex hashes). */
export interface ConsistencyProof {
  first: SignedTreeHead;
  second: SignedTreeHead;
  proof: string[];
}

/** Why a proof does not hold, first failure only; null when it holds. */
export type ProofFailure =
  | 'HEAD_SIGNATURE' // a head is not signed by this key, or was altered after signing
  | 'EVENT_HASH' // the event's content does not give its recorded hash
  | 'NOT_INCLUDED' // the path does not lead from the event to the head's root
  | 'NOT_CONSISTENT' // the later tree does not extend the earlier one unchanged
  | 'OTHER_LOG'; // the heads name different logs

const bytes = (hexes: readonly string[]): MerkleHash[] | null => {
  const out = hexes.map((h) => Buffer.from(h, 'hex'));
  return hexes.every((h) => /^[0-9a-f]{64}$/.test(h)) ? out : null;
};

/**
 * What an auditor checks with nothing but the sealer's public key: the head is signed, the event's
 * content hashes to its recorded hash, and the path leads from that hash to the head's root.
 */
export function checkInclusion(p: InclusionProof, publicKey: KeyObject): ProofFailure | null {
  if (!verifyTreeHead(p.head, publicKey)) return 'HEAD_SIGNATURE';
  const { hash, globalPosition: _g, transactionId: _t, ...fields } = p.event;
  if (hashEvent(fields) !== hash) return 'EVENT_HASH';
  const path = bytes(p.proof);
  const root = Buffer.from(p.head.rootHash, 'hex');
  if (!path || !verifyInclusion(eventLeaf(hash), p.leafIndex, p.head.treeSize, path, root)) return 'NOT_INCLUDED';
  return null;
}

/** That the second head's tree extends the first's unchanged, both signed by this key. */
export function checkConsistency(p: ConsistencyProof, publicKey: KeyObject): ProofFailure | null {
  if (!verifyTreeHead(p.first, publicKey) || !verifyTreeHead(p.second, publicKey)) return 'HEAD_SIGNATURE';
  if (p.first.log !== p.second.log) return 'OTHER_LOG';
  const path = bytes(p.proof);
  const [r1, r2] = [Buffer.from(p.first.rootHash, 'hex'), Buffer.from(p.second.rootHash, 'hex')];
  if (!path || !verifyConsistency(p.first.treeSize, p.second.treeSize, r1, r2, path)) return 'NOT_CONSISTENT';
  return null;
}

/** The root of the empty log, as a head carries it. */
export const EMPTY_ROOT_HEX = EMPTY_ROOT.toString('hex');
