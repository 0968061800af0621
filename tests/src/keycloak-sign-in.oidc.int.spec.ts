import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { loadConfig, startPlatform, type RunningPlatform } from '@jixiao/infra';
import { discover, refresh, signInThroughLoginForm, type Discovery, type Tokens } from './support/oidc-login';
import { keycloakAdmin, type KeycloakAdmin } from './support/keycloak-admin';

/**
 * The platform against a real OpenID Connect provider: the Keycloak of `npm run keycloak:start`
 * with the realm of infra/keycloak/realm-jixiao.json. People sign in on Keycloak's own login form
 * (authorization code + PKCE, as the console does), and the platform, given only the issuer,
 * finds Keycloak's keys through its discovery document and answers each person within their role
 * and unit.
 */
const issuer =
  process.env.JIXIAO_TEST_OIDC_ISSUER ?? `http://127.0.0.1:${process.env.JIXIAO_KEYCLOAK_PORT ?? 8180}/realms/jixiao`;
const clientId = 'jixiao-console';
// Keycloak matches a loopback redirect URI registered without a port on any port (RFC 8252 §7.3)
const redirectUri = 'http://127.0.0.1:4173/console/callback';
const password = 'jixiao-dev';
const WANG_WEI_UNIT = '8f4236b0-5b41-4593-a49f-96465ecf21f7'; // 天门中学 in the demo year

const GOALS = '{ goals(page: { first: 200 }) { totalCount nodes { id unit { id } } } }';

