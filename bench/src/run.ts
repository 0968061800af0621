import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appendThroughput } from './append';
import { bulkAndRead } from './bulk';
import { consoleInBrowser } from './console-browser';
import { servePlatform } from './child';
import { graphqlLoad } from './graphql';
import { discoverWorld, mixedLoad, rssOf } from './mixed-load';
import { spliceMixed, type MixedResults } from './mixed-report';
import { signOpinionLoad, spliceSign, type SignFigures } from './sign-opinion-load';
import { selfEvaluationLoad, spliceSelfEvaluation, type SelfEvaluationFigures } from './self-evaluation-load';
import { environment } from './machine';
import { queryCases } from './queries';
import { renderMarkdown } from './report';
import { seedSqlite, coldStart } from './startup';
import { SCALES } from '@jixiao/generator';
import { repeat } from './stats';
import { rebuildOnPostgres } from './rebuild-pg';

const quick = process.argv.includes('--quick');
/** Sizes: `--quick` is a smoke run (< 2 min); the full run stays under 15 min on 2 cores. */
const P = quick
  ? {
      appendOps: [150, 300],
      runs: 1,
      bulkScale: 'demo',
      seedScale: 'small',
      rebuildScale: 'demo',
      rate: 50,
      seconds: 1,
      gqlRuns: 1,
      browserRuns: 1,
      mixedRates: [10],
      mixedSeconds: 20,
      signRate: 2,
      signSeconds: 5,
      selfRate: 2,
      selfSeconds: 5,
    }
  : {
      appendOps: [1500, 4000],
      runs: 3,
      bulkScale: 'tianmen',
      seedScale: 'tianmen',
      rebuildScale: 'tianmen',
      rate: 200,
      seconds: 4,
      gqlRuns: 3,
      browserRuns: 3,
      // the short form of `npm run bench:mixed` (10 min a rate): one minute a rate, stopping at the first that falls behind
      mixedRates: [20, 40, 60, 80, 100],
      mixedSeconds: 60,
      // j: signing disbursement opinions at a fixed rate (the tianmen year has hundreds waiting)
      signRate: 5,
      signSeconds: 30,
      // k: scoring and submitting self-evaluations of 20-indicator goals at a fixed rate (the bench issues those goals first)
      selfRate: 5,
      selfSeconds: 30,
    };

