import type { Role } from '@jixiao/service-kit';
import type { Page } from 'playwright-core';
import type { ConsoleHarness } from './harness';

/** Who signs in: a role; a unit (by its code) for a budget unit or department; a user id where it matters. */
export interface Who {
  role: Role;
  /** The unit's code, e.g. 429006101 — needed for BUDGET_UNIT and DEPARTMENT. */
  unitCode?: string;
  /** Defaults to what the sign-in page suggests: the role's first demo user, or `<unit code>.staff`. */
  userId?: string;
}

interface DemoIdentities {
  roles: { role: Role; label: string; needsUnit: boolean; users: string[] }[];
  units: { id: string; name: string; code: string }[];
}

async function identities(h: ConsoleHarness): Promise<DemoIdentities> {
  const response = await fetch(h.url('dev/identities'));
  if (!response.ok) throw new Error(`demo identities: HTTP ${response.status}`);
  return (await response.json()) as DemoIdentities;
}

/** Opens the antd Select labelled `field` and clicks the option whose text is (or contains) `option`. */
async function pickOption(page: Page, field: string, option: string, search?: string): Promise<void> {
  const input = page.getByLabel(field, { exact: true });
  await input.click();
  if (search !== undefined) await input.fill(search);
  // the open list is the one this input controls (a closing one may still be fading out)
  const list = await input.getAttribute('aria-controls');
  const dropdown = page.locator('.ant-select-dropdown', { has: page.locator(`[id="${list}"]`) });
  const wanted = dropdown.locator('.ant-select-item-option', { hasText: option }).first();
  await dropdown.waitFor();
  // a long list is virtual: only the options in view exist, so walk down to the one wanted
  for (let step = 0; step < 60 && !(await wanted.isVisible()); step++) await input.press('ArrowDown');
  await wanted.click();
}

/**
 * Signs in through the console's own demo sign-in page, as a person would: picks the role, the unit
 * and the user, clicks 登录 and waits for the console's frame. The page must come from `h.newPage()`.
 */
export async function signInAs(page: Page, h: ConsoleHarness, who: Who): Promise<void> {
  const { roles, units } = await identities(h);
  const role = roles.find((r) => r.role === who.role);
  if (!role) throw new Error(`signInAs: no role ${who.role} on the sign-in page`);
  await page.goto(h.url());
  await pickOption(page, '角色', role.label);
  if (role.needsUnit) {
    const unit = units.find((u) => u.code === who.unitCode);
    if (!unit) throw new Error(`signInAs: ${who.role} needs a unitCode of the demo data (got ${who.unitCode})`);
    await pickOption(page, '所属单位', `（${unit.code}）`, unit.code);
  }
  if (who.userId) {
    const user = page.getByLabel('用户', { exact: true });
    if ((await user.getAttribute('role')) === 'combobox') await pickOption(page, '用户', who.userId);
    else await user.fill(who.userId);
  }
  await page.getByRole('button', { name: /登录/ }).click();
  await page.getByTestId('current-user').waitFor();
}

/**
 * The quick way in: a token minted with the platform's dev key, stored as the console's session
 * before the page loads, then `path` opened. `expiresIn` (seconds or e.g. '5s') makes a short token;
 * `sessionExpiresAt` (ms) stores another expiry than the token's, e.g. to let the platform refuse it.
 */
export async function tokenSession(
  page: Page,
  h: ConsoleHarness,
  who: Who & { expiresIn?: string | number; sessionExpiresAt?: number },
  path = '',
): Promise<void> {
  const unitId = who.unitCode ? (await identities(h)).units.find((u) => u.code === who.unitCode)?.id : null;
  if (who.unitCode && !unitId) throw new Error(`tokenSession: no unit ${who.unitCode} in the demo data`);
  const userId = who.userId ?? (who.unitCode ? `${who.unitCode}.staff` : `test.${who.role.toLowerCase()}`);
  const token = await h.platform.mint({ role: who.role, unitId, userId }, { expiresIn: who.expiresIn ?? '1h' });
  const { exp } = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number };
  const session = {
    token,
    expiresAt: who.sessionExpiresAt ?? exp * 1000,
    via: 'dev',
    identity: { userId, role: who.role, unitId: unitId ?? null, name: userId },
  };
  // once per tab: a sign-out followed by a reload must stay signed out
  await page.addInitScript((value) => {
    try {
      if (sessionStorage.getItem('jixiao.harness.session')) return;
      sessionStorage.setItem('jixiao.session', value);
      sessionStorage.setItem('jixiao.harness.session', 'set');
    } catch {
      // about:blank and other opaque origins have no session storage
    }
  }, JSON.stringify(session));
  await page.goto(h.url(path));
}
