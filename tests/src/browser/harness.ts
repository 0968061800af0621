import { builtConsoleDir, chromiumLaunchOptions, consoleUrlOf, type AuthConfig } from '@jixiao/infra';
import type { Role } from '@jixiao/service-kit';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestPlatform } from '../support/platform';
import { watchConsoleErrors, type ConsoleErrors } from './console-errors';

export { checkAccessibility } from './accessibility';
export { screenshot, SCREENSHOTS_DIR } from './screenshots';
export { signInAs, tokenSession, type Who } from './sign-in';

type Platform = Awaited<ReturnType<typeof startTestPlatform>>;

/** A running platform serving the built console, and a Chromium to open pages in. */
export interface ConsoleHarness {
  /** The embedded platform (its `gql`, `mint`, `store` …), seeded as asked. */
  readonly platform: Platform;
  readonly browser: Browser;
  /** The console's address for a path of its own: `url('goals')` → http://127.0.0.1:<port>/console/goals. */
  url(path?: string): string;
  /**
   * A page in a browser context of its own (its own session storage: one identity per page; open
   * several for several people in one test). Errors the page logs fail the test after it ends,
   * except those matched by `allowConsoleErrors`.
   */
  newPage(options?: { locale?: string; viewport?: { width: number; height: number } }): Promise<Page>;
  /** Lets `page` log errors matching `pattern` (e.g. the HTTP 401 a refused token brings). */
  allowConsoleErrors(page: Page, pattern: RegExp): void;
}

export interface HarnessOptions {
  /** The demo city-year (default), or an empty store. */
  seed?: 'demo' | 'none';
  /** Sign-in at an identity provider instead of the demo sign-in (the auth `loadConfig` makes of JIXIAO_OIDC_ISSUER). */
  auth?: Pick<AuthConfig, 'issuer' | 'key' | 'oidc'>;
}

/**
 * Registers jest hooks that start the platform (own temp dir, dev key, the demo year) and Chromium
 * before the file's tests and stop them after; every test's pages are closed after it, and a page
 * that logged an error (console.error, an uncaught exception) fails that test.
 *
 * @example
 * const h = useConsoleHarness();
 * it('shows the goals', async () => {
 *   const page = await h.newPage();
 *   await signInAs(page, h, { role: 'AUDITOR' });
 * });
 */
export function useConsoleHarness(options: HarnessOptions = {}): ConsoleHarness {
  let platform: Platform | undefined;
  let browser: Browser | undefined;
  let contexts: { context: BrowserContext; errors: ConsoleErrors }[] = [];
  const errorsOf = new WeakMap<Page, ConsoleErrors>();

  beforeAll(async () => {
    if (!builtConsoleDir()) throw new Error('console/dist is missing: run `npm run build` first (控制台尚未构建)');
    [platform, browser] = await Promise.all([
      startTestPlatform({ seed: options.seed ?? 'demo', auth: options.auth }).then(async (started) => {
        await started.caughtUp();
        return started;
      }),
      chromium.launch(chromiumLaunchOptions()),
    ]);
  });

  afterEach(async () => {
    const closing = contexts;
    contexts = [];
    const logged = closing.flatMap(({ errors }) => errors.unexpected());
    await Promise.all(closing.map(({ context }) => context.close()));
    if (logged.length > 0) throw new Error(`the page logged errors:\n${logged.join('\n')}`);
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.dispose();
  });

  const started = () => {
    if (!platform || !browser) throw new Error('the harness starts in beforeAll: use it inside a test');
    return { platform, browser };
  };
  return {
    get platform() {
      return started().platform;
    },
    get browser() {
      return started().browser;
    },
    url: (path = '') => new URL(path.replace(/^\//, ''), consoleUrlOf(started().platform.url)).toString(),
    async newPage({ locale = 'zh-CN', viewport = { width: 1440, height: 900 } } = {}) {
      const context = await started().browser.newContext({ locale, viewport, timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      const errors = watchConsoleErrors(page);
      errorsOf.set(page, errors);
      contexts.push({ context, errors });
      return page;
    },
    allowConsoleErrors(page, pattern) {
      const errors = errorsOf.get(page);
      if (!errors) throw new Error('allowConsoleErrors: the page was not opened by this harness');
      errors.allow(pattern);
    },
  };
}

export type { Role };
