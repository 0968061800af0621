import { allProjections, catalog } from '@jixiao/contexts';
import { groupIdOf, PostgresEventStore, processPlan, STREAM_CATEGORIES, testing, topicFor } from '@jixiao/infra';
import { as, gqlClient } from '../support/platform';
import { auditCommands, startCommandLoad } from './command-load';
import { healthPid, startSupervisor, type SupervisorProcess } from './supervisor-process';

jest.setTimeout(600_000);

const { TEST_PG_URL, freshSchemaName, dropSchema, eventually, groupCaughtUp } = testing;
// two restarts per child within the window: enough for the kills below, and the relay's third death gives up
const RESTART_MAX = 2;

describe('fault: kill -9 of children of the supervisor (`npm start` in distributed mode), under commands through the gateway', () => {
  it('restarts them while the others keep answering, loses and doubles nothing, and gives up loudly on a child that keeps dying', async () => {
    const schema = freshSchemaName('sup');
    const store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog, outbox: true });
    const platform = await startSupervisor(schema, { JIXIAO_RESTART_MAX: String(RESTART_MAX) });
    const gql = gqlClient(platform.url, platform.mint);
    const commands = startCommandLoad(platform, { flows: 4 });
    /** The gateway answers a query with data and no error. */
    const answers = async (query: string, role: 'ADMIN' | 'PERFORMANCE_SECTION') => {
      const result = await gql(query, undefined, as(role));
      return result.status === 200 && !result.errors && result.data !== undefined;
    };
    const units = () => answers('{ budgetUnits { totalCount } }', 'ADMIN');
    const goals = () => answers('{ goals { totalCount } }', 'PERFORMANCE_SECTION');

    /**
     * Kills the child with SIGKILL; until it is back (ready, a new pid its own `/healthz` reports),
     * asks what must keep answering, and counts the rounds asked while the supervisor showed it down.
     */
    const killAndHeal = async (name: string, stillAnswering: (() => Promise<boolean>)[]) => {
      const before = await childNamed(platform, name);
      expect(before).toMatchObject({ state: 'ready', restarts: 0 });
      expect(await healthPid(before.health)).toBe(before.pid);
      process.kill(before.pid!, 'SIGKILL');
      const failed: string[] = [];
      let roundsWhileDown = 0;
      const deadline = Date.now() + 120_000;
      for (;;) {
        if (Date.now() > deadline) throw new Error(`gave up waiting: ${name} comes back`);
        const now = await childNamed(platform, name);
        if (now.state === 'ready' && now.pid !== before.pid && (await healthPid(now.health)) === now.pid) break;
        const answered = await Promise.all(stillAnswering.map((ask) => ask()));
        answered.forEach((ok, i) => ok || failed.push(`${stillAnswering[i]!.name} while ${name} was ${now.state}`));
        if ((await childNamed(platform, name)).state !== 'ready') roundsWhileDown++;
      }
      expect(failed).toEqual([]);
      expect(roundsWhileDown).toBeGreaterThan(0);
      expect(await childNamed(platform, name)).toMatchObject({ state: 'ready', restarts: 1, lastExit: 'SIGKILL' });
    };

    try {
      await eventually('commands acknowledged before the kills', async () => commands.acknowledged >= 20);

      // a projection worker: every service still answers, reads and writes
      await killAndHeal('worker-planning', [units, goals]);
      const afterWorker = commands.acknowledged;
      await eventually(
        'commands acknowledged after the worker came back',
        async () => commands.acknowledged >= afterWorker + 10,
      );

      // a service: the others still answer through the gateway
      await killAndHeal('planning', [units]);
      const afterService = commands.acknowledged;
      await eventually(
        'commands acknowledged after the service came back',
        async () => commands.acknowledged >= afterService + 10,
      );
      expect(await goals()).toBe(true);

      await commands.stop();
      console.log(
        `supervisor: ${commands.acknowledged} commands acknowledged, ${commands.retries} retries ${JSON.stringify(commands.retriedFor)}`,
      );
      // every process of the plan (each context's service and worker) is ready; only the two killed restarted once
      const plan = processPlan(0);
      expect(plan.backends.map((p) => p.name)).toEqual(
        expect.arrayContaining(['planning', 'worker-planning', 'relay']),
      );
      expect((await platform.children()).map((c) => [c.name, c.state, c.restarts])).toEqual(
        [...plan.backends, plan.gateway].map((p) => [
          p.name,
          'ready',
          p.name === 'planning' || p.name === 'worker-planning' ? 1 : 0,
        ]),
      );

      // nothing acknowledged is lost or doubled, every answer showed its own change
      await eventually(
        'the outbox drains',
        async () => (await testing.outboxSize((q) => store.pool.query(q), schema)) === 0,
      );
      const topics = STREAM_CATEGORIES.map((c) => topicFor(schema, c));
      for (const p of allProjections) await eventually(p.name, () => groupCaughtUp(groupIdOf(schema, p.name), topics));
      expect(commands.refused).toEqual([]);
      const audit = await auditCommands((sql, params) => store.pool.query(sql, params), schema, commands);
      expect(audit).toEqual({
        lost: [],
        doubled: [],
        misanswered: [],
        unacknowledged: [],
        whole: commands.acknowledged,
      });
      const replay = await testing.freshReplay(store, `${schema}_r`);
      expect(testing.rowCounts(replay).rm_goal).toBeGreaterThan(3);
      expect(await testing.dumpReadModels(schema)).toEqual(replay);

      // a child that keeps dying: restarted RESTART_MAX times, then the supervisor gives up and stops every process
      const pids = (await platform.children()).map((c) => c.pid!);
      for (let kill = 1; kill <= RESTART_MAX; kill++) {
        const relay = await childNamed(platform, 'relay');
        process.kill(relay.pid!, 'SIGKILL');
        await eventually(`relay back after kill ${kill}`, async () => {
          const now = await childNamed(platform, 'relay');
          return now.state === 'ready' && now.pid !== relay.pid;
        });
      }
      const relay = await childNamed(platform, 'relay');
      process.kill(relay.pid!, 'SIGKILL');
      expect(await platform.exited).toBe('1');
      expect(platform.lines.join('\n')).toMatch(
        /\[supervisor\] relay: 60 秒内已重启 2 次仍退出（SIGKILL），放弃并停止全部进程 \(exited with SIGKILL after 2 restarts within 60 s; giving up, stopping every process\)/,
      );
      expect(pids.filter(alive)).toEqual([]);
      // every answer showed its own command's change (read-your-writes), across the kills
      expect(commands.stale).toEqual([]);
    } finally {
      await commands.abandon();
      await platform.stop();
      await store.close();
      await dropSchema(schema);
    }
  });
});

async function childNamed(platform: SupervisorProcess, name: string) {
  const child = (await platform.children()).find((c) => c.name === name);
  if (!child) throw new Error(`no child ${name}`);
  return child;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
