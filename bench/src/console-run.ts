import 'reflect-metadata';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { servePlatform } from './child';
import { consoleInBrowser } from './console-browser';
import { spliceConsole } from './report';
import { seedSqlite } from './startup';

/**
 * `node --max-semi-space-size=64 bench/dist/console-run.js [--scale tianmen] [--runs 3]`: stage h of
 * `npm run bench` on its own — seeds the scale into SQLite, serves it, measures the console in the
 * browser. On the tianmen year the figures replace `console` in bench/results.json and stage h's rows
 * and section in results.md (the rest of it kept); other scales only print them.
 */
async function main() {
  const { values } = parseArgs({
    options: { scale: { type: 'string', default: 'tianmen' }, runs: { type: 'string', default: '3' } },
  });
  const scale = values.scale as 'demo' | 'small' | 'tianmen';
  const log = (text: string) => console.log(`[console ${new Date().toISOString().slice(11, 19)}] ${text}`);
  log(`seeding ${scale}`);
  const seeded = await seedSqlite(scale);
  log(`seeded ${seeded.events} events in ${Math.round(seeded.ms / 1000)} s; serving`);
  const served = await servePlatform({ JIXIAO_DATA_DIR: seeded.dir });
  try {
    log(`caught up in ${Math.round(served.rebuildMs / 1000)} s; measuring in the browser`);
    const figures = await consoleInBrowser(served.url, await served.credentials.gateway(), Number(values.runs));
    console.log(JSON.stringify(figures, null, 2));
    if (scale !== 'tianmen') return;
    const dir = path.resolve(__dirname, '..');
    const results = JSON.parse(readFileSync(path.join(dir, 'results.json'), 'utf8'));
    results.console = { ...figures, date: new Date().toISOString(), scale };
    writeFileSync(path.join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    const markdown = readFileSync(path.join(dir, 'results.md'), 'utf8');
    writeFileSync(path.join(dir, 'results.md'), spliceConsole(markdown, results));
    log('written to bench/results.json and bench/results.md');
  } finally {
    await served.stop();
    rmSync(seeded.dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
