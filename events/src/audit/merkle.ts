import { createHash } from 'node:crypto';

/**
 * The Merkle tree of RFC 6962 (Certificate Transparency, §2.1; algorithms as restated in RFC 9162
 * §2.1) over the whole log: one leaf per event, in commit order, whose data is the event's chain
 * hash. A checkpoint signs a tree's size and root; an inclusion proof shows an event is in it and a
 * consistency proof that a later tree extends an earlier one unchanged — each O(log n) hashes, checked
 * with nothing but the hashes. Written here rather than taken from npm: no maintained package
 * implements RFC 6962's proofs; the tests pin it to the RFC's reference vectors.
 */

/** A node or leaf hash: 32 bytes of SHA-256. */
export type MerkleHash = Buffer;

const HASH_BYTES = 32;
const sha256 = (...parts: Uint8Array[]): MerkleHash => {
  const h = createHash('sha256');
  for (const part of parts) h.update(part);
  return h.digest();
};
const LEAF_PREFIX = Uint8Array.of(0);
const NODE_PREFIX = Uint8Array.of(1);

/** The root of the empty tree: SHA-256 of nothing. */
export const EMPTY_ROOT: MerkleHash = sha256();

/** MTH({d}) = SHA-256(0x00 || d). */
export function leafHash(data: Uint8Array): MerkleHash {
  return sha256(LEAF_PREFIX, data);
}

/** SHA-256(0x01 || left || right). */
export function nodeHash(left: MerkleHash, right: MerkleHash): MerkleHash {
  return sha256(NODE_PREFIX, left, right);
}

/** An event's leaf: its chain hash (hex, 32 bytes) as the leaf's data. */
export function eventLeaf(eventHash: string): MerkleHash {
  if (!/^[0-9a-f]{64}$/.test(eventHash)) throw new TypeError(`not an event hash: ${eventHash}`);
  return leafHash(Buffer.from(eventHash, 'hex'));
}

/** The largest power of two smaller than n (n ≥ 2): where RFC 6962 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const isHash = (h: unknown): h is MerkleHash => Buffer.isBuffer(h) && h.length === HASH_BYTES;

function checkRange(leaves: readonly MerkleHash[], size: number): void {
  if (!Number.isSafeInteger(size) || size < 0 || size > leaves.length) {
    throw new RangeError(`tree size ${size} outside 0..${leaves.length}`);
  }
}

/** MTH(D[lo:hi]) of leaf hashes, without copying the list. */
function rangeRoot(leaves: readonly MerkleHash[], lo: number, hi: number): MerkleHash {
  const n = hi - lo;
  if (n === 0) return EMPTY_ROOT;
  if (n === 1) return leaves[lo]!;
  const k = splitPoint(n);
  return nodeHash(rangeRoot(leaves, lo, lo + k), rangeRoot(leaves, lo + k, hi));
}

/** The root of the first `size` leaves (all by default). */
export function rootOf(leaves: readonly MerkleHash[], size = leaves.length): MerkleHash {
  checkRange(leaves, size);
  return rangeRoot(leaves, 0, size);
}

/** PATH(index, D[0:size]): the audit path of one leaf, leaf side first. */
export function inclusionProof(leaves: readonly MerkleHash[], index: number, size = leaves.length): MerkleHash[] {
  checkRange(leaves, size);
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  }
  const path: MerkleHash[] = [];
  let [lo, hi, m] = [0, size, index];
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo);
    if (m < k) {
      path.push(rangeRoot(leaves, lo + k, hi));
      hi = lo + k;
    } else {
      path.push(rangeRoot(leaves, lo, lo + k));
      lo += k;
      m -= k;
    }
  }
  return path.reverse();
}

/** PROOF(first, D[0:second]): that the tree of `second` leaves extends the tree of `first`. */
export function consistencyProof(leaves: readonly MerkleHash[], first: number, second = leaves.length): MerkleHash[] {
  checkRange(leaves, second);
  if (!Number.isSafeInteger(first) || first < 0 || first > second) {
    throw new RangeError(`tree size ${first} is not within 0..${second}`);
  }
  if (first === 0) return [];
  const proof: MerkleHash[] = [];
  let [lo, hi, m, whole] = [0, second, first, true];
  while (m !== hi - lo) {
    const k = splitPoint(hi - lo);
    if (m <= k) {
      proof.push(rangeRoot(leaves, lo + k, hi));
      hi = lo + k;
    } else {
      proof.push(rangeRoot(leaves, lo, lo + k));
      lo += k;
      m -= k;
      whole = false;
    }
  }
  if (!whole) proof.push(rangeRoot(leaves, lo, hi));
  return proof.reverse();
}

