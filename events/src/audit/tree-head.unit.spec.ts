import { createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { keyIdOf, signTreeHead, treeHeadText, verifyTreeHead, type TreeHead } from './tree-head';

const b64url = (hex: string) => Buffer.from(hex, 'hex').toString('base64url');
// RFC 8032 §7.1, TEST 1
const RFC_SECRET = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const RFC_PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const RFC_SIGNATURE =
  'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b';
const rfcKey = createPrivateKey({
  key: { kty: 'OKP', crv: 'Ed25519', d: b64url(RFC_SECRET), x: b64url(RFC_PUBLIC) },
  format: 'jwk',
});

const head: TreeHead = {
  log: 'jixiao/tianmen',
  treeSize: 374_012,
  rootHash: 'ab'.repeat(32),
  sealedAt: '2026-12-07T10:00:00.000Z',
};

describe('signed tree heads', () => {
  it('are pure Ed25519 (RFC 8032): the reference key signs the empty message as the RFC says', () => {
    expect(sign(null, Buffer.alloc(0), rfcKey).toString('hex')).toBe(RFC_SIGNATURE);
  });

  it('sign the head as fixed text, one field per line', () => {
    expect(treeHeadText(head)).toBe(
      `jixiao tree head v1\njixiao/tianmen\n374012\n${'ab'.repeat(32)}\n2026-12-07T10:00:00.000Z\n`,
    );
    const signed = signTreeHead(head, rfcKey);
    expect(signed).toMatchObject({ ...head, keyId: keyIdOf(createPublicKey(rfcKey)) });
    expect(signed.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(verifyTreeHead(signed, createPublicKey(rfcKey))).toBe(true);
  });

  it('fail verification when any field, the signature or the key differs', () => {
    const signed = signTreeHead(head, rfcKey);
    const key = createPublicKey(rfcKey);
    const other = generateKeyPairSync('ed25519');
    expect(verifyTreeHead({ ...signed, treeSize: head.treeSize - 1 }, key)).toBe(false);
    expect(verifyTreeHead({ ...signed, rootHash: 'ac' + 'ab'.repeat(31) }, key)).toBe(false);
    expect(verifyTreeHead({ ...signed, log: 'jixiao/demo' }, key)).toBe(false);
    expect(verifyTreeHead({ ...signed, sealedAt: '2026-12-07T10:00:01.000Z' }, key)).toBe(false);
    const bytes = Buffer.from(signed.signature, 'base64');
    bytes.writeUInt8(bytes.readUInt8(0) ^ 1, 0);
    expect(verifyTreeHead({ ...signed, signature: bytes.toString('base64') }, key)).toBe(false);
    expect(verifyTreeHead({ ...signed, signature: bytes.subarray(0, 63).toString('base64') }, key)).toBe(false);
    // another key: refused by its id, and by the signature when the id is forged
    expect(verifyTreeHead(signed, other.publicKey)).toBe(false);
    expect(verifyTreeHead({ ...signed, keyId: keyIdOf(other.publicKey) }, other.publicKey)).toBe(false);
    expect(verifyTreeHead({ ...signed, rootHash: 'not hex' }, key)).toBe(false);
    // the key id is not signed, but a head must name the key it is checked with
    expect(verifyTreeHead({ ...signed, keyId: '0'.repeat(16) }, key)).toBe(false);
    // a key of another kind, even under its own id, checks nothing
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    expect(verifyTreeHead({ ...signed, keyId: keyIdOf(ec) }, ec)).toBe(false);
  });

  it('refuse to sign a malformed head or with a key that is not Ed25519', () => {
    expect(() => treeHeadText({ ...head, log: 'two words' })).toThrow(TypeError);
    expect(() => treeHeadText({ ...head, log: '' })).toThrow(TypeError);
    expect(() => treeHeadText({ ...head, treeSize: -1 })).toThrow(RangeError);
    expect(() => treeHeadText({ ...head, treeSize: 0.5 })).toThrow(RangeError);
    expect(() => treeHeadText({ ...head, rootHash: 'AB'.repeat(32) })).toThrow(TypeError);
    expect(() => treeHeadText({ ...head, sealedAt: '2026-12-07 10:00' })).toThrow(TypeError);
    expect(treeHeadText({ ...head, treeSize: 0, sealedAt: '2026-12-07T10:00:00Z' })).toContain('\n0\n');
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => signTreeHead(head, privateKey)).toThrow(TypeError);
  });
});