describe('signing in with Keycloak (OpenID Connect, authorization code + PKCE)', () => {
  let provider: Discovery;
  let platform: RunningPlatform;
  let dir: string;
  let admin: KeycloakAdmin;
  const signIn = (username: string, options: { client?: string } = {}) =>
    signInThroughLoginForm({ issuer, clientId: options.client ?? clientId, redirectUri, username, password });

  beforeAll(async () => {
    provider = await discover(issuer).catch((error: Error) => {
      throw new Error(`${error.message} — is Keycloak running? npm run keycloak:start`);
    });
    admin = await keycloakAdmin(new URL(issuer).origin);
    dir = mkdtempSync(join(tmpdir(), 'jixiao-oidc-'));
    // only the issuer: the keys come from its discovery document, the expected issuer is the provider's
    platform = await startPlatform(
      loadConfig({ JIXIAO_DATA_DIR: dir, JIXIAO_PORT: '0', JIXIAO_OIDC_ISSUER: issuer, JIXIAO_SEED: 'demo' }),
    );
    expect(platform.seeded).not.toBeNull();
  });
  afterAll(async () => {
    await platform?.close();
    await admin?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const ask = async (token: string, query: string, variables?: Record<string, unknown>) => {
    const response = await fetch(platform.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers vary per query
    return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
  };
  const reasonOf = async (token: string) => (await ask(token, GOALS)).errors?.[0]?.extensions?.reason;

  it('tells the console to sign people in at the provider (/console/config.json)', async () => {
    const config = await (await fetch(new URL('/console/config.json', platform.url))).json();
    expect(config).toEqual({
      auth: 'oidc',
      graphqlPath: '/graphql',
      oidc: { authority: issuer, clientId, scope: 'openid profile' },
    });
  });

  it('gives the console’s access token the claims the platform needs', async () => {
    const tokens = await signIn('wang.wei');
    const claims = decodeJwt(tokens.access_token);
    expect(claims).toMatchObject({
      iss: issuer,
      sub: 'wang.wei',
      role: 'BUDGET_UNIT',
      unit: WANG_WEI_UNIT,
      name: '王伟',
    });
    expect([claims.aud].flat()).toContain('jixiao');
    expect(claims.exp! - claims.iat!).toBe(300);
    expect(tokens.refresh_token).toBeTruthy();
  });

  it('answers a budget unit’s user with their own unit’s goals only, and the performance section with every unit’s', async () => {
    const unit = await ask((await signIn('wang.wei')).access_token, GOALS);
    expect(unit.errors).toBeUndefined();
    expect(unit.data.goals.totalCount).toBeGreaterThan(0);
    expect(new Set(unit.data.goals.nodes.map((goal: { unit: { id: string } }) => goal.unit.id))).toEqual(
      new Set([WANG_WEI_UNIT]),
    );
    const section = await ask((await signIn('li.na')).access_token, GOALS);
    expect(section.data.goals.totalCount).toBeGreaterThan(unit.data.goals.totalCount);
    expect(
      new Set(section.data.goals.nodes.map((goal: { unit: { id: string } }) => goal.unit.id)).size,
    ).toBeGreaterThan(1);
  });

  it('knows an expert by the token’s sub: the pre-assessment assigned to expert.014 and no other', async () => {
    const token = (await signIn('expert.014')).access_token;
    const mine = await ask(token, '{ assignments { kind subjectId assigneeUserId } }');
    expect(mine.data.assignments).toEqual([
      expect.objectContaining({ kind: 'PRE_ASSESSMENT', assigneeUserId: 'expert.014' }),
    ]);
    const read = 'query($id: ID!) { preAssessment(id: $id) { id status } }';
    const own = await ask(token, read, { id: mine.data.assignments[0].subjectId });
    expect(own.data.preAssessment.id).toBe(mine.data.assignments[0].subjectId);
    // assigned to expert.006–008 in the demo year
    const other = await ask(token, read, { id: 'b07b9cd4-74ba-46a2-b6e0-879f3abf8ea9' });
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps the auditor to reads: a mutation is FORBIDDEN', async () => {
    const token = (await signIn('zhou.min')).access_token;
    expect((await ask(token, GOALS)).data.goals.totalCount).toBeGreaterThan(0);
    const write = await ask(token, 'mutation { submitDraft(input: { goalId: "x" }) { id } }');
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('accepts the access token a refresh gives, as the console’s does before expiry', async () => {
    const first = await signIn('wang.fang');
    const next = await refresh(issuer, clientId, first.refresh_token);
    expect(next.access_token).not.toBe(first.access_token);
    expect(decodeJwt(next.access_token)).toMatchObject({ sub: 'wang.fang', role: 'BUDGET_SECTION' });
    expect((await ask(next.access_token, GOALS)).data.goals.totalCount).toBeGreaterThan(0);
  });

  it('refuses a token of another audience (the ID token) and of another realm', async () => {
    const tokens = await signIn('li.na');
    expect(decodeJwt(tokens.id_token).aud).toBe(clientId);
    expect(await reasonOf(tokens.id_token)).toBe('WRONG_AUDIENCE');
    // signed by the master realm's keys, which the jixiao realm's JWKS does not hold
    expect(await reasonOf(await admin.masterToken())).toBe('BAD_SIGNATURE');
  });

  it('refuses an expired Keycloak token with EXPIRED', async () => {
    const client = await admin.copyClient(clientId, { 'access.token.lifespan': '5' });
    const tokens = await signIn('li.na', { client });
    expect(await ask(tokens.access_token, GOALS)).not.toHaveProperty('errors');
    const { exp } = decodeJwt(tokens.access_token);
    await new Promise((resolve) => setTimeout(resolve, exp! * 1000 - Date.now() + 1100));
    const expired = await ask(tokens.access_token, GOALS);
    expect(expired.status).toBe(401);
    expect(expired.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'EXPIRED' });
    expect(expired.errors?.[0]?.message).toContain('访问令牌已过期');
  });

  it('refuses a wrong password on the login form, and an authorization request without PKCE', async () => {
    await expect(
      signInThroughLoginForm({ issuer, clientId, redirectUri, username: 'wang.wei', password: 'wrong' }),
    ).rejects.toThrow('无效的用户名或密码');
    // the client requires PKCE with S256: no challenge, or a plain one, gets an error instead of a login form
    const authorize = (extra: Record<string, string>) => {
      const url = new URL(provider.authorization_endpoint);
      const params = { client_id: clientId, redirect_uri: redirectUri, response_type: 'code', scope: 'openid' };
      url.search = new URLSearchParams({ ...params, ...extra }).toString();
      return fetch(url, { redirect: 'manual' }).then((r) => new URL(r.headers.get('location')!).searchParams);
    };
    const attempts: Record<string, string>[] = [{}, { code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' }];
    for (const extra of attempts) {
      const answer = await authorize(extra);
      expect(answer.get('error')).toBe('invalid_request');
      expect(answer.get('error_description')).toMatch(/code.challenge/i);
      expect(answer.has('code')).toBe(false);
    }
  });

  it('ends the session at sign-out: the provider sends the browser back, and the refresh token is dead', async () => {
    const tokens: Tokens = await signIn('liu.wei');
    const end = new URL(provider.end_session_endpoint);
    const back = 'http://127.0.0.1:4173/console/';
    end.search = new URLSearchParams({
      id_token_hint: tokens.id_token,
      post_logout_redirect_uri: back,
      client_id: clientId,
    }).toString();
    const out = await fetch(end, { redirect: 'manual' });
    expect(out.status).toBe(302);
    expect(out.headers.get('location')).toBe(back);
    await expect(refresh(issuer, clientId, tokens.refresh_token)).rejects.toThrow(/invalid_grant/);
  });
});
