import { loadDistributedConfig, loadSubgraphUrls, loadWorkerSettings, subgraphNameOf } from './runtime';
import { allProjections } from '@jixiao/contexts';
import type { Projection } from '@jixiao/projections';
import type { ContextModule } from '@jixiao/service-kit';
import { LOCAL_DEFAULTS, processPlan, supervisorConfig, workerPools } from './supervisor';

const distributed = { ...LOCAL_DEFAULTS };

/** A fixed list of contexts (not the platform's, which grows): three with subgraphs, two with projections. */
const named = (...names: string[]) => names.map((name) => ({ name }) as Projection);
const CONTEXTS = [
  { name: 'directory', projections: named('directory.units'), subgraph: async () => ({}) },
  { name: 'planning', projections: named('planning.goals', 'planning.projects'), subgraph: async () => ({}) },
  { name: 'audit', projections: [], subgraph: async () => ({}) },
] as unknown as ContextModule[];
const SUBGRAPHS = ['directory', 'planning', 'audit'];

describe('a distributed-mode process reads its configuration', () => {
  it('refuses to run in embedded mode', () => {
    expect(() => loadDistributedConfig({})).toThrow(/此进程仅用于分布式模式/);
  });

  it('the gateway and the services need the shared internal secret, named when missing or short', () => {
    expect(() => loadDistributedConfig(distributed, { internalSecret: true })).toThrow(
      /JIXIAO_INTERNAL_SECRET: required by the gateway and each service/,
    );
    expect(() => loadDistributedConfig({ ...distributed, JIXIAO_INTERNAL_SECRET: 'short' })).toThrow(
      /JIXIAO_INTERNAL_SECRET: must be at least 32 characters/,
    );
    const { config } = loadDistributedConfig(
      { ...distributed, JIXIAO_INTERNAL_SECRET: 'x'.repeat(32) },
      { internalSecret: true },
    );
    expect(config.auth.internalSecret).toBe('x'.repeat(32));
  });

  it('the relay and the workers need no secret', () => {
    expect(loadDistributedConfig(distributed).distributed.kafkaBrokers).toEqual(['127.0.0.1:9092']);
  });

  it('the gateway names every missing or malformed subgraph URL at once', () => {
    let message = '';
    try {
      loadSubgraphUrls({ JIXIAO_PLANNING_URL: 'planning:4002' }, SUBGRAPHS);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      '配置有误 (invalid configuration):',
      "  JIXIAO_DIRECTORY_URL: required by the gateway (the directory service's GraphQL URL)",
      '  JIXIAO_PLANNING_URL: must be an http(s):// URL, e.g. http://127.0.0.1:4002/graphql',
      "  JIXIAO_AUDIT_URL: required by the gateway (the audit service's GraphQL URL)",
    ]);
    expect(
      loadSubgraphUrls(
        {
          JIXIAO_DIRECTORY_URL: 'http://a:1/',
          JIXIAO_PLANNING_URL: 'http://b:2/',
          JIXIAO_AUDIT_URL: 'https://c/',
        },
        SUBGRAPHS,
      ),
    ).toEqual({ directory: 'http://a:1/', planning: 'http://b:2/', audit: 'https://c/' });
  });

  it('a worker names an unknown projection or a malformed session timeout', () => {
    const known = ['directory.units', 'planning.goals'];
    expect(loadWorkerSettings({}, known)).toEqual({
      projections: known,
      sessionTimeoutMs: 10000,
      logBatches: false,
    });
    expect(loadWorkerSettings({ JIXIAO_PROJECTIONS: 'planning.goals', JIXIAO_LOG_BATCHES: '1' }, known)).toMatchObject({
      projections: ['planning.goals'],
      logBatches: true,
    });
    let message = '';
    try {
      loadWorkerSettings(
        { JIXIAO_PROJECTIONS: 'planning.goals,planning.gaols', JIXIAO_KAFKA_SESSION_TIMEOUT_MS: '10s' },
        known,
      );
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      '配置有误 (invalid configuration):',
      '  JIXIAO_PROJECTIONS: unknown projection planning.gaols; one or more of directory.units, planning.goals',
      '  JIXIAO_KAFKA_SESSION_TIMEOUT_MS: must be a whole number of milliseconds, at least 1000',
    ]);
  });

  it('a service process is told which subgraph it serves', () => {
    expect(subgraphNameOf('planning', SUBGRAPHS)).toBe('planning');
    expect(() => subgraphNameOf('finance', SUBGRAPHS)).toThrow('<directory|planning|audit>; got finance');
    expect(() => subgraphNameOf(undefined, SUBGRAPHS)).toThrow(/got nothing/);
    expect(subgraphNameOf('planning')).toBe('planning'); // the platform's own list by default
  });
});

