import 'reflect-metadata';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { caughtUp } from './caught-up';
import { servePlatform } from './child';
import type { Percentiles, SignTarget } from './sign-opinion-load';
import { seedSqlite } from './startup';

type Scale = 'demo' | 'small' | 'tianmen';

/** What a fixed-rate bench of one operation measures (sign-opinion-load, self-evaluation-load). */
export interface PacedFigures {
  rate: number;
  started: number;
  achieved: number;
  total: Percentiles;
  errors: Record<string, number>;
  caveat?: string;
}

export interface PacedBench<F extends PacedFigures> {
  /** The npm script, e.g. `bench:sign`. */
  script: string;
  /** The log lines' prefix. */
  name: string;
  /** The figures' key in bench/results.json. */
  resultKey: string;
  load(
    target: SignTarget,
    options: { rate: number; seconds: number; scale: Scale; how: string; log: (text: string) => void },
  ): Promise<F>;
  /** One line on what was done, before the percentiles. */
  summary(figures: F): string;
  /** bench/results.md with this bench's section replaced. */
  splice(markdown: string, figures: F): string;
}

/**
 * The command line of a fixed-rate bench: seeds the scale's year into a new SQLite file (unless
 * `--data-dir` names a seeded one), serves it, runs the load, and on the tianmen year writes the
 * figures to bench/results.json and the bench's section of bench/results.md (the rest kept).
 */
export function runPacedBench<F extends PacedFigures>(bench: PacedBench<F>): void {
  const help = `npm run ${bench.script} -- [--scale tianmen] [--rate 5] [--seconds 30] [--data-dir DIR]
  --scale demo|small|tianmen  the year seeded into a new SQLite file (unless --data-dir names a seeded one)
  --caveat TEXT               said in bold with the figures in results.md
  --no-write                  print the figures only (other scales than tianmen are never written)`;
  const log = (text: string) => console.log(`[${bench.name} ${new Date().toISOString().slice(11, 19)}] ${text}`);
  const main = async () => {
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
    if (values.help) return console.log(help);
    const rate = Number(values.rate);
    const seconds = Number(values.seconds);
    const scale = values.scale as Scale;
    if (!(rate > 0) || !(seconds > 0) || !['demo', 'small', 'tianmen'].includes(scale)) throw new Error(help);

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
      const target = { url: served.url, as: served.credentials.as };
      const figures = await bench.load(target, { rate, seconds, scale, how: `\`npm run ${bench.script}\``, log });
      if (values.caveat) figures.caveat = values.caveat;
      const { p50, p95, p99 } = figures.total;
      log(`${bench.summary(figures)} p50/p95/p99 ${p50}/${p95}/${p99} ms; errors ${JSON.stringify(figures.errors)}`);
      if (scale !== 'tianmen' || values['no-write']) return console.log(JSON.stringify(figures, null, 2));
      const folder = path.resolve(__dirname, '..');
      const json = JSON.parse(readFileSync(path.join(folder, 'results.json'), 'utf8'));
      json[bench.resultKey] = figures;
      writeFileSync(path.join(folder, 'results.json'), `${JSON.stringify(json, null, 2)}\n`);
      const markdown = readFileSync(path.join(folder, 'results.md'), 'utf8');
      writeFileSync(path.join(folder, 'results.md'), bench.splice(markdown, figures));
      log(`written to bench/results.json (${bench.resultKey}) and bench/results.md`);
    } finally {
      await served.stop();
      if (seededDir) rmSync(seededDir, { recursive: true, force: true });
    }
  };
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
