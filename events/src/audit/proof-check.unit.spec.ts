import { generateKeyPairSync } from 'node:crypto';
import type { RecordedEvent } from '../envelope';
import { hashEvent, GENESIS_HASH } from '../hash';
import { consistencyProof, eventLeaf, inclusionProof, rootOf } from './merkle';
import { checkConsistency, checkInclusion, EMPTY_ROOT_HEX } from './proof-check';
import { signTreeHead } from './tree-head';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');

/** A recorded event whose hash is its content's. */
function event(i: number): RecordedEvent {
  const fields = {
    eventId: `e${i}`,
    streamId: `unit-${i}`,
    streamVersion: 1,
    type: 'BudgetUnitRegistered',
    schemaVersion: 2,
    data: { unitId: `u${i}`, name: `单位${i}` },
    metadata: { actorId: 'wang.admin', role: 'ADMIN', unitId: null },
    recordedAt: '2026-12-07T10:00:00.000Z',
    previousHash: GENESIS_HASH,
  };
  return { ...fields, hash: hashEvent(fields), globalPosition: i + 1, transactionId: i + 1 };
}

const events = Array.from({ length: 7 }, (_, i) => event(i));
const leaves = events.map((e) => eventLeaf(e.hash));
const head = (size: number, log = 'jixiao/test', key = privateKey) =>
  signTreeHead(
    { log, treeSize: size, rootHash: rootOf(leaves, size).toString('hex'), sealedAt: '2026-12-07T10:00:00Z' },
    key,
  );
const hex = (hs: Buffer[]) => hs.map((h) => h.toString('hex'));

describe('checking an inclusion proof with the public key alone', () => {
  const proof = { head: head(7), event: events[3]!, leafIndex: 3, proof: hex(inclusionProof(leaves, 3, 7)) };

  it('holds for the event at its place in a signed head', () => {
    expect(checkInclusion(proof, publicKey)).toBeNull();
  });

  it('names the first failure: the signature, the event’s own hash, then the path', () => {
    expect(checkInclusion(proof, other.publicKey)).toBe('HEAD_SIGNATURE');
    expect(checkInclusion({ ...proof, head: { ...proof.head, treeSize: 6 } }, publicKey)).toBe('HEAD_SIGNATURE');
    const altered = { ...proof.event, data: { ...(proof.event.data as object), name: '改' } };
    expect(checkInclusion({ ...proof, event: altered }, publicKey)).toBe('EVENT_HASH');
    expect(checkInclusion({ ...proof, event: events[4]! }, publicKey)).toBe('NOT_INCLUDED');
    expect(checkInclusion({ ...proof, leafIndex: 4 }, publicKey)).toBe('NOT_INCLUDED');
    expect(checkInclusion({ ...proof, proof: proof.proof.slice(1) }, publicKey)).toBe('NOT_INCLUDED');
    expect(checkInclusion({ ...proof, proof: ['zz'.repeat(32), ...proof.proof.slice(1)] }, publicKey)).toBe(
      'NOT_INCLUDED',
    );
    expect(
      checkInclusion({ ...proof, proof: [proof.proof[0]!.toUpperCase(), ...proof.proof.slice(1)] }, publicKey),
    ).toBe('NOT_INCLUDED');
  });

  it('is not fooled by the global position or transaction, which the hash does not cover', () => {
    expect(
      checkInclusion({ ...proof, event: { ...proof.event, globalPosition: 99, transactionId: 99 } }, publicKey),
    ).toBeNull();
  });
});

describe('checking a consistency proof with the public key alone', () => {
  const proof = { first: head(3), second: head(7), proof: hex(consistencyProof(leaves, 3, 7)) };

  it('holds for two heads of one log where the later extends the earlier', () => {
    expect(checkConsistency(proof, publicKey)).toBeNull();
    expect(checkConsistency({ first: head(7), second: head(7), proof: [] }, publicKey)).toBeNull();
  });

  it('names the first failure: either signature, another log, then the proof', () => {
    expect(checkConsistency({ ...proof, first: head(3, 'jixiao/test', other.privateKey) }, publicKey)).toBe(
      'HEAD_SIGNATURE',
    );
    expect(checkConsistency({ ...proof, second: head(7, 'jixiao/test', other.privateKey) }, publicKey)).toBe(
      'HEAD_SIGNATURE',
    );
    expect(checkConsistency({ ...proof, second: head(7, 'jixiao/other') }, publicKey)).toBe('OTHER_LOG');
    expect(checkConsistency({ ...proof, proof: proof.proof.slice(1) }, publicKey)).toBe('NOT_CONSISTENT');
    expect(checkConsistency({ ...proof, proof: ['not hex', ...proof.proof.slice(1)] }, publicKey)).toBe(
      'NOT_CONSISTENT',
    );
    expect(checkConsistency({ first: head(7), second: head(3), proof: proof.proof }, publicKey)).toBe('NOT_CONSISTENT');
  });

  it('knows the empty log’s root', () => {
    expect(EMPTY_ROOT_HEX).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
