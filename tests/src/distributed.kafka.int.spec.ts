import { catalog } from '@jixiao/contexts';
import { execFileSync } from 'node:child_process';
import Redis from 'ioredis';
import { devKeyFile, PostgresEventStore, processPlan, testing } from '@jixiao/infra';
import { startDistributed } from './support/distributed';
import { devKeyMinter, type TestPlatform } from './support/platform';
import { subscribeWs } from './support/subscribe';
import { jointReview, officer, ok, performance, PROPOSE_PROJECT, projectInput, review } from './support/walk';
import { answers, seed } from './support/year';
import { killAndWait } from './faults/child-process';

jest.setTimeout(300_000);

const { TEST_PG_URL } = testing;
const auditor = { role: 'AUDITOR' as const, unitId: null, userId: 'zhao.audit' };

/**
 * The planning year of the embedded e2e, through the gateway, with every service, the gateway,
 * the outbox relay and the projection workers as separate processes started by the one command
 * (`npm start` with JIXIAO_MODE=distributed): commands go to PostgreSQL and their outbox, Kafka
 * carries them to the workers, and each mutation still answers with its own change.
 */
describe('the platform in distributed mode, one process per service', () => {
  let platform: Awaited<ReturnType<typeof startDistributed>>;
  let client: Pick<TestPlatform, 'gql'>;
  let schema: string;
  let dir: string;
  let port: number;
  beforeAll(async () => {
    platform = await startDistributed();
    ({ client, schema, dir, port } = platform);
  });
  afterAll(() => platform?.dispose());

  it('walks the planning year: every mutation answers with its change, every query agrees', async () => {
    const ids = await seed(client);
    const seen = await answers(client, ids);
    expect(seen.goal).toMatchObject({ goal: { status: 'APPROVED', reviewRounds: 2 } });
    expect(seen.profile).toMatchObject({ ruleProfile: { passMark: 80 } });
    expect(seen.coverage).toEqual({
      goalCoverage: expect.arrayContaining([
        { unit: { id: ids.school }, projects: 1, projectsWithApprovedGoal: 1, coverage: 1 },
      ]),
    });
    expect(seen.statistics).toMatchObject({ reviewStatistics: { goalsApproved: 1, goalsReturned: 1 } });
    // the joint-review queue holds the bureau's goal, which went straight to finance review
    expect(seen.queues[1]).toEqual({
      reviewQueue: { totalCount: 1, nodes: [{ id: ids.minorGoal, status: 'FINANCE_REVIEW' }] },
    });

    // the audit service, another process, reads the same hash-chained history
    const verified = await client.gql(
      `query($s: String!) { verifyStream(streamId: $s) { ok eventCount } }`,
      { s: `goal-${ids.goal}` },
      auditor,
    );
    expect(verified.data?.verifyStream).toEqual({ ok: true, eventCount: 12 });
  });

  it('carries a goal’s state change from the worker to a subscriber, over Redis pub/sub and the gateway', async () => {
    const redis = new Redis(testing.TEST_REDIS_URL);
    const minted = devKeyMinter(devKeyFile(dir), { issuer: 'jixiao-dev', audience: 'jixiao' });
    const { data } = await client.gql(
      `{ goals(filter: { status: FINANCE_REVIEW }) { nodes { id indicators { id } } } }`,
      {},
      performance,
    );
    const goal = data!.goals.nodes[0];
    const live = await subscribeWs<{ goalStateChanged: { id: string; status: string } }>(
      `ws://127.0.0.1:${port}/graphql`,
      await minted({ role: 'PERFORMANCE_SECTION', userId: 'li.na' }),
      `subscription($id: ID!) { goalStateChanged(goalId: $id) { id status } }`,
      { id: goal.id },
    );
    try {
      // live once the planning process listens on the goals projection's channel
      const channel = `${schema}.applied.planning.goals`;
      const deadline = Date.now() + 10_000;
      while (Number(((await redis.pubsub('NUMSUB', channel)) as [string, number])[1]) < 1) {
        if (Date.now() > deadline) throw new Error(`nobody listens on ${channel}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      await jointReview(client, goal, 'APPROVE');
      await review(client, goal.id, 'APPROVE', performance);
      const statuses: string[] = [];
      while (!statuses.includes('APPROVED')) {
        const message = await live.next(10_000);
        expect(message.errors).toBeUndefined();
        expect(message.data!.goalStateChanged.id).toBe(goal.id);
        statuses.push(message.data!.goalStateChanged.status);
      }
      expect(statuses[0]).toBe('FINANCE_REVIEW');
    } finally {
      await live.close();
      await redis.quit();
    }
  });

  it('keeps read models equal to a fresh replay, and the hottest answers in the Redis cache', async () => {
    const store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog });
    const redis = new Redis(testing.TEST_REDIS_URL);
    try {
      const replay = await testing.freshReplay(store, `${schema}_r`);
      expect(testing.rowCounts(replay).rm_goal).toBe(2);
      expect(testing.rowCounts(replay).rm_project).toBe(3);
      expect(await testing.dumpReadModels(schema)).toEqual(replay);
      const cached = await redis.keys(`${schema}:cache:*`);
      expect(cached.map((key) => key.split(':')[2]).sort()).toEqual(
        expect.arrayContaining(['goalCoverage', 'reviewQueue', 'reviewStatistics']),
      );
      // a write moves the projection, and the next read is computed afresh, not served from before it
      const coverage = `{ goalCoverage(fiscalYear: 2024) { unit { id } projects } }`;
      const schoolProjects = async () =>
        (await ok(client, coverage, {})).find((c: { unit: { id: string } }) => c.unit.id === school).projects;
      const units = await ok(client, `{ budgetUnits { nodes { id code } } }`, {});
      const school = units.nodes.find((u: { code: string }) => u.code === '101002').id as string;
      const before = await schoolProjects();
      expect(await schoolProjects()).toBe(before);
      await ok(client, PROPOSE_PROJECT, { input: projectInput(school) }, officer(school));
      expect(await schoolProjects()).toBe(before + 1);
    } finally {
      await redis.quit();
      await store.close();
    }
  });

  it('stops every process on SIGTERM', async () => {
    const { supervisor } = platform;
    await killAndWait(supervisor, 'SIGTERM');
    expect(supervisor.exitCode).toBe(0);
    // each process stopped by itself, none had to be killed
    expect(platform.output).not.toMatch(/did not stop within/);
    expect(await platform.allPortsClosed()).toBe(true);
  });
});

describe('the supervisor of distributed mode', () => {
  it('with no restarts allowed (JIXIAO_RESTART_MAX=0), gives up when one dies: stops every other process and exits non-zero', async () => {
    const platform = await startDistributed('none', { JIXIAO_RESTART_MAX: '0' });
    try {
      const children = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(platform.supervisor.pid)])
        .toString()
        .trim()
        .split('\n');
      expect(children).toHaveLength(processPlan(platform.port).backends.length + 1); // and the gateway
      const planning = children.find((line) => line.includes('service-main.js planning'))!;
      process.kill(Number(planning.trim().split(/\s+/)[0]), 'SIGKILL');
      await new Promise((r) => platform.supervisor.once('exit', r));
      expect(platform.supervisor.exitCode).toBe(1);
      expect(platform.output).toMatch(
        /\[supervisor\] planning: 60 秒内已重启 0 次仍退出（SIGKILL），放弃并停止全部进程 \(exited with SIGKILL after 0 restarts within 60 s; giving up, stopping every process\)/,
      );
      expect(await platform.allPortsClosed()).toBe(true);
    } finally {
      await platform.dispose();
    }
  });
});
