import { loadConfig, type DistributedConfig, type PlatformConfig } from '../config/config';

/** The configuration of a distributed-mode process; refuses to start in embedded mode. */
export function loadDistributedConfig(env: NodeJS.ProcessEnv = process.env): {
  config: PlatformConfig;
  postgres: { connectionString: string; schema: string };
  distributed: DistributedConfig;
} {
  const config = loadConfig(env);
  if (config.mode !== 'distributed' || !config.distributed || config.storage.kind !== 'postgres') {
    throw new Error('此进程仅用于分布式模式 (this process runs in distributed mode only): set JIXIAO_MODE=distributed');
  }
  return { config, postgres: config.storage, distributed: config.distributed };
}

/** Stops cleanly on SIGINT/SIGTERM and exits non-zero on a start-up error. */
export function runProcess(name: string, start: () => Promise<() => Promise<void>>): void {
  start()
    .then((stop) => {
      const shutdown = () => {
        stop()
          .catch((error: Error) => console.error(`${name}: ${error.message}`))
          .finally(() => process.exit(0));
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    })
    .catch((error: Error) => {
      console.error(`${name}: ${error.message}`);
      process.exit(1);
    });
}
