import { catalog, CONTEXTS } from '@jixiao/contexts';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedCityYear, SCALES } from '@jixiao/generator';
import { devKeyFile, loadOrCreateDevKey, SqliteEventStore } from '@jixiao/infra';
import { mintToken } from '@jixiao/service-kit';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** g. `node infra/dist/main.js` on an empty data folder (so it seeds the demo) until it answers a query. */
export async function coldStart(): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-cold-'));
  const port = await freePort();
  // the dev key `npm start` would create, made first so the query can carry a token (as `npm run token` does)
  const { privateKey } = loadOrCreateDevKey(devKeyFile(dir));
  const token = await mintToken(
    privateKey,
    { userId: 'bench.cold', role: 'AUDITOR' },
    { issuer: 'jixiao-dev', audience: 'jixiao' },
  );
  const started = performance.now();
  // the parent's V8 flags, not an `-e` script of its own (run as `node -e '…coldStart()'`, the child would run it again)
  const flags = process.execArgv.filter((arg) => arg.startsWith('--') && !/^--(eval|print)\b/.test(arg));
  const child = spawn(process.execPath, [...flags, path.resolve(__dirname, '../../infra/dist/main.js')], {
    env: { ...process.env, JIXIAO_DATA_DIR: dir, JIXIAO_PORT: String(port), JIXIAO_SEED: 'demo' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      const answer = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ budgetUnits { totalCount } }' }),
      }).then(
        (r) => r.json() as Promise<{ data?: { budgetUnits?: { totalCount: number } } }>,
        () => null,
      );
      if (answer?.data?.budgetUnits?.totalCount) return performance.now() - started;
      if (performance.now() - started > 60_000) throw new Error('no answer within 60 s');
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

/** g. Seeds a scale into a new SQLite file; returns the folder (for later stages), events and time. */
export async function seedSqlite(scale: keyof typeof SCALES) {
  const dir = mkdtempSync(path.join(tmpdir(), `jixiao-${scale}-`));
  const store = new SqliteEventStore({ file: path.join(dir, 'jixiao.db'), catalog });
  try {
    const report = await seedCityYear(store, { contexts: CONTEXTS, scale: SCALES[scale] });
    return { dir, events: report.events, ms: report.ms };
  } finally {
    await store.close();
  }
}