describe('the supervisor’s configuration', () => {
  it('fills the local defaults only when asked, and draws one internal secret for every child', () => {
    expect(() => supervisorConfig({})).toThrow(/此进程仅用于分布式模式/);
    const { env, config } = supervisorConfig({ JIXIAO_DATABASE_SCHEMA: 'mine' }, { local: true });
    expect(env).toMatchObject({ ...LOCAL_DEFAULTS, JIXIAO_DATABASE_SCHEMA: 'mine' });
    expect(env.JIXIAO_INTERNAL_SECRET).toMatch(/^[0-9a-f]{64}$/);
    expect(config.auth.internalSecret).toBe(env.JIXIAO_INTERNAL_SECRET);
    expect(
      supervisorConfig({ ...LOCAL_DEFAULTS, JIXIAO_INTERNAL_SECRET: 's'.repeat(32) }).env.JIXIAO_INTERNAL_SECRET,
    ).toBe('s'.repeat(32));
  });

  it('refuses a gateway port of 0: the other processes take the ports after it', () => {
    expect(() => supervisorConfig({ ...LOCAL_DEFAULTS, JIXIAO_PORT: '0' })).toThrow(
      /JIXIAO_PORT: 分布式模式需固定端口/,
    );
  });
});

describe('the worker pools', () => {
  it('are one per bounded context with projections, in the list order', () => {
    const named = (...names: string[]) => names.map((name) => ({ name }) as Projection);
    const contexts = [
      { name: 'directory', projections: named('directory.units') },
      { name: 'planning', projections: named('planning.goals', 'planning.projects') },
      { name: 'audit', projections: [] },
      { name: 'evaluation', projections: named('evaluation.scores') },
    ];
    expect(workerPools(contexts)).toEqual([
      ['directory', ['directory.units']],
      ['planning', ['planning.goals', 'planning.projects']],
      ['evaluation', ['evaluation.scores']],
    ]);
  });

  it('of the platform run every projection of every context exactly once', () => {
    expect(workerPools().flatMap(([, names]) => names)).toEqual(allProjections.map((p) => p.name));
  });
});

describe('the process plan of `npm start` in distributed mode', () => {
  it('puts each service on a port after the gateway and points the gateway at them', () => {
    const plan = processPlan(4000, '127.0.0.1', CONTEXTS);
    expect(plan.backends.map((p) => [p.name, p.entry, p.args?.[0], p.env?.JIXIAO_PORT])).toEqual([
      ['directory', 'service-main', 'directory', '4001'],
      ['planning', 'service-main', 'planning', '4002'],
      ['audit', 'service-main', 'audit', '4003'],
      ['worker-directory', 'worker-main', undefined, undefined],
      ['worker-planning', 'worker-main', undefined, undefined],
      ['relay', 'relay-main', undefined, undefined],
    ]);
    expect(plan.backends.filter((p) => p.entry === 'service-main').map((p) => p.env?.JIXIAO_HOST)).toEqual([
      '127.0.0.1',
      '127.0.0.1',
      '127.0.0.1',
    ]);
    expect(plan.backends.filter((p) => p.entry === 'worker-main').map((p) => p.env?.JIXIAO_PROJECTIONS)).toEqual([
      'directory.units',
      'planning.goals,planning.projects',
    ]);
    expect(plan.gateway.env).toEqual({
      JIXIAO_DIRECTORY_URL: 'http://127.0.0.1:4001/graphql',
      JIXIAO_PLANNING_URL: 'http://127.0.0.1:4002/graphql',
      JIXIAO_AUDIT_URL: 'http://127.0.0.1:4003/graphql',
    });
    expect(plan.gateway.ready.exec('gateway ready: http://127.0.0.1:4000/graphql')?.[1]).toBe(
      'http://127.0.0.1:4000/graphql',
    );
  });

  it('gives every process a health endpoint: the services and the gateway on their own port, the others on the next ones', () => {
    const plan = processPlan(4000, '0.0.0.0', CONTEXTS);
    expect([...plan.backends, plan.gateway].map((p) => [p.name, p.health, p.env?.JIXIAO_HEALTH_PORT])).toEqual([
      ['directory', 'http://127.0.0.1:4001', undefined],
      ['planning', 'http://127.0.0.1:4002', undefined],
      ['audit', 'http://127.0.0.1:4003', undefined],
      ['worker-directory', 'http://127.0.0.1:4004', '4004'],
      ['worker-planning', 'http://127.0.0.1:4005', '4005'],
      ['relay', 'http://127.0.0.1:4006', '4006'],
      ['gateway', 'http://127.0.0.1:4000', undefined],
    ]);
    expect(plan.supervisorPort).toBe(4007);
    expect(processPlan(4000, '10.0.0.5', CONTEXTS).gateway.health).toBe('http://10.0.0.5:4000');
  });
});
