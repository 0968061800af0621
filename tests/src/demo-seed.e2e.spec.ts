import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatform, type RunningPlatform } from '@jixiao/infra';

const QUERY = `{ budgetUnits { totalCount } goals(filter: { fiscalYear: 2023 }) { totalCount nodes { status unit { name } indicators { name } } } }`;

async function ask(platform: RunningPlatform) {
  const response = await fetch(platform.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  });
  return (await response.json()) as {
    data: { budgetUnits: { totalCount: number }; goals: { totalCount: number; nodes: { unit: { name: string } }[] } };
  };
}

describe('a first start on an empty store (JIXIAO_SEED=demo)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-demo-'));
  const start = () =>
    startPlatform({
      host: '127.0.0.1',
      port: 0,
      production: false,
      storage: { kind: 'sqlite', file: join(dir, 'jixiao.db') },
      seed: 'demo',
    });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers the first query with the demo city, and does not seed it again on the next start', async () => {
    const first = await start();
    expect(first.seeded?.events).toBeGreaterThan(100);
    await first.caughtUp();
    const answer = await ask(first);
    expect(answer.data.budgetUnits.totalCount).toBe(8);
    expect(answer.data.goals.totalCount).toBe(30);
    expect(answer.data.goals.nodes[0]!.unit.name).toMatch(/^天门市/);
    const events = (await first.store.readAll()).length;
    await first.close();

    const again = await start();
    expect(again.seeded).toBeNull();
    expect(await again.store.readAll()).toHaveLength(events);
    await again.close();
  });
});
