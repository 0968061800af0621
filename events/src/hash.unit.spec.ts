import canonicalize from 'canonicalize';
import { canonicalEnvelope, canonicalJson, GENESIS_HASH, hashEvent, type HashedFields } from './hash';

/** The reference RFC 8785 implementation our faster canonical JSON must match byte for byte. */
const reference = (value: unknown) => canonicalize(value);

const envelope = (data: unknown, metadata: HashedFields['metadata']): HashedFields => ({
  eventId: '0b9f5a53-7c2e-4f52-9d1a-3c3f0f6f2a11',
  streamId: 'goal-429006-2023-0001',
  streamVersion: 3,
  type: 'GoalSubmitted',
  schemaVersion: 1,
  data,
  metadata,
  recordedAt: '2023-03-01T08:00:00.000Z',
  previousHash: GENESIS_HASH,
});

const awkward: unknown[] = [
  { b: 2, a: 1, c: { z: [3, { y: 1, x: 2 }], a: null } },
  { 10: 'ten', 9: 'nine', e: 1, é: 2, '😀': 3, '！': 4, '': 5 },
  { n: [0, -0, 1e21, 1e-7, 0.1 + 0.2, 123456789012345680000, -1.5, 2 ** 53] },
  { s: '绩效目标 "quoted" \\ back\nline\ttab\u2028\u0001', lone: '\ud800' },
  { skipped: undefined, kept: false, list: [1, undefined, 'x'] },
  [],
  {},
  '预算',
];

describe('canonical JSON (RFC 8785)', () => {
  it.each(awkward.map((v) => [JSON.stringify(v) ?? String(v), v]))('matches the reference for %s', (_, value) => {
    expect(canonicalJson(value)).toBe(reference(value));
  });

  it('refuses what JSON cannot carry', () => {
    for (const bad of [NaN, { x: Infinity }, { f: () => 1 }, 10n]) expect(() => canonicalJson(bad)).toThrow();
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => canonicalJson(cycle)).toThrow();
    // nothing at all (an event without data) has no JSON text: refused rather than hashed as "undefined"
    expect(() => canonicalJson(undefined)).toThrow(new TypeError('value cannot be canonicalized'));
  });

  it('assembles an envelope exactly as the reference canonicalizes the whole object', () => {
    const metadata = {
      actorId: 'finance.zhang',
      role: 'FINANCE',
      correlationId: 'c-1',
      causationId: 'k-9',
      unitId: 'u-01',
    };
    for (const data of awkward) {
      const fields = envelope(data, metadata);
      expect(canonicalEnvelope(fields)).toBe(reference(fields));
      // the bodies handed in (as the append paths do) give the same text, and so the same hash
      const bodies = { data: canonicalJson(data), metadata: canonicalJson(metadata) };
      expect(canonicalEnvelope(fields, bodies)).toBe(reference(fields));
      expect(hashEvent(fields, bodies)).toBe(hashEvent(fields));
    }
  });

  it('keeps the hash of an envelope as it was before (stored chains stay verifiable)', () => {
    const fields = envelope({ name: '义务教育学校公用经费', amount: 1200000 }, { actorId: 'unit.li', role: 'UNIT' });
    expect(hashEvent(fields)).toBe('073fe9be5d914d1ec08ef4f98dbf72f372686a49348bd94ed31cd2b107647422');
  });
});
