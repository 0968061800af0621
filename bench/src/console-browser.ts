import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtConsoleDir, chromiumLaunchOptions, consoleUrlOf } from '@jixiao/infra';
import { chromium, type Browser, type Page } from 'playwright-core';
import { figureOf, type Figure } from './stats';

/** h. The console in Debian's chromium against a served platform, and the production bundle's size. */
export interface ConsoleFigures {
  goals: number;
  rows: number;
  /** Home page, cold (new browser context): first contentful paint, and the year's figures on screen. */
  homeFcp: Figure;
  homeMeaningful: Figure;
  /** JS and CSS the home page loaded (decoded bytes). */
  homeBytes: number;
  /** The goals list opened cold at 200 a page: the rows on screen, then the main thread idle. */
  goalsRows: Figure;
  goalsIdle: Figure;
  /** On the goals list, 200 a page picked in the size changer: from the click to the rows, and to idle. */
  switchRows: Figure | null;
  switchIdle: Figure | null;
  bundle: { files: { name: string; raw: number; gzip: number }[]; raw: number; gzip: number };
  /** The machine's 1-minute load average before and after the measurement (2 cores shared). */
  load: [number, number];
}

const GOALS = '{ goals(filter: { fiscalYear: 2023 }, page: { first: 1 }) { totalCount } }';

/** Every file of the built console's assets, raw and gzipped (level 9). */
export function bundleSize(): ConsoleFigures['bundle'] {
  const dir = builtConsoleDir();
  if (!dir) throw new Error('console/dist is missing: npm run build');
  const assets = path.join(dir, 'assets');
  const files = readdirSync(assets)
    .filter((name) => /\.(js|css)$/.test(name))
    .map((name) => {
      const bytes = readFileSync(path.join(assets, name));
      return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    })
    .sort((a, b) => b.raw - a.raw);
  const sum = (key: 'raw' | 'gzip') => files.reduce((total, file) => total + file[key], 0);
  return { files, raw: sum('raw'), gzip: sum('gzip') };
}

/** Resolves, in the page, with performance.now() at the first animation frame where `predicate` holds. */
async function when(page: Page, predicate: string, timeout = 60_000): Promise<number> {
  const handle = await page.waitForFunction(
    `(() => { try { return (${predicate}) ? performance.now() : 0; } catch { return 0; } })()`,
    undefined,
    { polling: 'raf', timeout },
  );
  return (await handle.jsonValue()) as number;
}

/** performance.now() at the page's next idle period: nothing left to run on the main thread. */
const idle = (page: Page) =>
  page.evaluate(() => new Promise<number>((resolve) => requestIdleCallback(() => resolve(performance.now()))));

const rowsShown = (rows: number) => `document.querySelectorAll('.ant-table-tbody tr.ant-table-row').length >= ${rows}`;
/** The home page's 绩效目标 figure shows a number: the year's figures are on screen. */
const HOME_FIGURES = `[...document.querySelectorAll('.ant-statistic')].some((s) =>
  s.querySelector('.ant-statistic-title')?.textContent === '绩效目标' &&
  /\\d/.test(s.querySelector('.ant-statistic-content')?.textContent ?? ''))`;

/**
 * Opens the console as a performance-section official (every unit's goals), each run in a new
 * browser context (nothing cached): the home page, the goals list at 200 a page, and the switch to
 * 200 a page on the list. Times are from the navigation's start (or the click), in the page's clock.
 */
export async function consoleInBrowser(graphqlUrl: string, auth: Record<string, string>, runs: number) {
  const answer = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({ query: GOALS }),
  }).then((r) => r.json() as Promise<{ data: { goals: { totalCount: number } } }>);
  const goals = answer.data.goals.totalCount;
  const loadBefore = loadavg()[0]!;
  const rows = Math.min(200, goals);
  const token = auth.authorization!.replace(/^Bearer /, '');
  const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
  const session = JSON.stringify({
    token,
    expiresAt: Number(claims.exp) * 1000,
    via: 'dev',
    identity: { userId: claims.sub, role: claims.role, unitId: null, name: claims.sub },
  });
  const url = (p: string) => new URL(p, consoleUrlOf(graphqlUrl)).toString();
  const browser: Browser = await chromium.launch(chromiumLaunchOptions());
  const open = async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    await context.addInitScript((value) => sessionStorage.setItem('jixiao.session', value), session);
    return { context, page: await context.newPage() };
  };
  const figures = {
    fcp: [],
    meaningful: [],
    bytes: [],
    goalsRows: [],
    goalsIdle: [],
    switchRows: [],
    switchIdle: [],
  } as Record<string, number[]>;
  const push = (run: Record<string, number>) =>
    Object.entries(run).forEach(([key, value]) => figures[key]!.push(value));
  try {
    // one unmeasured visit first: the platform's own first answers (caches, prepared statements) are not the console's
    for (let run = -1; run < runs; run++) {
      const home = await open();
      await home.page.goto(url(''));
      const meaningful = await when(home.page, HOME_FIGURES);
      const paint = await home.page.evaluate(() => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
        const bytes = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((e) => /\.(js|css)$/.test(new URL(e.name).pathname))
          .reduce((sum, e) => sum + e.decodedBodySize, 0);
        return { fcp, bytes };
      });
      await home.context.close();

      const list = await open();
      await list.page.goto(url(`goals?size=200`));
      const listRows = await when(list.page, rowsShown(rows));
      const listIdle = await idle(list.page);
      await list.context.close();

      // antd shows the size changer only past 50 rows (not on the demo year)
      if (goals <= 50) {
        if (run >= 0)
          push({ fcp: paint.fcp, meaningful, bytes: paint.bytes, goalsRows: listRows, goalsIdle: listIdle });
        continue;
      }
      const pick = await open();
      await pick.page.goto(url('goals'));
      await when(pick.page, rowsShown(Math.min(20, goals)));
      await idle(pick.page);
      await pick.page.locator('.ant-pagination-options .ant-select').click();
      const option = pick.page.locator('.ant-select-item-option[title="200 条/页"]');
      await option.waitFor();
      const clicked = await pick.page.evaluate(() => performance.now());
      await option.click();
      const switchRows = (await when(pick.page, rowsShown(rows))) - clicked;
      const switchIdle = (await idle(pick.page)) - clicked;
      await pick.context.close();

      if (run >= 0)
        push({
          fcp: paint.fcp,
          meaningful,
          bytes: paint.bytes,
          goalsRows: listRows,
          goalsIdle: listIdle,
          switchRows,
          switchIdle,
        });
    }
  } finally {
    await browser.close();
  }
  return {
    goals,
    rows,
    homeFcp: figureOf(figures.fcp!),
    homeMeaningful: figureOf(figures.meaningful!),
    homeBytes: figureOf(figures.bytes!).median,
    goalsRows: figureOf(figures.goalsRows!),
    goalsIdle: figureOf(figures.goalsIdle!),
    switchRows: figures.switchRows!.length ? figureOf(figures.switchRows!) : null,
    switchIdle: figures.switchIdle!.length ? figureOf(figures.switchIdle!) : null,
    bundle: bundleSize(),
    load: [loadBefore, loadavg()[0]!],
  } satisfies ConsoleFigures;
}
