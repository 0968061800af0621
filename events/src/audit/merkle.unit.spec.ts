import { createHash } from 'node:crypto';
import {
  consistencyProof,
  EMPTY_ROOT,
  eventLeaf,
  inclusionProof,
  leafHash,
  MerkleFrontier,
  nodeHash,
  rootOf,
  splitPoint,
  verifyConsistency,
  verifyInclusion,
  type MerkleHash,
} from './merkle';

/** xs[i], which the test knows is there. */
const at = <T>(xs: readonly T[], i: number): T => {
  const x = xs[i];
  if (x === undefined) throw new Error(`nothing at ${i}`);
  return x;
};
const hex = (h: MerkleHash) => h.toString('hex');
const unhex = (s: string) => Buffer.from(s, 'hex');

// Certificate Transparency's reference tree (RFC 6962 test data): eight entries and the root of each prefix
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f']
  .map(unhex)
  .map(leafHash);
const CT_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const CT_INCLUSION = [
  {
    index: 0,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];
const CT_CONSISTENCY = [
  {
    first: 2,
    second: 8,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    first: 6,
    second: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];

// a larger tree, so every shape of the split (ragged right edges, powers of two) is exercised
const N = 40;
const LEAVES = Array.from({ length: N }, (_, i) => leafHash(Buffer.from(`event ${i}`)));
const ROOTS = Array.from({ length: N + 1 }, (_, n) => rootOf(LEAVES, n));
const flip = (h: MerkleHash) => {
  const c = Buffer.from(h);
  c.writeUInt8(c.readUInt8(7) ^ 1, 7);
  return c;
};

describe('RFC 6962 hashing', () => {
  it('prefixes leaves with 0x00 and nodes with 0x01', () => {
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(hex(leafHash(unhex('ab')))).toBe(sha(unhex('00ab')));
    expect(hex(nodeHash(at(CT_LEAVES, 1), at(CT_LEAVES, 2)))).toBe(
      sha(Buffer.concat([unhex('01'), at(CT_LEAVES, 1), at(CT_LEAVES, 2)])),
    );
    expect(hex(EMPTY_ROOT)).toBe(at(CT_ROOTS, 0));
  });

  it("an event's leaf is its chain hash as data, and only a 64-digit lowercase hash is taken", () => {
    const h = 'ab'.repeat(32);
    expect(eventLeaf(h).equals(leafHash(unhex(h)))).toBe(true);
    expect(() => eventLeaf('AB'.repeat(32))).toThrow(TypeError);
    expect(() => eventLeaf('ab'.repeat(31))).toThrow(TypeError);
    expect(() => eventLeaf('ab'.repeat(33))).toThrow(TypeError);
  });

  it('splits a tree at the largest power of two below its size', () => {
    expect([2, 3, 4, 5, 8, 9, 16, 17].map(splitPoint)).toEqual([1, 2, 2, 4, 4, 8, 8, 16]);
  });

  it('gives the reference root for every size 0..8', () => {
    for (let n = 0; n <= 8; n++) expect(hex(rootOf(CT_LEAVES, n))).toBe(at(CT_ROOTS, n));
    expect(hex(rootOf(CT_LEAVES))).toBe(at(CT_ROOTS, 8));
  });

  it('refuses a size beyond the leaves', () => {
    expect(() => rootOf(CT_LEAVES, 9)).toThrow(RangeError);
    expect(() => rootOf(CT_LEAVES, -1)).toThrow(RangeError);
    expect(() => rootOf(CT_LEAVES, 1.5)).toThrow('tree size 1.5 outside 0..8');
    expect(() => rootOf(CT_LEAVES, -1)).toThrow('tree size -1 outside 0..8');
  });
});

describe('inclusion proofs', () => {
  it('match the reference paths and verify against the reference root', () => {
    for (const v of CT_INCLUSION) {
      expect(inclusionProof(CT_LEAVES, v.index, v.size).map(hex)).toEqual(v.proof);
      expect(
        verifyInclusion(at(CT_LEAVES, v.index), v.index, v.size, v.proof.map(unhex), unhex(at(CT_ROOTS, v.size))),
      ).toBe(true);
    }
  });

  it('every leaf of every tree size up to 40 proves, in ⌈log2 n⌉ hashes at most', () => {
    for (let n = 1; n <= N; n++) {
      for (let i = 0; i < n; i++) {
        const proof = inclusionProof(LEAVES, i, n);
        expect(proof.length).toBeLessThanOrEqual(Math.ceil(Math.log2(n)));
        expect(verifyInclusion(at(LEAVES, i), i, n, proof, at(ROOTS, n))).toBe(true);
      }
    }
  });

  it('a changed, missing, extra or reordered hash, another leaf, index, size or root fails', () => {
    for (let n = 2; n <= N; n++) {
      for (let i = 0; i < n; i++) {
        const proof = inclusionProof(LEAVES, i, n);
        const fails = (leaf: MerkleHash, index: number, size: number, p: MerkleHash[], root: MerkleHash) =>
          expect(verifyInclusion(leaf, index, size, p, root)).toBe(false);
        proof.forEach((_, j) =>
          fails(
            at(LEAVES, i),
            i,
            n,
            proof.map((h, k) => (k === j ? flip(h) : h)),
            at(ROOTS, n),
          ),
        );
        fails(at(LEAVES, i), i, n, proof.slice(0, -1), at(ROOTS, n));
        fails(at(LEAVES, i), i, n, [...proof, at(LEAVES, 0)], at(ROOTS, n));
        if (proof.length >= 2)
          fails(at(LEAVES, i), i, n, [at(proof, 1), at(proof, 0), ...proof.slice(2)], at(ROOTS, n));
        fails(at(LEAVES, (i + 1) % n), i, n, proof, at(ROOTS, n));
        fails(at(LEAVES, i), (i + 1) % n, n, proof, at(ROOTS, n));
        if (n < N) fails(at(LEAVES, i), i, n + 1, proof, at(ROOTS, n + 1));
        fails(at(LEAVES, i), i, n, proof, flip(at(ROOTS, n)));
      }
    }
  });

  it('refuses what RFC 9162 refuses even where the path would still lead to the root', () => {
    const n = 8;
    const proof0 = inclusionProof(LEAVES, 0, n);
    const root = at(ROOTS, n);
    expect(verifyInclusion(at(LEAVES, 0), 0, n, proof0, root)).toBe(true);
    // the walk for index 0 also fits these claims: only the index and size checks refuse them
    expect(verifyInclusion(at(LEAVES, 0), -1, n, proof0, root)).toBe(false);
    expect(verifyInclusion(at(LEAVES, 0), n, n, proof0, root)).toBe(false);
    expect(verifyInclusion(at(LEAVES, 0), 0.5, n, proof0, root)).toBe(false);
    expect(verifyInclusion(at(LEAVES, 0), 0, n + 0.5, proof0, root)).toBe(false);
    // a path cut short, claimed against the subtree's root, is not a path to the whole tree
    expect(verifyInclusion(at(LEAVES, 0), 0, n, proof0.slice(0, 2), rootOf(LEAVES, 4))).toBe(false);
    // nor a path that goes on above the root
    const extra = at(LEAVES, 9);
    expect(verifyInclusion(at(LEAVES, 0), 0, n, [...proof0, extra], nodeHash(extra, root))).toBe(false);
  });

  it('answers false, never throws, on missing hashes', () => {
    const proof = inclusionProof(LEAVES, 3, 8);
    const none = null as unknown as MerkleHash;
    expect(verifyInclusion(none, 3, 8, proof, at(ROOTS, 8))).toBe(false);
    expect(verifyInclusion(at(LEAVES, 3), 3, 8, proof, none)).toBe(false);
    expect(verifyInclusion(at(LEAVES, 3), 3, 8, [none, ...proof.slice(1)], at(ROOTS, 8))).toBe(false);
    expect(verifyInclusion(at(LEAVES, 3), 3, 8, null as unknown as MerkleHash[], at(ROOTS, 8))).toBe(false);
  });

  it('the one-leaf tree: the leaf is the root, with an empty path', () => {
    expect(inclusionProof(LEAVES, 0, 1)).toEqual([]);
    expect(verifyInclusion(at(LEAVES, 0), 0, 1, [], at(LEAVES, 0))).toBe(true);
    expect(verifyInclusion(at(LEAVES, 0), 0, 1, [at(LEAVES, 1)], at(LEAVES, 0))).toBe(false);
  });

  it('refuses to prove a leaf outside the tree, and never verifies malformed input', () => {
    expect(() => inclusionProof(CT_LEAVES, 8, 8)).toThrow(RangeError);
    expect(() => inclusionProof(CT_LEAVES, -1, 8)).toThrow(RangeError);
    expect(() => inclusionProof(CT_LEAVES, 0, 9)).toThrow(RangeError);
    const proof = inclusionProof(CT_LEAVES, 5, 8);
    const root = unhex(at(CT_ROOTS, 8));
    expect(verifyInclusion(at(CT_LEAVES, 5), 5, 8, proof, root)).toBe(true);
    expect(verifyInclusion(Buffer.alloc(31), 5, 8, proof, root)).toBe(false);
    expect(verifyInclusion(at(CT_LEAVES, 5), 5, 8, proof, Buffer.alloc(31))).toBe(false);
    expect(verifyInclusion(at(CT_LEAVES, 5), 5, 8, [Buffer.alloc(31), ...proof.slice(1)], root)).toBe(false);
    expect(verifyInclusion(at(CT_LEAVES, 5), 8, 8, proof, root)).toBe(false);
    expect(verifyInclusion(at(CT_LEAVES, 5), -1, 8, proof, root)).toBe(false);
    expect(verifyInclusion(at(CT_LEAVES, 5), 5, 8, 'x' as unknown as MerkleHash[], root)).toBe(false);
  });
});

describe('consistency proofs', () => {
  it('match the reference proofs and verify against the reference roots', () => {
    for (const v of CT_CONSISTENCY) {
      expect(consistencyProof(CT_LEAVES, v.first, v.second).map(hex)).toEqual(v.proof);
      const [r1, r2] = [unhex(at(CT_ROOTS, v.first)), unhex(at(CT_ROOTS, v.second))];
      expect(verifyConsistency(v.first, v.second, r1, r2, v.proof.map(unhex))).toBe(true);
    }
  });

  it('every pair of sizes up to 40 proves, in O(log n) hashes', () => {
    for (let second = 0; second <= N; second++) {
      for (let first = 0; first <= second; first++) {
        const proof = consistencyProof(LEAVES, first, second);
        expect(proof.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(Math.max(second, 2))));
        expect(verifyConsistency(first, second, at(ROOTS, first), at(ROOTS, second), proof)).toBe(true);
      }
    }
  });

  it('a rewritten earlier tree, or a changed, missing, extra or reordered hash, fails', () => {
    const rewritten = LEAVES.map((l, i) => (i === 3 ? flip(l) : l));
    for (let second = 2; second <= N; second++) {
      for (let first = 1; first < second; first++) {
        const proof = consistencyProof(LEAVES, first, second);
        const fails = (p: MerkleHash[], r1 = at(ROOTS, first), r2 = at(ROOTS, second)) =>
          expect(verifyConsistency(first, second, r1, r2, p)).toBe(false);
        proof.forEach((_, j) => fails(proof.map((h, k) => (k === j ? flip(h) : h))));
        fails(proof.slice(0, -1));
        fails([...proof, at(LEAVES, 0)]);
        if (proof.length >= 2 && !at(proof, 0).equals(at(proof, 1)))
          fails([at(proof, 1), at(proof, 0), ...proof.slice(2)]);
        fails(proof, flip(at(ROOTS, first)));
        fails(proof, at(ROOTS, first), flip(at(ROOTS, second)));
        // the log's operator rewrote an event the earlier checkpoint covered
        if (first > 3) fails(consistencyProof(rewritten, first, second), at(ROOTS, first), rootOf(rewritten, second));
        fails([]);
      }
    }
  });

  it('the degenerate cases: the same size, and the empty tree', () => {
    expect(verifyConsistency(4, 4, at(ROOTS, 4), at(ROOTS, 4), [])).toBe(true);
    expect(verifyConsistency(4, 4, at(ROOTS, 4), at(ROOTS, 5), [])).toBe(false);
    expect(verifyConsistency(4, 4, at(ROOTS, 4), at(ROOTS, 4), [at(LEAVES, 0)])).toBe(false);
    expect(verifyConsistency(0, 8, EMPTY_ROOT, at(ROOTS, 8), [])).toBe(true);
    expect(verifyConsistency(0, 8, at(ROOTS, 1), at(ROOTS, 8), [])).toBe(false);
    expect(verifyConsistency(0, 8, EMPTY_ROOT, at(ROOTS, 8), [at(LEAVES, 0)])).toBe(false);
  });

  it('answers false, never throws, on missing hashes, and refuses a path that goes on above the root', () => {
    const proof = consistencyProof(LEAVES, 3, 8);
    const none = null as unknown as MerkleHash;
    const [r3, r8] = [at(ROOTS, 3), at(ROOTS, 8)];
    expect(verifyConsistency(3, 8, r3, r8, proof)).toBe(true);
    expect(verifyConsistency(3, 8, none, r8, proof)).toBe(false);
    expect(verifyConsistency(3, 8, r3, none, proof)).toBe(false);
    expect(verifyConsistency(3, 8, r3, r8, [none, ...proof.slice(1)])).toBe(false);
    expect(verifyConsistency(3, 8, r3, r8, null as unknown as MerkleHash[])).toBe(false);
    expect(verifyConsistency(3.5, 8, r3, r8, proof)).toBe(false);
    expect(verifyConsistency(3, 8.5, r3, r8, proof)).toBe(false);
    const extra = at(LEAVES, 9);
    expect(verifyConsistency(3, 8, r3, nodeHash(extra, r8), [...proof, extra])).toBe(false);
    // cut short, against a smaller tree's root: not a proof for the tree of 8
    expect(verifyConsistency(3, 8, r3, at(ROOTS, 4), consistencyProof(LEAVES, 3, 4))).toBe(false);
  });

  it('refuses sizes out of order, and never verifies malformed input', () => {
    expect(() => consistencyProof(CT_LEAVES, 5, 3)).toThrow('tree size 5 is not within 0..3');
    expect(() => consistencyProof(CT_LEAVES, 0, 9)).toThrow(RangeError);
    expect(() => consistencyProof(CT_LEAVES, -1, 3)).toThrow(RangeError);
    const proof = consistencyProof(LEAVES, 6, 8);
    expect(verifyConsistency(8, 6, at(ROOTS, 8), at(ROOTS, 6), proof)).toBe(false);
    expect(verifyConsistency(6, 8, Buffer.alloc(31), at(ROOTS, 8), proof)).toBe(false);
    expect(verifyConsistency(6, 8, at(ROOTS, 6), Buffer.alloc(31), proof)).toBe(false);
    expect(verifyConsistency(6, 8, at(ROOTS, 6), at(ROOTS, 8), [Buffer.alloc(31), ...proof.slice(1)])).toBe(false);
    expect(verifyConsistency(-1, 8, at(ROOTS, 6), at(ROOTS, 8), proof)).toBe(false);
  });
});

describe('the frontier a sealer keeps', () => {
  it('gives the same root as the whole tree at every size, holding one peak per one bit of the size', () => {
    const f = MerkleFrontier.empty();
    expect(f.root().equals(EMPTY_ROOT)).toBe(true);
    for (let n = 1; n <= N; n++) {
      f.append(at(LEAVES, n - 1));
      expect(f.size).toBe(n);
      expect(hex(f.root())).toBe(hex(at(ROOTS, n)));
      expect(f.stored).toHaveLength(n.toString(2).replace(/0/g, '').length);
    }
  });

  it('resumes from what it stored and goes on to the same roots', () => {
    const f = MerkleFrontier.empty();
    for (const leaf of LEAVES.slice(0, 13)) f.append(leaf);
    const again = MerkleFrontier.restore(f.size, f.stored);
    for (const leaf of LEAVES.slice(13)) again.append(leaf);
    expect(hex(again.root())).toBe(hex(at(ROOTS, N)));
  });

  it('refuses a stored frontier whose peaks do not fit its size, and a leaf that is not a hash', () => {
    const f = MerkleFrontier.empty();
    for (const leaf of LEAVES.slice(0, 5)) f.append(leaf);
    expect(() => MerkleFrontier.restore(6, f.stored)).not.toThrow();
    expect(() => MerkleFrontier.restore(7, f.stored)).toThrow(RangeError);
    expect(() => MerkleFrontier.restore(4, f.stored)).toThrow(RangeError);
    expect(() => MerkleFrontier.restore(-1, [])).toThrow(RangeError);
    expect(MerkleFrontier.restore(0, []).root().equals(EMPTY_ROOT)).toBe(true);
    expect(() => MerkleFrontier.restore(3, [f.stored[0]!, 'ab'])).toThrow(TypeError);
    expect(() => MerkleFrontier.restore(1, ['ab'])).toThrow(TypeError);
    expect(() => f.append(Buffer.alloc(31))).toThrow(TypeError);
  });
});
