import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { composeSupergraph } from '@jixiao/schema';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { parse } from 'graphql';
import { mintToken, tokenVerifier } from '@jixiao/service-kit';
import { startGatewayServer, type GatewayOptions, type GatewayServer } from './index';

const keys = generateKeyPairSync('ed25519');
const auth: GatewayOptions['auth'] = {
  verify: tokenVerifier({
    issuer: 'test',
    audience: 'jixiao',
    key: { kind: 'key', key: keys.publicKey, algorithms: ['EdDSA'] },
  }),
  assertionSecret: new Uint8Array(randomBytes(32)),
};
const bearer = async () =>
  `Bearer ${await mintToken(keys.privateKey, { userId: 'li.na', role: 'BUDGET_UNIT', unitId: 'u1' }, { issuer: 'test', audience: 'jixiao' })}`;

const typeDefs = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Unit @key(fields: "id") { id: ID! name: String! }
  type Query { units: [Unit!]! }`;
const units = [{ id: 'u1', name: '市教育局' }];

const CONSOLE = 'http://127.0.0.1:5173';
const ELSEWHERE = 'https://evil.example';
const UNITS_ID = 'sha256:0f1e2d3c';
const UNITS_DOCUMENT = 'query Units { units { id name } }';

describe('the gateway, ready for a browser front end', () => {
  let subgraph: ApolloServer;
  let subgraphUrl: string;
  let supergraph: string;
  const started: GatewayServer[] = [];

  beforeAll(async () => {
    subgraph = new ApolloServer({
      schema: buildSubgraphSchema({ typeDefs: parse(typeDefs), resolvers: { Query: { units: () => units } } }),
      plugins: [ApolloServerPluginInlineTraceDisabled()],
    });
    subgraphUrl = (await startStandaloneServer(subgraph, { listen: { port: 0, host: '127.0.0.1' } })).url;
    supergraph = composeSupergraph([{ name: 'directory', url: 'http://directory.invalid/graphql', typeDefs }]);
  });

  afterAll(async () => {
    await Promise.all(started.map((gateway) => gateway.close()));
    await subgraph?.stop();
  });

  /** A gateway over the one subgraph, with `options` on top. */
  async function gatewayWith(options: Partial<GatewayOptions> = {}) {
    const gateway = await startGatewayServer({
      port: 0,
      supergraph,
      subgraphUrls: { directory: subgraphUrl },
      logging: false,
      auth,
      ...options,
    });
    started.push(gateway);
    return gateway;
  }

  /** POSTs `body` as JSON with a valid token, plus any headers. */
  async function post(gateway: GatewayServer, body: object, headers: Record<string, string> = {}) {
    return fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await bearer(), ...headers },
      body: JSON.stringify(body),
    });
  }

  /** The preflight a browser on `origin` sends before its POST with a token. */
  const preflight = (gateway: GatewayServer, origin: string) =>
    fetch(gateway.url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization, x-correlation-id',
      },
    });

  const corsHeaders = (response: Response) =>
    [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

  describe('CORS', () => {
    it('is off by default: neither the preflight nor the POST of any origin gets a CORS header', async () => {
      const gateway = await gatewayWith();

      const answered = await preflight(gateway, CONSOLE);
      const response = await post(gateway, { query: '{ units { id } }' }, { origin: CONSOLE });

      expect(corsHeaders(answered)).toEqual([]);
      expect(response.status).toBe(200);
      expect(corsHeaders(response)).toEqual([]);
    });

    it('answers an allowed origin on the preflight and on the POST, and nothing to another origin', async () => {
      const gateway = await gatewayWith({ corsOrigins: [CONSOLE, 'https://console.example.gov.cn'] });

      const allowed = await preflight(gateway, CONSOLE);
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(CONSOLE);
      expect(allowed.headers.get('access-control-allow-methods')).toBe('GET, POST');
      expect(allowed.headers.get('access-control-allow-headers')).toBe(
        'content-type, authorization, x-jixiao-csrf, x-correlation-id',
      );
      expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
      expect(allowed.headers.get('vary')).toMatch(/Origin/);

      const response = await post(gateway, { query: '{ units { id } }' }, { origin: CONSOLE });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(CONSOLE);
      expect(await response.json()).toEqual({ data: { units: [{ id: 'u1' }] } });

      expect(corsHeaders(await preflight(gateway, ELSEWHERE))).toEqual([]);
      expect(corsHeaders(await post(gateway, { query: '{ units { id } }' }, { origin: ELSEWHERE }))).toEqual([]);
    });
  });

  describe('persisted documents', () => {
    const documents = new Map([[UNITS_ID, UNITS_DOCUMENT]]);

    it('runs a known id, by documentId or by Apollo persisted-query hash, and still runs a query text', async () => {
      const gateway = await gatewayWith({ persistedDocuments: { documents } });
      const expected = { data: { units: [{ id: 'u1', name: '市教育局' }] } };

      const byId = await post(gateway, { documentId: UNITS_ID });
      const byHash = await post(gateway, { extensions: { persistedQuery: { version: 1, sha256Hash: UNITS_ID } } });
      const byText = await post(gateway, { query: '{ units { id } }' });

      expect(await byId.json()).toEqual(expected);
      expect(await byHash.json()).toEqual(expected);
      expect(await byText.json()).toEqual({ data: { units: [{ id: 'u1' }] } });
    });

    it('refuses an unknown id with PERSISTED_QUERY_NOT_IN_LIST in both languages', async () => {
      const gateway = await gatewayWith({ persistedDocuments: { documents } });

      const response = await post(gateway, { documentId: 'sha256:unknown' });
      const body = await response.json();

      expect(response.status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors[0].extensions).toMatchObject({ code: 'PERSISTED_QUERY_NOT_IN_LIST' });
      expect(body.errors[0].extensions.messageZh).toMatch(/未登记/);
      expect(body.errors[0].extensions.messageEn).toMatch(/No trusted document has this id/);
    });

    it('with only persisted documents, refuses a query text and runs a known id', async () => {
      const gateway = await gatewayWith({ persistedDocuments: { documents, only: true } });

      const text = await post(gateway, { query: UNITS_DOCUMENT });
      const body = await text.json();
      const byId = await post(gateway, { documentId: UNITS_ID });

      expect(text.status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors[0].extensions).toMatchObject({ code: 'PERSISTED_QUERY_ID_REQUIRED' });
      expect(body.errors[0].extensions.messageZh).toMatch(/只执行已登记的可信查询文档/);
      expect(await byId.json()).toEqual({ data: { units: [{ id: 'u1', name: '市教育局' }] } });
    });

    it('still needs a token for a known id', async () => {
      const gateway = await gatewayWith({ persistedDocuments: { documents, only: true } });

      const response = await post(gateway, { documentId: UNITS_ID }, { authorization: '' });

      expect(response.status).toBe(401);
      expect((await response.json()).errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });

  describe('GraphiQL', () => {
    it('loads every script, style and icon from the platform itself, and each answers 200', async () => {
      const gateway = await gatewayWith({ environment: 'development' });

      const page = await fetch(gateway.url, { headers: { accept: 'text/html' } });
      const html = await page.text();
      // quoted or not: minified pages drop the quotes
      const references = [
        ...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g),
      ].map((m) => (m[1] ?? m[2] ?? m[3])!);

      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(html).toMatch(/renderYogaGraphiQL/);
      expect(references.length).toBeGreaterThanOrEqual(3);
      expect(html).not.toMatch(/unpkg|jsdelivr|cdnjs|githubusercontent/);
      const origin = new URL(gateway.url).origin;
      for (const reference of references) {
        const url = new URL(reference, gateway.url);
        expect(url.origin).toBe(origin);
        const asset = await fetch(url);
        expect({ reference, status: asset.status }).toEqual({ reference, status: 200 });
        expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(0);
      }
      // the editor's workers too
      const workers = [...html.matchAll(/"(\/graphiql\/[^"]+\.worker\.js)"/g)].map((m) => m[1]!);
      expect(workers).toHaveLength(3);
      for (const worker of workers) expect((await fetch(new URL(worker, origin))).status).toBe(200);
    });

    it('serves neither the page nor its files in production', async () => {
      const gateway = await gatewayWith({ environment: 'production' });
      const development = await gatewayWith({ environment: 'development' });
      const html = await (await fetch(development.url, { headers: { accept: 'text/html' } })).text();
      const script = /src="(\/graphiql\/[^"]+)"/.exec(html)![1]!;

      const page = await fetch(gateway.url, { headers: { accept: 'text/html' } });
      const asset = await fetch(new URL(script, gateway.url));

      expect(await page.text()).not.toMatch(/renderYogaGraphiQL/);
      expect(asset.status).toBe(404);
    });
  });
});