const log = (text: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}`);

/** Runs a stage; a failed stage is reported with its error instead of stopping the others. */
async function stage<T>(name: string, fn: () => Promise<T>): Promise<T | { error: string }> {
  log(name);
  try {
    return await fn();
  } catch (error) {
    log(`${name} failed: ${(error as Error).stack}`);
    return { error: String((error as Error).message) };
  }
}

async function main() {
  const started = Date.now();
  const results: Record<string, unknown> = { mode: quick ? 'quick' : 'full', date: new Date().toISOString() };
  results.environment = await environment();
  results.append = [
    await stage('a. append, 1 writer', () => appendThroughput(1, P.appendOps[0]!, P.runs)),
    await stage('a. append, 16 writers', () => appendThroughput(16, P.appendOps[1]!, P.runs)),
  ];
  results.bulk = await stage(`b/c. bulk import and catch-up read (${P.bulkScale})`, () =>
    bulkAndRead(P.bulkScale as never, P.runs),
  );
  results.coldStart = await stage('g. cold start', async () => repeat(P.runs, () => coldStart()));
  const seeded = await stage(`g. seed ${P.seedScale} into SQLite`, () => seedSqlite(P.seedScale as never));
  results.seed = seeded;
  // the full run serves the very tianmen year it seeded: d (catch-up), e and f on the city's year
  const rebuildSource =
    P.rebuildScale === P.seedScale && !('error' in seeded) ? seeded : await seedSqlite(P.rebuildScale as never);
  const sqlite = await stage(`d/e/f. platform on SQLite (${P.rebuildScale})`, async () => {
    const served = await servePlatform({ JIXIAO_DATA_DIR: rebuildSource.dir });
    try {
      const rebuild = {
        events: served.applied,
        ms: served.rebuildMs,
        perSecond: served.applied / (served.rebuildMs / 1000),
      };
      const rssAfterRebuild = await served.peakRss();
      const goal = await firstIssuedGoal(served.url, await served.credentials.gateway());
      const graphql = [];
      for (const c of queryCases(goal, 2023)) {
        log(`e. ${c.name}`);
        graphql.push(await graphqlLoad(served, c, P.rate, P.seconds, P.gqlRuns));
      }
      const peakRss = await served.peakRss();
      // after the RSS figure: the browser's requests are not part of f
      results.console = await stage(`h. console in the browser (${P.rebuildScale})`, async () =>
        consoleInBrowser(served.url, await served.credentials.gateway(), P.browserRuns),
      );
      // j. its writes sign requests of the queue, which nothing before or after reads
      results.signOpinion = await stage(
        `j. signing disbursement opinions (${P.rebuildScale}, ${P.signRate}/s)`,
        async () =>
          signOpinionLoad(
            { url: served.url, as: served.credentials.as },
            {
              rate: P.signRate,
              seconds: P.signSeconds,
              scale: P.rebuildScale,
              how: `\`npm run bench${quick ? ' -- --quick' : ''}\``,
              log,
            },
          ),
      );
      // k. its writes are the next year's (its own goals, notice and sheets), which nothing after reads
      results.selfEvaluation = await stage(
        `k. scoring and submitting self-evaluations (${P.rebuildScale}, ${P.selfRate}/s)`,
        async () =>
          selfEvaluationLoad(
            { url: served.url, as: served.credentials.as },
            {
              rate: P.selfRate,
              seconds: P.selfSeconds,
              scale: P.rebuildScale,
              fiscalYear: SCALES[P.rebuildScale as 'demo'].fiscalYear + 1,
              how: `\`npm run bench${quick ? ' -- --quick' : ''}\``,
              log,
            },
          ),
      );
      // last: its writes change the year the other stages read
      results.mixedShort = await stage(
        `i. mixed load (${P.rebuildScale}, ${P.mixedRates.join(', ')} req/s)`,
        async () => {
          const target = { url: served.url, as: served.credentials.as, rss: () => rssOf(served.child.pid!) };
          const world = await discoverWorld(target, SCALES[P.rebuildScale as 'demo'].fiscalYear);
          const mixed: MixedResults = {
            date: new Date().toISOString(),
            how: `\`npm run bench${quick ? ' -- --quick' : ''}\` (${P.mixedSeconds} s a rate)`,
            mode: 'embedded',
            scale: P.rebuildScale,
            goals: world.goalCount,
            units: world.units.length,
            cpus: os.cpus().length,
            rates: [],
          };
          for (const rate of P.mixedRates) {
            const figures = await mixedLoad(target, world, { rate, seconds: P.mixedSeconds });
            mixed.rates.push(figures);
            log(
              `i. ${rate} req/s: achieved ${figures.achieved}, p99 reads ${figures.reads.p99} ms, writes ${figures.writes.p99} ms`,
            );
            if (figures.achieved < 0.9 * rate) break;
          }
          return mixed;
        },
      );
      return { rebuild, rssAfterRebuild, graphql, peakRss };
    } finally {
      await served.stop();
    }
  });
  results.sqlite = sqlite;
  rmSync(rebuildSource.dir, { recursive: true, force: true });
  if (!('error' in seeded)) rmSync(seeded.dir, { recursive: true, force: true });
  results.postgres = await stage(`d. rebuild every projection on PostgreSQL (${P.rebuildScale})`, () =>
    rebuildOnPostgres(P.rebuildScale as never, P.runs),
  );
  results.totalSeconds = Math.round((Date.now() - started) / 1000);
  const dir = path.resolve(__dirname, '..');
  const suffix = quick ? '.quick' : '';
  // the 10-minute rates (`npm run bench:mixed`) and the soak (`npm run bench:soak`) are not part of this run: their last figures are kept
  const previousFile = path.join(dir, `results${suffix}.json`);
  const previous = existsSync(previousFile)
    ? (JSON.parse(readFileSync(previousFile, 'utf8')) as Record<string, unknown>)
    : {};
  for (const key of ['mixed', 'soak']) if (previous[key]) results[key] = previous[key];
  writeFileSync(path.join(dir, `results${suffix}.json`), `${JSON.stringify(results, null, 2)}\n`);
  const figures = (v: unknown) => (v && !('error' in (v as object)) ? (v as MixedResults) : undefined);
  let markdown = renderMarkdown(results as never);
  markdown = spliceMixed(markdown, figures(results.mixed), 'rates');
  markdown = spliceMixed(markdown, figures(results.mixedShort), 'short');
  markdown = spliceMixed(markdown, figures(results.soak), 'soak');
  const signed = results.signOpinion as SignFigures | { error: string } | undefined;
  const previousMarkdown = path.join(dir, `results${suffix}.md`);
  markdown = spliceSign(
    markdown,
    signed && !('error' in signed) ? signed : undefined,
    existsSync(previousMarkdown) ? readFileSync(previousMarkdown, 'utf8') : undefined,
  );
  const scored = results.selfEvaluation as SelfEvaluationFigures | { error: string } | undefined;
  markdown = spliceSelfEvaluation(
    markdown,
    scored && !('error' in scored) ? scored : undefined,
    existsSync(previousMarkdown) ? readFileSync(previousMarkdown, 'utf8') : undefined,
  );
  writeFileSync(path.join(dir, `results${suffix}.md`), markdown);
  log(`done in ${results.totalSeconds} s → bench/results${suffix}.md, bench/results${suffix}.json`);
}

async function firstIssuedGoal(url: string, auth: Record<string, string>): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({ query: '{ goals(filter: { status: ISSUED }, page: { first: 1 }) { nodes { id } } }' }),
  });
  const answer = (await response.json()) as { data: { goals: { nodes: { id: string }[] } } };
  return answer.data.goals.nodes[0]!.id;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
