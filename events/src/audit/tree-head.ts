import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * A tree head: the Merkle tree over the first `treeSize` events of a log (merkle.ts), as its sealer saw
 * it at `sealedAt`. Signed with Ed25519, it is what an auditor keeps outside the database: a later
 * consistency proof against it exposes any rewrite of the events it covers.
 */
export interface TreeHead {
  /** The log's name, e.g. `jixiao/tianmen`: a head of one log never verifies as another's. */
  log: string;
  treeSize: number;
  /** The root, 64 hex digits. */
  rootHash: string;
  /** ISO 8601, UTC. */
  sealedAt: string;
}

export interface SignedTreeHead extends TreeHead {
  /** The first 16 hex digits of the SHA-256 of the signer's public key (SPKI DER). */
  keyId: string;
  /** Ed25519 over `treeHeadText(head)`, base64. */
  signature: string;
}

const ROOT = /^[0-9a-f]{64}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** What is signed: one field per line, in this order, under a versioned first line. */
export function treeHeadText(head: TreeHead): string {
  if (!head.log || /\s/.test(head.log)) throw new TypeError('a log name is one word');
  if (!Number.isSafeInteger(head.treeSize) || head.treeSize < 0) throw new RangeError(`tree size ${head.treeSize}`);
  if (!ROOT.test(head.rootHash)) throw new TypeError('a root hash is 64 lowercase hex digits');
  if (!INSTANT.test(head.sealedAt)) throw new TypeError('sealedAt is an ISO 8601 instant in UTC');
  return `jixiao tree head v1\n${head.log}\n${head.treeSize}\n${head.rootHash}\n${head.sealedAt}\n`;
}

/** The id of a public key: what a signed head names, so a verifier picks the right key. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function signTreeHead(head: TreeHead, privateKey: KeyObject): SignedTreeHead {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new TypeError('tree heads are signed with Ed25519');
  const signature = sign(null, Buffer.from(treeHeadText(head)), privateKey).toString('base64');
  const { log, treeSize, rootHash, sealedAt } = head;
  return { log, treeSize, rootHash, sealedAt, keyId: keyIdOf(createPublicKey(privateKey)), signature };
}

/** True only if `publicKey` signed exactly this head; any malformed field is false, never a throw. */
export function verifyTreeHead(signed: SignedTreeHead, publicKey: KeyObject): boolean {
  if (publicKey.asymmetricKeyType !== 'ed25519' || signed.keyId !== keyIdOf(publicKey)) return false;
  let text: string;
  try {
    text = treeHeadText(signed);
  } catch {
    return false;
  }
  return verify(null, Buffer.from(text), publicKey, Buffer.from(signed.signature ?? '', 'base64'));
}
