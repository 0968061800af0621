import { catalog, CONTEXTS } from '@jixiao/contexts';
import { randomBytes } from 'node:crypto';
import { auditSubgraph } from '@jixiao/audit';
import { type RecordedEvent } from '@jixiao/events';
import { ASSERTION_HEADER, serveSubgraph, signAssertion, type SubgraphServer } from '@jixiao/service-kit';
import { PostgresEventStore } from '../event-store/postgres-event-store';
import { goalSubmitted } from '../testing/goal-events';
import { dropSchema, freshSchemaName, TEST_PG_URL } from '../testing/postgres';

const GOALS = 200;
const goalIds = Array.from({ length: GOALS }, (_, i) => `g${String(i).padStart(3, '0')}`);

/** What the gateway sends the audit subgraph for `goals(page: { first: 200 }) { nodes { history } }`. */
const HISTORIES = {
  query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Goal { history { streamVersion } } } }',
  variables: { r: goalIds.map((id) => ({ __typename: 'Goal', id })) },
};

type Reads = { reads: { resource: string; streamId: string; eventCount: number }[] };

describe('recording sensitive reads on PostgreSQL', () => {
  const schema = freshSchemaName('reads');
  const secret = randomBytes(32);
  let store: PostgresEventStore;
  let server: SubgraphServer;
  beforeAll(async () => {
    store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog });
    await store.appendBatch(
      goalIds.map((id) => ({
        streamId: `goal-${id}`,
        expectedVersion: 0,
        events: [goalSubmitted(id)],
        metadata: { actorId: 'seed', role: 'ADMIN', correlationId: 'seed' },
      })),
    );
    const subgraph = await auditSubgraph(store, CONTEXTS);
    server = await serveSubgraph({ schema: subgraph.schema, plugins: subgraph.plugins, assertionSecret: secret });
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    await dropSchema(schema);
  });

  const readHistories = async (userId: string) => {
    const assertion = await signAssertion(secret, { userId, role: 'AUDITOR', unitId: null });
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [ASSERTION_HEADER]: assertion },
      body: JSON.stringify(HISTORIES),
    });
    return (await response.json()) as { data?: { _entities: { history: unknown[] }[] }; errors?: unknown[] };
  };

  it('records a request that reads 200 goals’ histories as one access event naming every stream', async () => {
    const answer = await readHistories('zhao.audit');
    expect(answer.errors).toBeUndefined();
    expect(answer.data?._entities.map((g) => g.history.length)).toEqual(goalIds.map(() => 1));
    const access = await store.readStream('access-zhao.audit');
    expect(access.map((e) => [e.type, e.schemaVersion, e.metadata.actorId])).toEqual([
      ['SensitiveDataRead', 2, 'zhao.audit'],
    ]);
    expect((access[0]!.data as Reads).reads).toEqual(
      goalIds.map((id) => ({ resource: 'Goal.history', streamId: `goal-${id}`, eventCount: 1 })),
    );
  });

  it('answers every one of a reader’s concurrent requests, each recorded once on an unbroken chain', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => readHistories('qian.audit')));
    expect(answers.map((a) => [a.errors ?? null, a.data?._entities.length])).toEqual(answers.map(() => [null, GOALS]));
    const access: RecordedEvent[] = await store.readStream('access-qian.audit');
    expect(access.map((e) => e.streamVersion)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(access.every((e) => (e.data as Reads).reads.length === GOALS)).toBe(true);
    expect(await store.verifyStream('access-qian.audit')).toMatchObject({ ok: true, eventCount: 12 });
  });
});
