import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { devKeyFile, processPlan, testing } from '@jixiao/infra';
import { killAndWait } from '../faults/child-process';
import { devKeyMinter, gqlClient, type TestPlatform } from './platform';

const { TEST_PG_URL, TEST_KAFKA_BROKERS, freshSchemaName, dropSchema } = testing;

/** `npm start` in distributed mode on its own schema, topics and ports, as a child process. */
export async function startDistributed(seedMode: 'none' | 'demo' = 'none', extraEnv: Record<string, string> = {}) {
  const schema = freshSchemaName('dist');
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-dist-'));
  const port = 20000 + Math.floor(Math.random() * 2000) * 10;
  const main = resolve(__dirname, '../../../infra/dist/main.js');
  const supervisor = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      JIXIAO_MODE: 'distributed',
      JIXIAO_STORE: 'postgres',
      JIXIAO_DATABASE_URL: TEST_PG_URL,
      JIXIAO_DATABASE_SCHEMA: schema,
      JIXIAO_KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
      JIXIAO_KAFKA_TOPIC_PREFIX: schema,
      JIXIAO_KAFKA_SESSION_TIMEOUT_MS: '6000',
      JIXIAO_REDIS_URL: testing.TEST_REDIS_URL,
      JIXIAO_PORT: String(port),
      JIXIAO_DATA_DIR: dir,
      JIXIAO_SEED: seedMode,
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started = {
    schema,
    dir,
    port,
    supervisor,
    output: '',
    client: null as unknown as Pick<TestPlatform, 'gql'>,
    /** Ports of the gateway, the services, the workers', the relay's and the reactions' health and the supervisor's status: all closed once the platform is down. */
    async allPortsClosed() {
      for (let offset = 0; offset <= processPlan(port).supervisorPort - port; offset++) {
        const open = await fetch(`http://127.0.0.1:${port + offset}/`).then(
          () => true,
          () => false,
        );
        if (open) return false;
      }
      return true;
    },
    async dispose() {
      await killAndWait(supervisor, 'SIGTERM');
      await dropSchema(schema);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const url = await new Promise<string>((ok, fail) => {
    const collect = (d: Buffer) => {
      started.output += d.toString();
      const ready = /ready in \d+ ms — GraphQL: (\S+)/.exec(started.output);
      if (ready) ok(ready[1]!);
    };
    supervisor.stdout!.on('data', collect);
    supervisor.stderr!.on('data', collect);
    supervisor.once('exit', (code) =>
      fail(new Error(`the platform exited (${code}) before it was ready:\n${started.output}`)),
    );
  });
  started.client = { gql: gqlClient(url, devKeyMinter(devKeyFile(dir), { issuer: 'jixiao-dev', audience: 'jixiao' })) };
  return started;
}
