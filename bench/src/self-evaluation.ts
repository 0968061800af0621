import 'reflect-metadata';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SCALES } from '@jixiao/generator';
import { caughtUp } from './caught-up';
import { servePlatform } from './child';
import { selfEvaluationLoad, spliceSelfEvaluation } from './self-evaluation-load';
import { seedSqlite } from './startup';

const HELP = `npm run bench:self-evaluation -- [--scale tianmen] [--rate 5] [--seconds 30] [--data-dir DIR]
  --scale demo|small|tianmen  the year seeded into a new SQLite file (unless --data-dir names a seeded one)
  --caveat TEXT               said in bold with the figures in results.md
  --no-write                  print the figures only (other scales than tianmen are never written)`;

const log = (text: string) => console.log(`[self-evaluation ${new Date().toISOString().slice(11, 19)}] ${text}`);

/**
 * `npm run bench:self-evaluation`: scoring and submitting self-evaluations of 20-indicator goals (the
 * score preview, then the submission) at a fixed rate on the embedded platform serving a freshly
 * seeded year; the goals and their notice are the bench's own, of the year after, issued through the
 * API before the clock starts. On the tianmen year the figures go to bench/results.json
 * (`selfEvaluation`) and their section of bench/results.md is replaced, the rest kept.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'tianmen' },
      rate: { type: 'string', default: '5' },
      seconds: { type: 'string', default: '30' },
      'data-dir': { type: 'string' },
      caveat: { type: 'string' },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(HELP);
  const rate = Number(values.rate);
  const seconds = Number(values.seconds);
  const scale = values.scale as 'demo' | 'small' | 'tianmen';
  if (!(rate > 0) || !(seconds > 0) || !['demo', 'small', 'tianmen'].includes(scale)) throw new Error(HELP);

  let dir = values['data-dir'];
  let seededDir: string | undefined;
  if (!dir) {
    log(`seeding the ${scale} year into SQLite`);
    const seeded = await seedSqlite(scale);
    log(`seeded ${seeded.events} events in ${Math.round(seeded.ms / 1000)} s`);
    dir = seededDir = seeded.dir;
  }
  const serving = performance.now();
  const served = await servePlatform({ JIXIAO_DATA_DIR: dir });
  try {
    await caughtUp(path.join(dir, 'jixiao.db'));
    log(`serving at ${served.url}; read models caught up in ${Math.round((performance.now() - serving) / 1000)} s`);
    const figures = await selfEvaluationLoad(
      { url: served.url, as: served.credentials.as },
      {
        rate,
        seconds,
        scale,
        fiscalYear: SCALES[scale].fiscalYear + 1,
        how: '`npm run bench:self-evaluation`',
        log,
      },
    );
    if (values.caveat) figures.caveat = values.caveat;
    log(
      `${figures.submitted} of ${figures.started} submitted at ${rate}/s (achieved ${figures.achieved}/s): preview + submit p50/p95/p99 ` +
        `${figures.total.p50}/${figures.total.p95}/${figures.total.p99} ms; errors ${JSON.stringify(figures.errors)}`,
    );
    if (scale !== 'tianmen' || values['no-write']) return console.log(JSON.stringify(figures, null, 2));
    const bench = path.resolve(__dirname, '..');
    const json = JSON.parse(readFileSync(path.join(bench, 'results.json'), 'utf8'));
    json.selfEvaluation = figures;
    writeFileSync(path.join(bench, 'results.json'), `${JSON.stringify(json, null, 2)}\n`);
    const markdown = readFileSync(path.join(bench, 'results.md'), 'utf8');
    writeFileSync(path.join(bench, 'results.md'), spliceSelfEvaluation(markdown, figures));
    log('written to bench/results.json (selfEvaluation) and bench/results.md');
  } finally {
    await served.stop();
    if (seededDir) rmSync(seededDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
