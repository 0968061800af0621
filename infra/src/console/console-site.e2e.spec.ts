import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { startGatewayServer, type GatewayServer } from '@jixiao/gateway';
import { loadConfig } from '../config/config';
import { startPlatform, type RunningPlatform } from '../platform/platform';
import { consoleConfigOf, consoleSite, consoleUrlOf, devClaimsOf } from './console-site';

describe('the console beside GraphQL, in embedded mode with the demo data', () => {
  let platform: RunningPlatform;
  let dir: string;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'jixiao-console-'));
    platform = await startPlatform(loadConfig({ JIXIAO_DATA_DIR: dir, JIXIAO_PORT: '0', JIXIAO_SEED: 'demo' }));
    base = consoleUrlOf(platform.url);
  });
  afterAll(async () => {
    await platform?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (body: unknown) =>
    fetch(`${base}dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('sends / to the console and tells it to sign people in with the demo identities', async () => {
    const root = await fetch(new URL('/', platform.url), { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/console/');
    expect(await (await fetch(`${base}config.json`)).json()).toEqual({ auth: 'dev', graphqlPath: '/graphql' });
  });

  it('lists the demo units and people, and signs a token the platform accepts for the person chosen', async () => {
    const identities = (await (await fetch(`${base}dev/identities`)).json()) as {
      units: { id: string; name: string }[];
      roles: { role: string; needsUnit: boolean; users: string[] }[];
    };
    expect(identities.units.length).toBe(8);
    expect(identities.roles.find((r) => r.role === 'BUDGET_UNIT')?.needsUnit).toBe(true);
    expect(identities.roles.find((r) => r.role === 'PERFORMANCE_SECTION')?.users).toEqual(['li.na']);
    // the experts: the demo year's scorers first (each has a pre-assessment assigned)
    const experts = identities.roles.find((r) => r.role === 'EXPERT')!.users;
    expect(experts).toHaveLength(40);
    const scorer = await post({ role: 'EXPERT', userId: experts[0] });
    const { token: expertToken } = (await scorer.json()) as { token: string };
    const assigned = await fetch(platform.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${expertToken}` },
      body: JSON.stringify({ query: '{ assignments(kind: PRE_ASSESSMENT) { subjectId } }' }),
    });
    expect(((await assigned.json()) as { data: { assignments: unknown[] } }).data.assignments.length).toBeGreaterThan(
      0,
    );

    const unit = identities.units[0]!;
    const answer = await post({ role: 'BUDGET_UNIT', unitId: unit.id, userId: 'jiaoyu.staff' });
    expect(answer.status).toBe(200);
    const { token, expiresAt } = (await answer.json()) as { token: string; expiresAt: number };
    expect(expiresAt).toBeGreaterThan(Date.now() + 7 * 3600_000);
    const units = await fetch(platform.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ budgetUnits { nodes { id } } }' }),
    });
    // a budget unit reads its own unit only
    expect(((await units.json()) as { data: { budgetUnits: { nodes: { id: string }[] } } }).data).toEqual({
      budgetUnits: { nodes: [{ id: unit.id }] },
    });
  });

  it('signs the demo agency user in as the first demo agency: it reads that agency and no other', async () => {
    const identities = (await (await fetch(`${base}dev/identities`)).json()) as {
      roles: { role: string; needsUnit: boolean; users: string[] }[];
    };
    const agencyRole = identities.roles.find((r) => r.role === 'AGENCY')!;
    expect(agencyRole).toMatchObject({ needsUnit: false, users: ['agency.tianheng'] });
    const { token } = (await (await post({ role: 'AGENCY', userId: 'agency.tianheng' })).json()) as { token: string };
    const answer = await fetch(platform.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ agencies { totalCount nodes { name contracts { contractNumber } } } }' }),
    });
    const { data } = (await answer.json()) as {
      data: { agencies: { totalCount: number; nodes: { name: string; contracts: unknown[] }[] } };
    };
    expect(data.agencies.totalCount).toBe(1);
    expect(data.agencies.nodes[0]).toMatchObject({ name: '湖北天衡会计师事务所有限公司' });
    expect(data.agencies.nodes[0]!.contracts).toHaveLength(1);
  });

  it.each([
    ['an unknown role', { role: 'MAYOR', userId: 'x' }, '角色须为'],
    ['a budget unit without a unit', { role: 'BUDGET_UNIT', userId: 'x' }, '须选择示例数据中的一个单位'],
    [
      'a unit the demo data lacks',
      { role: 'DEPARTMENT', unitId: 'nowhere', userId: 'x' },
      '须选择示例数据中的一个单位',
    ],
    ['a user id with spaces', { role: 'AUDITOR', userId: 'a b' }, '用户名须为'],
    ['a body that is not JSON', 'role=AUDITOR', '请求须为不超过 4 KB 的 JSON'],
    ['a body over 4 KB', { role: 'AUDITOR', userId: 'x', pad: 'x'.repeat(5000) }, '请求须为不超过 4 KB 的 JSON'],
  ])('refuses %s with BAD_USER_INPUT and no token', async (_case, body, message) => {
    const answer = await post(body);
    expect(answer.status).toBe(400);
    const { error } = (await answer.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(message);
    expect(JSON.stringify(error)).not.toContain('token');
  });
});

