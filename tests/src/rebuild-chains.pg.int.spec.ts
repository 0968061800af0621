import { allProjections, catalog, CONTEXTS } from '@jixiao/contexts';
import { generateCityYear, SCALES } from '@jixiao/generator';
import { BrokenChainsError, openReadModels, PostgresEventStore, rebuildProjections, testing } from '@jixiao/infra';

const { TEST_PG_URL, freshSchemaName, dropSchema, dumpReadModels, withPgClient } = testing;

/** What a database administrator can do with the append-only trigger switched off for a moment. */
const asDba = (schema: string, statement: string, values: unknown[]) =>
  withPgClient(async (c) => {
    await c.query(`ALTER TABLE "${schema}".events DISABLE TRIGGER events_append_only`);
    try {
      return (await c.query(statement, values)).rowCount;
    } finally {
      await c.query(`ALTER TABLE "${schema}".events ENABLE TRIGGER events_append_only`);
    }
  });

/** The stream and version of the n-th goal stream's last event. */
const lastGoalEvent = (schema: string, n: number) =>
  withPgClient(async (c) => {
    const r = await c.query<{ stream_id: string; version: number }>(
      `SELECT stream_id, max(stream_version) AS version FROM "${schema}".events WHERE stream_id LIKE 'goal-%'
       GROUP BY stream_id HAVING max(stream_version) > 1 ORDER BY stream_id OFFSET $1 LIMIT 1`,
      [n],
    );
    return r.rows[0]!;
  });

describe('a rebuild reads only unbroken hash chains', () => {
  const schema = freshSchemaName('rebuildchain');
  let store: PostgresEventStore;
  let altered: { stream_id: string; version: number };

  beforeAll(async () => {
    store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog });
    const scale = { ...SCALES.small, name: 'rebuild-chain-test', bureaus: 2, units: 4, goals: 30 };
    for (const chunk of generateCityYear({ contexts: CONTEXTS, scale, seed: 11 })) await store.appendBatch(chunk);
    await (await openReadModels({ kind: 'postgres', connectionString: TEST_PG_URL, schema })).close();
    await rebuildProjections({ store, catalog, projections: allProjections });
  });
  afterAll(async () => {
    await store.close();
    await dropSchema(schema);
  });

  it('refuses an event altered in place, naming its stream and version, and leaves the read models as they were', async () => {
    const target = (altered = await lastGoalEvent(schema, 0));
    const before = await dumpReadModels(schema);
    const changed = await asDba(
      schema,
      `UPDATE "${schema}".events SET data = (data::jsonb || '{"comment":"改过的意见"}'::jsonb)::json
       WHERE stream_id = $1 AND stream_version = $2`,
      [target.stream_id, target.version],
    );
    expect(changed).toBe(1);

    const refused = await rebuildProjections({ store, catalog, projections: allProjections }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BrokenChainsError);
    expect((refused as BrokenChainsError).broken).toEqual([
      expect.objectContaining({ streamId: target.stream_id, brokenAtVersion: target.version, reason: 'HASH_MISMATCH' }),
    ]);
    expect((refused as Error).message).toContain(`${target.stream_id} 版本 version ${target.version}`);
    expect((refused as Error).message).toMatch(/哈希链断裂.*broken hash chains/);
    expect(await dumpReadModels(schema)).toEqual(before);
  });

  it('catches a tail deleted under a head left in place, and rebuilds on broken chains only when told to', async () => {
    const target = await lastGoalEvent(schema, 1);
    await asDba(schema, `DELETE FROM "${schema}".events WHERE stream_id = $1 AND stream_version = $2`, [
      target.stream_id,
      target.version,
    ]);

    const refused = await rebuildProjections({ store, catalog, projections: allProjections }).catch((e: unknown) => e);
    expect((refused as BrokenChainsError).broken).toContainEqual(
      expect.objectContaining({ streamId: target.stream_id, brokenAtVersion: target.version, reason: 'HEAD_MISMATCH' }),
    );

    const accepted = await rebuildProjections({
      store,
      catalog,
      projections: allProjections,
      acceptBrokenChains: true,
    });
    expect(accepted.brokenChains.map((b) => [b.streamId, b.reason]).sort()).toEqual(
      [
        [altered.stream_id, 'HASH_MISMATCH'],
        [target.stream_id, 'HEAD_MISMATCH'],
      ].sort(),
    );
  });
});
