import { randomBytes } from 'node:crypto';
import { loadConfig } from '@jixiao/infra';
import type { Page } from 'playwright-core';
import { keycloakAdmin, type KeycloakAdmin } from '../support/keycloak-admin';
import { checkAccessibility, screenshot, useConsoleHarness } from './harness';

/**
 * The console signing people in at a real OpenID Connect provider: the Keycloak of
 * `npm run keycloak:start` (realm infra/keycloak/realm-jixiao.json). The person clicks 统一身份认证登录,
 * types their name and password into Keycloak's own login page, lands in the console as who the
 * token says, and signs out through Keycloak's end-session endpoint.
 */
const issuer =
  process.env.JIXIAO_TEST_OIDC_ISSUER ?? `http://127.0.0.1:${process.env.JIXIAO_KEYCLOAK_PORT ?? 8180}/realms/jixiao`;
const SCHOOL = '天门中学'; // wang.wei's unit in the demo year

/** The platform's auth as JIXIAO_OIDC_ISSUER (and JIXIAO_OIDC_CLIENT_ID) make it. */
const providerAuth = (clientId?: string) => {
  const {
    issuer: iss,
    key,
    oidc,
  } = loadConfig({
    JIXIAO_OIDC_ISSUER: issuer,
    ...(clientId ? { JIXIAO_OIDC_CLIENT_ID: clientId } : {}),
  }).auth;
  return { issuer: iss, key, oidc };
};

/** On Keycloak's login page: the person's name and password, then 登录. */
async function logInAtKeycloak(page: Page, username: string) {
  await page.waitForURL((url) => url.href.startsWith(issuer));
  await page.locator('#username').fill(username);
  await page.locator('#password').fill('jixiao-dev');
  await page.locator('#kc-login').click();
}

const storedSession = (page: Page) =>
  page.evaluate(
    () => JSON.parse(sessionStorage.getItem('jixiao.session') ?? 'null') as { token: string; expiresAt: number } | null,
  );

describe('signing in to the console at Keycloak (OpenID Connect, code + PKCE)', () => {
  const h = useConsoleHarness({ auth: providerAuth() });

  it('signs wang.wei in on Keycloak’s login page: his name, role and unit’s goals; sign-out ends the provider’s session', async () => {
    const page = await h.newPage();
    await page.goto(h.url());
    const signIn = page.getByRole('button', { name: /统一身份认证登录/ });
    await signIn.waitFor();
    await screenshot(page, 'oidc/sign-in');
    await checkAccessibility(page, 'oidc/sign-in');

    await signIn.click();
    await page.locator('#kc-form-login').waitFor();
    expect(await page.title()).toContain('绩效管理平台');
    await screenshot(page, 'oidc/keycloak-login');
    await logInAtKeycloak(page, 'wang.wei');

    const user = page.getByTestId('current-user');
    await user.waitFor();
    expect(page.url()).toBe(h.url());
    expect(await user.innerText()).toMatch(/王伟[\s\S]*预算单位/);
    await screenshot(page, 'oidc/home-wang-wei');

    await page.getByRole('menuitem', { name: '绩效目标', exact: true }).click();
    await page.locator('.ant-table-row').first().waitFor();
    expect(new Set(await page.locator('.ant-table-row td:nth-child(3)').allInnerTexts())).toEqual(new Set([SCHOOL]));
    await screenshot(page, 'oidc/goals-wang-wei');

    await page.getByRole('button', { name: /退出/ }).click();
    await page.waitForURL(h.url('signed-out'));
    await page.getByText('您已退出登录。').waitFor();
    await screenshot(page, 'oidc/signed-out');
    // Keycloak's session is over too: signing in again asks for the password
    await page.getByRole('button', { name: /统一身份认证登录/ }).click();
    await page.locator('#kc-form-login').waitFor();
  });

  it('brings the person back to the page they asked for, as the performance section', async () => {
    const page = await h.newPage();
    await page.goto(h.url('goals'));
    await page.getByRole('button', { name: /统一身份认证登录/ }).click();
    await logInAtKeycloak(page, 'li.na');
    await page.getByTestId('current-user').waitFor();
    expect(page.url()).toBe(h.url('goals'));
    expect(await page.getByTestId('current-user').innerText()).toMatch(/李娜[\s\S]*财政局绩效科/);
    await page.locator('.ant-table-row').first().waitFor();
    expect(new Set(await page.locator('.ant-table-row td:nth-child(3)').allInnerTexts()).size).toBeGreaterThan(1);
  });

  it('says so on Keycloak’s page when the password is wrong, and stays signed out', async () => {
    const page = await h.newPage();
    await page.goto(h.url());
    await page.getByRole('button', { name: /统一身份认证登录/ }).click();
    await page.locator('#username').fill('wang.wei');
    await page.locator('#password').fill('wrong');
    await page.locator('#kc-login').click();
    await page.getByText('无效的用户名或密码。').waitFor();
    expect(await storedSession(page)).toBeNull();
  });
});

describe('a console session outliving its access token (a client with 65 s tokens)', () => {
  const clientId = `jixiao-console-renewal-${randomBytes(3).toString('hex')}`;
  let admin: KeycloakAdmin;
  beforeAll(async () => {
    admin = await keycloakAdmin(new URL(issuer).origin);
    // the console renews a minute before expiry: five seconds after signing in
    await admin.copyClient('jixiao-console', { 'access.token.lifespan': '65' }, clientId);
  });
  afterAll(() => admin?.dispose());
  const h = useConsoleHarness({ auth: providerAuth(clientId) });

  it('renews the token with the refresh token before it expires, and keeps the page as it was', async () => {
    const page = await h.newPage();
    await page.goto(h.url('goals'));
    await page.getByRole('button', { name: /统一身份认证登录/ }).click();
    await logInAtKeycloak(page, 'wang.fang');
    await page.locator('.ant-table-row').first().waitFor();
    const first = (await storedSession(page))!;
    await page.getByRole('menuitem', { name: '单位列表', exact: true }).click();
    await page.waitForURL(h.url('units'));
    await page.waitForFunction(
      (token) => JSON.parse(sessionStorage.getItem('jixiao.session') ?? 'null')?.token !== token,
      first.token,
      { timeout: 30_000 },
    );
    const renewed = (await storedSession(page))!;
    expect(renewed.expiresAt).toBeGreaterThan(first.expiresAt);
    // the same person, on the same page, now asking with the new token
    expect(page.url()).toBe(h.url('units'));
    expect(await page.getByTestId('current-user').innerText()).toMatch(/王芳[\s\S]*财政局预算科/);
    const answer = await page.evaluate(async (token) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ budgetUnits { totalCount } }' }),
      });
      return response.json();
    }, renewed.token);
    expect(answer).toEqual({ data: { budgetUnits: { totalCount: 8 } } });
  });
});
