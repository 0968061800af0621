import { createPublicKey } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { checkConsistency, checkInclusion, hashEvent, type RecordedEvent } from '@jixiao/events';
import { as, REGISTER_UNIT, startTestPlatform } from './support/platform';

const HEAD = 'log treeSize rootHash sealedAt keyId signature';
const SEAL = `mutation { sealTreeHead { sealed head { ${HEAD} } } }`;
const HEADS = `query($n: Int) { treeHeads(limit: $n) { ${HEAD} } }`;
const KEY = `{ sealerKey { keyId publicKeyPem } }`;
const INCLUDED = `query($e: String!, $n: Int) { inclusionProof(eventId: $e, treeSize: $n) {
  head { ${HEAD} } leafIndex proof
  event { eventId streamId streamVersion type schemaVersion data metadata recordedAt previousHash hash globalPosition }
} }`;
const VERIFY_HEAD = `query($n: Int) { verifyTreeHead(treeSize: $n) { ok recomputedRoot head { ${HEAD} } } }`;
const CONSISTENT = `query($a: Int!, $b: Int!) { consistencyProof(first: $a, second: $b) { first { ${HEAD} } second { ${HEAD} } proof } }`;

const section = as('PERFORMANCE_SECTION', null, 'li.perf');
const auditor = as('AUDITOR', null, 'zhao.audit');
const admin = as('ADMIN', null, 'wang.admin');

/** The API's event as the store recorded it (the transaction id is not hashed). */
const recorded = (e: Record<string, unknown>) => ({ ...e, transactionId: 0 }) as unknown as RecordedEvent;

describe('signed tree heads and their proofs through the gateway (embedded platform)', () => {
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(async () => p.dispose());

  const register = (code: string) =>
    p.gql(REGISTER_UNIT, { input: { code, name: `测试单位${code}`, level: 'FIRST', divisionCode: '429006' } }, admin);

  it('seals on demand, proves an event and the extension of the log with the public key alone, and exposes a rewrite', async () => {
    const unit = (await register('301001')).data!.registerBudgetUnit.id as string;
    await register('301002');
    const first = (await p.gql(SEAL, {}, section)).data!.sealTreeHead;
    const count = (await p.allEvents()).length;
    expect(first).toMatchObject({ sealed: true, head: { treeSize: count, log: 'jixiao/embedded' } });
    expect((await p.gql(SEAL, {}, section)).data!.sealTreeHead).toMatchObject({ sealed: false, head: first.head });

    const { sealerKey } = (await p.gql(KEY, {}, auditor)).data!;
    const key = createPublicKey(sealerKey.publicKeyPem);
    expect(first.head.keyId).toBe(sealerKey.keyId);

    const unitEvent = (await p.store.readStream(`unit-${unit}`))[0]!;
    const answer = await p.gql(INCLUDED, { e: unitEvent.eventId }, auditor);
    expect(answer.errors).toBeUndefined();
    const proof = answer.data!.inclusionProof;
    expect(proof.event.hash).toBe(unitEvent.hash);
    expect(checkInclusion({ ...proof, event: recorded(proof.event) }, key)).toBeNull();

    await register('301003');
    const second = (await p.gql(SEAL, {}, section)).data!.sealTreeHead.head;
    expect(second.treeSize).toBeGreaterThan(first.head.treeSize);
    const heads = (await p.gql(HEADS, { n: 5 }, auditor)).data!.treeHeads;
    expect(heads.map((h: { treeSize: number }) => h.treeSize)).toEqual([second.treeSize, first.head.treeSize]);
    const grew = (await p.gql(CONSISTENT, { a: first.head.treeSize, b: second.treeSize }, auditor)).data!
      .consistencyProof;
    expect(checkConsistency(grew, key)).toBeNull();
    expect((await p.gql(VERIFY_HEAD, {}, auditor)).data!.verifyTreeHead).toMatchObject({ ok: true, head: second });

    // each head is also a file outside the database, as the auditor may keep it
    const files = readdirSync(join(p.dir, 'tree-heads')).sort();
    expect(files).toHaveLength(2);
    expect(JSON.parse(readFileSync(join(p.dir, 'tree-heads', files[0]!), 'utf8'))).toEqual(first.head);

    // a database administrator rewrites the unit's registration and recomputes its hash (and its stream's head)
    if (p.storage.kind !== 'sqlite') throw new Error('this test tampers with the SQLite file');
    const data = { ...(unitEvent.data as object), name: '改写后的单位' };
    const { hash: _h, globalPosition: _g, transactionId: _t, ...fields } = unitEvent;
    const hash = hashEvent({ ...fields, data });
    const db = new Database(p.storage.file);
    try {
      db.exec('DROP TRIGGER events_no_update; DROP TRIGGER event_streams_forward_only');
      db.prepare('UPDATE events SET data = ?, hash = ? WHERE event_id = ?').run(
        JSON.stringify(data),
        hash,
        unitEvent.eventId,
      );
      db.prepare('UPDATE event_streams SET last_hash = ? WHERE stream_id = ?').run(hash, unitEvent.streamId);
    } finally {
      db.close();
    }
    // the stream's own chain cannot tell; the heads kept before can
    expect((await p.store.verifyStream(unitEvent.streamId)).ok).toBe(true);
    const verified = (await p.gql(VERIFY_HEAD, { n: first.head.treeSize }, auditor)).data!.verifyTreeHead;
    expect(verified).toMatchObject({ ok: false, head: first.head });
    expect(verified.recomputedRoot).toMatch(/^[0-9a-f]{64}$/);
    expect(verified.recomputedRoot).not.toBe(first.head.rootHash);
    const rewritten = (await p.gql(INCLUDED, { e: unitEvent.eventId, n: first.head.treeSize }, auditor)).data!
      .inclusionProof;
    expect(checkInclusion({ ...rewritten, event: recorded(rewritten.event) }, key)).toBe('NOT_INCLUDED');
  });

  it('refuses what it cannot prove, with a clear error, and leaves sealing to the bureau', async () => {
    const codeOf = async (query: string, variables: Record<string, unknown>, who = auditor) =>
      (await p.gql(query, variables, who)).errors?.[0]?.extensions?.code;
    expect(await codeOf(INCLUDED, { e: 'no-such-event' })).toBe('NOT_FOUND');
    expect(await codeOf(CONSISTENT, { a: 5, b: 3 })).toBe('BAD_USER_INPUT');
    expect(await codeOf(CONSISTENT, { a: 1, b: 999_999 })).toBe('NOT_FOUND');
    expect(await codeOf(HEADS, { n: 0 })).toBe('BAD_USER_INPUT');
    expect(await codeOf(VERIFY_HEAD, { n: 999_999 })).toBe('NOT_FOUND');
    expect(await codeOf(VERIFY_HEAD, { n: -1 })).toBe('BAD_USER_INPUT');
    expect(await codeOf(HEADS, { n: 501 })).toBe('BAD_USER_INPUT');
    expect(await codeOf(SEAL, {}, auditor)).toBe('FORBIDDEN');
    expect(await codeOf(SEAL, {}, as('BUDGET_UNIT', 'u-1', 'zhang.wei'))).toBe('FORBIDDEN');
    expect(await codeOf(HEADS, { n: 1 }, as('BUDGET_UNIT', 'u-1', 'zhang.wei'))).toBe('FORBIDDEN');
  });
});