const odd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);

/** RFC 9162 §2.1.3.2: does `proof` place `leaf` at `index` of the tree of `size` whose root is `root`? */
export function verifyInclusion(
  leaf: MerkleHash,
  index: number,
  size: number,
  proof: readonly MerkleHash[],
  root: MerkleHash,
): boolean {
  if (!isHash(leaf) || !isHash(root) || !Array.isArray(proof) || !proof.every(isHash)) return false;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  let [fn, sn, r] = [index, size - 1, leaf];
  for (const p of proof) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      // fn === sn here, and sn is not 0: halving an even fn reaches an odd one before 0
      while (!odd(fn)) [fn, sn] = [half(fn), half(sn)];
    } else {
      r = nodeHash(r, p);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2: does `proof` show the tree of `second` leaves extends the tree of `first` unchanged? */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: MerkleHash,
  secondRoot: MerkleHash,
  proof: readonly MerkleHash[],
): boolean {
  if (!isHash(firstRoot) || !isHash(secondRoot) || !Array.isArray(proof) || !proof.every(isHash)) return false;
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || first > second) return false;
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (first === 0) return proof.length === 0 && firstRoot.equals(EMPTY_ROOT);
  if (proof.length === 0) return false;
  const path = splitPoint(first * 2) === first ? [firstRoot, ...proof] : [...proof];
  let [fn, sn] = [first - 1, second - 1];
  while (odd(fn)) [fn, sn] = [half(fn), half(sn)];
  let [fr, sr] = [path[0]!, path[0]!];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      [fr, sr] = [nodeHash(c, fr), nodeHash(c, sr)];
      // fn === sn here, and sn is not 0: halving an even fn reaches an odd one before 0
      while (!odd(fn)) [fn, sn] = [half(fn), half(sn)];
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && fr.equals(firstRoot) && sr.equals(secondRoot);
}

/**
 * The right edge of a growing tree — the roots of its perfect subtrees, largest first — so a sealer
 * appends each new event in O(1) amortised and computes the root in O(log n), holding O(log n) hashes,
 * and resumes from what it stored with the last checkpoint.
 */
export class MerkleFrontier {
  private constructor(
    private count: number,
    private readonly peaks: MerkleHash[],
  ) {}

  static empty(): MerkleFrontier {
    return new MerkleFrontier(0, []);
  }

  /** The frontier as stored: the tree size and its peaks (hex), checked to fit each other. */
  static restore(size: number, peaks: readonly string[]): MerkleFrontier {
    if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`tree size ${size}`);
    let bits = 0;
    for (let n = size; n > 0; n = half(n)) bits += n % 2;
    if (bits !== peaks.length) throw new RangeError(`a tree of ${size} has ${bits} peaks, not ${peaks.length}`);
    const hashes = peaks.map((p) => Buffer.from(p, 'hex'));
    if (!hashes.every(isHash)) throw new TypeError('a peak is not a 32-byte hash');
    return new MerkleFrontier(size, hashes);
  }

  get size(): number {
    return this.count;
  }

  /** The peaks (hex), largest subtree first: what `restore` takes back. */
  get stored(): string[] {
    return this.peaks.map((p) => p.toString('hex'));
  }

  append(leaf: MerkleHash): void {
    if (!isHash(leaf)) throw new TypeError('a leaf hash is 32 bytes');
    this.peaks.push(leaf);
    // a carry in binary: each trailing one bit of the old size merges two equal subtrees
    for (let n = this.count; odd(n); n = half(n)) {
      const right = this.peaks.pop()!;
      const left = this.peaks.pop()!;
      this.peaks.push(nodeHash(left, right));
    }
    this.count += 1;
  }

  root(): MerkleHash {
    if (this.peaks.length === 0) return EMPTY_ROOT;
    let r = this.peaks[this.peaks.length - 1]!;
    for (let i = this.peaks.length - 2; i >= 0; i--) r = nodeHash(this.peaks[i]!, r);
    return r;
  }
}
