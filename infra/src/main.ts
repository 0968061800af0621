import 'reflect-metadata';
import { loadConfig } from './config/config';
import { startAllProcesses } from './distributed/supervisor';
import { startPlatform } from './platform/platform';
import { consoleUrlOf } from './console/console-site';

/**
 * `npm start`: the embedded platform, with the GraphQL URL printed once it answers; in
 * distributed mode (or with `--local-distributed`), every process of the distributed platform.
 */
async function main() {
  if (process.argv.includes('--local-distributed')) return startAllProcesses({ local: true });
  const started = Date.now();
  const config = loadConfig();
  if (config.mode === 'distributed') return startAllProcesses();
  const platform = await startPlatform(config);
  const where = config.storage.kind === 'sqlite' ? config.storage.file : `PostgreSQL schema ${config.storage.schema}`;
  if (platform.seeded) {
    const { scale, events, ms } = platform.seeded;
    console.log(
      `示例数据已载入 (seeded the ${scale} city-year: ${events} events in ${ms} ms; JIXIAO_SEED=none to start empty)`,
    );
  }
  console.log(
    `绩效 Jixiao ready in ${Date.now() - started} ms — GraphQL: ${platform.url}  控制台 (console): ${consoleUrlOf(platform.url)}  (store: ${where})`,
  );
  const stop = async () => {
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
