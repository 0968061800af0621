import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { useQueryPlan } from '@graphql-hive/router-runtime';
import { composeSupergraph } from '@jixiao/schema';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { parse } from 'graphql';
import { ASSERTION_HEADER, mintToken, tokenVerifier, verifyAssertion } from '@jixiao/service-kit';
import { createGateway, startGatewayServer, type GatewayOptions, type GatewayServer } from './index';

const keys = generateKeyPairSync('ed25519');
const assertionSecret = new Uint8Array(randomBytes(32));
const issuer = 'test-issuer';
const audience = 'jixiao';
const auth: GatewayOptions['auth'] = {
  verify: tokenVerifier({ issuer, audience, key: { kind: 'key', key: keys.publicKey, algorithms: ['EdDSA'] } }),
  assertionSecret,
};
const tokenOf = (userId: string) =>
  mintToken(keys.privateKey, { userId, role: 'BUDGET_UNIT', unitId: 'u1' }, { issuer, audience });

const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';
const directorySdl = `${link}
  type Unit @key(fields: "id") { id: ID! name: String! }
  type Query { units: [Unit!]! }`;
const planningSdl = `${link}
  type Goal { id: ID! unit: Unit! }
  type Unit @key(fields: "id", resolvable: false) { id: ID! }
  type Query { goals: [Goal!]! }`;

const units = [{ id: 'u1', name: '市教育局' }];
const goals = [{ id: 'g1', unitId: 'u1' }];

interface Received {
  subgraph: string;
  authorization: string | undefined;
  correlationId: string | string[] | undefined;
  clientRole: string | string[] | undefined;
  assertion: string | string[] | undefined;
}
const received: Received[] = [];

/** Starts a real Apollo subgraph on an ephemeral port that records the headers it receives. */
async function startSubgraph(subgraph: string, typeDefs: string, resolvers: GraphQLResolverMap<unknown>) {
  const server = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs: parse(typeDefs), resolvers }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => {
      const { authorization, 'x-correlation-id': correlationId, 'x-jixiao-role': clientRole } = req.headers;
      received.push({ subgraph, authorization, correlationId, clientRole, assertion: req.headers[ASSERTION_HEADER] });
      return {};
    },
  });
  return { url, stop: () => server.stop() };
}

describe('gateway over two real subgraphs', () => {
  let directory: Awaited<ReturnType<typeof startSubgraph>>;
  let planning: Awaited<ReturnType<typeof startSubgraph>>;
  let supergraph: string;
  let gateway: GatewayServer;
  const plannedServices: string[][] = [];

  beforeAll(async () => {
    directory = await startSubgraph('directory', directorySdl, {
      Query: { units: () => units },
      Unit: { __resolveReference: ({ id }: { id: string }) => units.find((unit) => unit.id === id) },
    });
    planning = await startSubgraph('planning', planningSdl, {
      Query: { goals: () => goals },
      Goal: { unit: ({ unitId }: { unitId: string }) => ({ id: unitId }) },
    });
    // Placeholder URLs that cannot resolve: every call must go where subgraphUrls says.
    supergraph = composeSupergraph([
      { name: 'directory', url: 'http://directory.invalid/graphql', typeDefs: directorySdl },
      { name: 'planning', url: 'http://planning.invalid/graphql', typeDefs: planningSdl },
    ]);
    gateway = await startGatewayServer({
      port: 0,
      supergraph,
      subgraphUrls: { directory: directory.url, planning: planning.url },
      logging: 'warn',
      auth,
      plugins: () => [
        // router-runtime's typings see another build of @graphql-hive/logger; same plugin at runtime.
        useQueryPlan({
          onQueryPlan: (plan) =>
            plannedServices.push([...JSON.stringify(plan).matchAll(/"serviceName":"(\w+)"/g)].map((m) => m[1]!)),
        }) as GatewayPlugin,
      ],
    });
  });

  afterAll(async () => {
    await gateway?.close();
    await Promise.all([directory?.stop(), planning?.stop()]);
  });

  /** Posts `query` to the gateway as user `zhang.wei`, plus any extra headers. */
  async function query(query: string, headers: Record<string, string> = {}) {
    return fetch(gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await tokenOf('zhang.wei')}`,
        ...headers,
      },
      body: JSON.stringify({ query }),
    });
  }

  it('resolves one query across both subgraphs at their real URLs, planned by the Rust planner', async () => {
    plannedServices.length = 0;

    const response = await query('{ goals { id unit { id name } } }');

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { goals: [{ id: 'g1', unit: { id: 'u1', name: '市教育局' } }] } });
    expect(plannedServices).toEqual([['planning', 'directory']]);
  });

  it('sends each subgraph its signed assertion of the verified caller and the correlation id, nothing the client claims', async () => {
    received.length = 0;

    await query('{ goals { unit { name } } }', { 'x-correlation-id': 'corr-42', 'x-jixiao-role': 'ADMIN' });

    expect(received.map(({ assertion: _, ...rest }) => rest)).toEqual([
      { subgraph: 'planning', authorization: undefined, correlationId: 'corr-42', clientRole: undefined },
      { subgraph: 'directory', authorization: undefined, correlationId: 'corr-42', clientRole: undefined },
    ]);
    for (const { assertion } of received) {
      expect(await verifyAssertion(assertionSecret, assertion as string)).toMatchObject({
        userId: 'zhang.wei',
        role: 'BUDGET_UNIT',
        unitId: 'u1',
      });
    }
  });

  it('refuses a request without a token before any subgraph is called', async () => {
    received.length = 0;

    const response = await query('{ goals { id } }', { authorization: '' });

    expect(response.status).toBe(401);
    expect((await response.json()).errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'MISSING' });
    expect(received).toEqual([]);
  });

  it('answers the health and readiness checks', async () => {
    const origin = new URL(gateway.url).origin;

    expect((await fetch(`${origin}/healthcheck`)).status).toBe(200);
    expect((await fetch(`${origin}/readiness`)).status).toBe(200);
  });

  it('answers 503 SERVICE_UNAVAILABLE in both languages while a subgraph is down, and still serves the others', async () => {
    const down = await startGatewayServer({
      port: 0,
      supergraph,
      // nothing listens on port 9 of this machine
      subgraphUrls: { directory: directory.url, planning: 'http://127.0.0.1:9/graphql' },
      logging: false,
      auth,
    });
    try {
      const ask = async (q: string) =>
        fetch(down.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenOf('zhang.wei')}` },
          body: JSON.stringify({ query: q }),
        });
      const response = await ask('{ goals { id } }');
      const body = await response.json();
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(body.errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(body.errors[0].extensions.messageZh).toMatch(/暂时不可用/);
      expect(body.errors[0].extensions.messageEn).toMatch(/temporarily unavailable/);
      expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1:9|ECONNREFUSED/);
      const other = await ask('{ units { id } }');
      expect(other.status).toBe(200);
    } finally {
      await down.close();
    }
  });

  it('refuses a subgraph URL for a name the supergraph does not have', () => {
    expect(() => createGateway({ supergraph, subgraphUrls: { planing: planning.url }, auth })).toThrow(
      'subgraphUrls names "planing", not in the supergraph (subgraphs: directory, planning)',
    );
  });

  it('stops listening once closed', async () => {
    const other = await startGatewayServer({ port: 0, supergraph, logging: false, auth });
    const healthcheck = `${new URL(other.url).origin}/healthcheck`;
    expect((await fetch(healthcheck)).status).toBe(200);

    await other.close();

    await expect(fetch(healthcheck)).rejects.toThrow('fetch failed');
  });
});