describe('consoleSite', () => {
  let gateway: GatewayServer | undefined;
  let files: string;
  beforeAll(() => {
    files = mkdtempSync(path.join(tmpdir(), 'jixiao-console-dist-'));
    mkdirSync(path.join(files, 'assets'));
    writeFileSync(path.join(files, 'index.html'), '<!doctype html><title>绩效管理平台</title>');
    writeFileSync(path.join(files, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(path.join(files, 'assets', 'index-abc123.js.br'), brotliCompressSync('console.log(1)'));
  });
  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
  });
  afterAll(() => rmSync(files, { recursive: true, force: true }));

  const serve = async (site: ReturnType<typeof consoleSite>) => {
    gateway = await startGatewayServer({
      port: 0,
      supergraph: 'schema { query: Query } type Query { ok: Boolean }',
      subgraphUrls: {},
      logging: false,
      auth: {
        verify: async () => ({ userId: 'x', role: 'AUDITOR', unitId: null }),
        assertionSecret: new Uint8Array(32),
      },
      site,
    });
    return consoleUrlOf(gateway.url);
  };
  const oidc = { authority: 'https://login.example.gov.cn/realms/jixiao', clientId: 'jixiao-console', scope: 'openid' };

  it('serves index.html for the console’s own routes, hashed assets as immutable, index.html as no-cache', async () => {
    const base = await serve(consoleSite({ dir: files, config: consoleConfigOf(loadConfig({}).auth) }));
    const route = await fetch(`${base}goals/7f0c`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('绩效管理平台');
    expect(route.headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(`${base}assets/index-abc123.js`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(asset.headers.get('cache-control')).toContain('immutable');
    // the build's Brotli file, for a browser that takes it (fetch decodes it back)
    expect(asset.headers.get('content-encoding')).toBe('br');
    expect(await asset.text()).toBe('console.log(1)');
  });

  it('says how to build the console when it is not built', async () => {
    const base = await serve(consoleSite({ dir: null, config: consoleConfigOf(loadConfig({}).auth) }));
    const answer = await fetch(base);
    expect(answer.status).toBe(503);
    expect(await answer.text()).toContain('npm run build');
  });

  it('offers no demo sign-in where tokens come from an identity provider, and names the provider instead', async () => {
    const auth = loadConfig({
      JIXIAO_JWKS_URL: 'https://login.example.gov.cn/jwks',
      JIXIAO_OIDC_ISSUER: oidc.authority,
      JIXIAO_OIDC_CLIENT_ID: oidc.clientId,
      JIXIAO_OIDC_SCOPE: oidc.scope,
    }).auth;
    const base = await serve(consoleSite({ dir: files, config: consoleConfigOf(auth) }));
    expect(await (await fetch(`${base}config.json`)).json()).toEqual({ auth: 'oidc', graphqlPath: '/graphql', oidc });
    const token = await fetch(`${base}dev/token`, { method: 'POST', body: '{"role":"ADMIN","userId":"x"}' });
    expect(token.status).toBe(404);
    expect(((await token.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('leaves GraphQL to the gateway', async () => {
    await serve(consoleSite({ dir: files, config: consoleConfigOf(loadConfig({}).auth) }));
    const answer = await fetch(gateway!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ ok }"}',
    });
    // the gateway's own answer (no token: refused), not the console's index.html
    expect(answer.headers.get('content-type')).toContain('json');
  });
});

describe('devClaimsOf', () => {
  const units = new Set(['u1']);
  it('keeps a unit only for the roles that act for one', () => {
    expect(devClaimsOf({ role: 'AUDITOR', unitId: 'u1', userId: 'zhou.shen' }, units)).toEqual({
      role: 'AUDITOR',
      unitId: null,
      userId: 'zhou.shen',
    });
    expect(devClaimsOf({ role: 'DEPARTMENT', unitId: 'u1', userId: 'd.1' }, units)).toEqual({
      role: 'DEPARTMENT',
      unitId: 'u1',
      userId: 'd.1',
    });
  });
  it('takes user ids of 1 to 64 characters', () => {
    expect(typeof devClaimsOf({ role: 'AUDITOR', userId: 'a'.repeat(64) }, units)).toBe('object');
    expect(typeof devClaimsOf({ role: 'AUDITOR', userId: 'a'.repeat(65) }, units)).toBe('string');
    expect(typeof devClaimsOf({ role: 'AUDITOR', userId: '' }, units)).toBe('string');
  });
});
