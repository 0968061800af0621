import 'reflect-metadata';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SCALES } from '@jixiao/generator';
import { loadOrCreateDevKey } from '@jixiao/infra';
import { mintToken } from '@jixiao/service-kit';
import { caughtUp } from './caught-up';
import { servePlatform, type Caller } from './child';
import { discoverWorld, mixedLoad, rssOf, type MixedTarget } from './mixed-load';
import { spliceMixed, type MixedResults } from './mixed-report';
import { seedSqlite } from './startup';

const HELP = `npm run bench:mixed -- [--rates 20,40,60,80,100] [--minutes 10] [--scale tianmen] [--data-dir DIR]
npm run bench:soak  -- [--rate 20] [--minutes 30]
  --seconds S        instead of --minutes (short trials)
  --all              go on to higher rates after one that could not keep up (< 90 % achieved)
  --caveat TEXT      said in bold with the figures in results.md
  --no-write         print the figures only (other scales than tianmen are never written)
  --url URL --dev-key FILE [--issuer jixiao-dev] [--pids 1,2] [--mode distributed]
                     load a platform already running (e.g. distributed mode), tokens signed with its dev key,
                     RSS summed over the given processes`;

const log = (text: string) => console.log(`[mixed ${new Date().toISOString().slice(11, 19)}] ${text}`);

/** A platform started elsewhere: tokens from its dev key, RSS of the processes named. */
function externalTarget(url: string, keyFile: string, issuer: string, pids: number[]): MixedTarget {
  const { privateKey } = loadOrCreateDevKey(keyFile);
  const tokens = new Map<string, Promise<string>>();
  return {
    url,
    async as(caller: Caller) {
      const key = `${caller.role} ${caller.unitId} ${caller.userId}`;
      if (!tokens.has(key)) tokens.set(key, mintToken(privateKey, caller, { issuer, audience: 'jixiao' }));
      return { authorization: `Bearer ${await tokens.get(key)}` };
    },
    rss: () => {
      if (pids.length === 0) return null;
      const each = pids.map(rssOf);
      return each.some((b) => b === null) ? null : each.reduce((a, b) => a! + b!, 0);
    },
  };
}

/**
 * `npm run bench:mixed` / `npm run bench:soak`: the mixed load of issue 20 at each rate in turn,
 * on the embedded platform serving a freshly seeded year (or a platform given by --url). On the
 * tianmen year the figures go to bench/results.json (`mixed`, or `soak`) and their section of
 * bench/results.md is replaced, the rest of the file kept.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      rates: { type: 'string', default: '20,40,60,80,100' },
      rate: { type: 'string', default: '20' },
      minutes: { type: 'string' },
      seconds: { type: 'string' },
      soak: { type: 'boolean', default: false },
      scale: { type: 'string', default: 'tianmen' },
      'data-dir': { type: 'string' },
      all: { type: 'boolean', default: false },
      caveat: { type: 'string' },
      'no-write': { type: 'boolean', default: false },
      url: { type: 'string' },
      'dev-key': { type: 'string' },
      issuer: { type: 'string', default: 'jixiao-dev' },
      pids: { type: 'string', default: '' },
      mode: { type: 'string', default: 'embedded' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(HELP);
  const soak = values.soak;
  const rates = (soak ? values.rate : values.rates).split(',').map(Number);
  const seconds = values.seconds ? Number(values.seconds) : Number(values.minutes ?? (soak ? 30 : 10)) * 60;
  if (rates.some((r) => !(r > 0)) || !(seconds > 0)) throw new Error(`bad rates or duration\n${HELP}`);
  const scale = values.scale as 'demo' | 'small' | 'tianmen';

  let target: MixedTarget;
  let stop = async () => {};
  if (values.url) {
    if (!values['dev-key']) throw new Error(`--url needs --dev-key\n${HELP}`);
    const pids = values.pids ? values.pids.split(',').map(Number) : [];
    target = externalTarget(values.url, values['dev-key'], values.issuer, pids);
  } else {
    let dir = values['data-dir'];
    if (!dir) {
      log(`seeding the ${scale} year into SQLite`);
      const seeded = await seedSqlite(scale);
      log(`seeded ${seeded.events} events in ${Math.round(seeded.ms / 1000)} s`);
      dir = seeded.dir;
      const seededDir = dir;
      stop = async () => rmSync(seededDir, { recursive: true, force: true });
    }
    const serving = performance.now();
    const served = await servePlatform({ JIXIAO_DATA_DIR: dir });
    // the child stops waiting after 10 min; a loaded machine can take longer, and a load during catch-up measures that
    await caughtUp(path.join(dir, 'jixiao.db'));
    log(`serving at ${served.url}; read models caught up in ${Math.round((performance.now() - serving) / 1000)} s`);
    const removeSeed = stop;
    stop = async () => {
      await served.stop();
      await removeSeed();
    };
    target = { url: served.url, as: served.credentials.as, rss: () => rssOf(served.child.pid!) };
  }

  try {
    const fiscalYear = SCALES[scale].fiscalYear;
    const world = await discoverWorld(target, fiscalYear);
    const goals = world.goalCount;
    log(
      `${world.units.length} units, ${goals} goals of ${fiscalYear}; ${rates.join(', ')} req/s for ${seconds} s each`,
    );
    const results: MixedResults = {
      date: new Date().toISOString(),
      how: soak ? '`npm run bench:soak`' : '`npm run bench:mixed`',
      mode: values.mode === 'distributed' ? 'distributed' : 'embedded',
      scale,
      goals,
      units: world.units.length,
      cpus: os.cpus().length,
      rates: [],
      ...(values.caveat ? { caveat: values.caveat } : {}),
    };
    for (const rate of rates) {
      const figures = await mixedLoad(target, world, { rate, seconds, log });
      results.rates.push(figures);
      log(
        `${rate} req/s: achieved ${figures.achieved}, reads p50/p95/p99 ${figures.reads.p50}/${figures.reads.p95}/${figures.reads.p99} ms, ` +
          `writes ${figures.writes.p50}/${figures.writes.p95}/${figures.writes.p99} ms, errors ${JSON.stringify(figures.errors)}, ` +
          `RSS ${figures.rss?.startMiB} → ${figures.rss?.endMiB} MiB (${figures.rss?.slopeMiBPerMinute} MiB/min), ${figures.holds ? 'held' : 'did not hold'}`,
      );
      if (!values.all && figures.achieved < 0.9 * rate && rate !== rates[rates.length - 1]) {
        log(`${rate} req/s could not keep up (achieved ${figures.achieved}): higher rates not run (--all runs them)`);
        break;
      }
    }
    if (scale !== 'tianmen' || values['no-write']) return console.log(JSON.stringify(results, null, 2));
    const dir = path.resolve(__dirname, '..');
    const key = soak ? 'soak' : 'mixed';
    const json = JSON.parse(readFileSync(path.join(dir, 'results.json'), 'utf8'));
    json[key] = results;
    writeFileSync(path.join(dir, 'results.json'), `${JSON.stringify(json, null, 2)}\n`);
    const markdown = readFileSync(path.join(dir, 'results.md'), 'utf8');
    writeFileSync(path.join(dir, 'results.md'), spliceMixed(markdown, results, soak ? 'soak' : 'rates'));
    log(`written to bench/results.json (${key}) and bench/results.md`);
  } finally {
    await stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
