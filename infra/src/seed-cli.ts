import 'reflect-metadata';
import { parseArgs } from 'node:util';
import path from 'node:path';
import { CONTEXTS } from '@jixiao/contexts';
import { scaleNamed, seedCityYear } from '@jixiao/generator';
import { loadConfig } from './config/config';
import { openStore } from './platform/platform';

const USAGE = `npm run seed -- --scale <demo|small|tianmen> [--data-dir <dir>] [--seed <n>] [--batch <appends>]
  Generates a city-year through the deciders and appends it to an EMPTY store (SQLite under
  --data-dir, default JIXIAO_DATA_DIR or data/; PostgreSQL when JIXIAO_STORE=postgres).
  The read models are built by the projection runner when the platform next starts.`;

/** `npm run seed`: a city-year of any scale into an empty store, through the bulk append path. */
async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'demo' },
      'data-dir': { type: 'string' },
      seed: { type: 'string', default: '2023' },
      batch: { type: 'string', default: '2000' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const scale = scaleNamed(values.scale);
  const env: NodeJS.ProcessEnv = { ...process.env, JIXIAO_SEED: 'none' };
  if (values['data-dir']) env.JIXIAO_DATA_DIR = path.resolve(values['data-dir']);
  const config = loadConfig(env);
  const store = await openStore(config.storage);
  try {
    if ((await store.readAll({ limit: 1 })).length > 0) {
      throw new Error('存储中已有事件，只能向空存储载入数据 (the store already holds events; seed an empty one)');
    }
    const report = await seedCityYear(store, {
      contexts: CONTEXTS,
      scale,
      seed: Number(values.seed),
      batchSize: Number(values.batch),
      onProgress: (n) => process.stdout.write(`\r${n} events`),
    });
    const where = config.storage.kind === 'sqlite' ? config.storage.file : `PostgreSQL schema ${config.storage.schema}`;
    const rate = Math.round(report.events / (report.ms / 1000));
    console.log(`\n已载入 ${scale.name} (seeded): ${report.events} events in ${report.ms} ms (${rate}/s) → ${where}`);
  } finally {
    await store.close();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  console.error(USAGE);
  process.exit(1);
});
