import { probeReadiness, serveHealth, type HealthServer } from './health';

describe('the health endpoints of a process, over HTTP on the loopback interface', () => {
  let postgresUp = true;
  let server: HealthServer;

  beforeAll(async () => {
    server = await serveHealth({
      process: 'worker planning.goals',
      port: 0,
      checks: {
        postgres: async () => {
          if (!postgresUp) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        },
        kafka: async () => undefined,
      },
      details: async () => ({ leader: true }),
    });
  });
  afterAll(() => server.close());

  it('/healthz answers while the process runs, whatever its dependencies do', async () => {
    postgresUp = false;
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'alive',
      process: 'worker planning.goals',
      pid: process.pid,
    });
  });

  it('/readyz answers 200 with every check and the details when they all pass', async () => {
    postgresUp = true;
    const response = await fetch(`${server.url}/readyz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({
      status: 'ready',
      checks: { postgres: 'ok', kafka: 'ok' },
      leader: true,
      pid: process.pid,
    });
  });

  it('/readyz answers 503 naming the failed check, in Chinese and English', async () => {
    postgresUp = false;
    const response = await fetch(`${server.url}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: 'unready',
      message: '未就绪：依赖未响应 (not ready: a dependency does not answer)',
      checks: { postgres: 'failed: connect ECONNREFUSED 127.0.0.1:5432', kafka: 'ok' },
    });
    expect(await probeReadiness(server.url)).toBe('unready');
  });

  it('a check that never answers fails after its timeout instead of holding the probe', async () => {
    const hung = await serveHealth({
      process: 'relay',
      port: 0,
      checkTimeoutMs: 50,
      checks: { postgres: () => new Promise(() => undefined) },
    });
    try {
      const response = await fetch(`${hung.url}/readyz`);
      expect(response.status).toBe(503);
      expect(((await response.json()) as { checks: unknown }).checks).toEqual({
        postgres: 'failed: no answer within 50 ms',
      });
    } finally {
      await hung.close();
    }
  });

  it('answers 404 elsewhere, and a closed process counts as down', async () => {
    expect((await fetch(`${server.url}/graphql`)).status).toBe(404);
    const gone = await serveHealth({ process: 'gateway', port: 0 });
    await gone.close();
    expect(await probeReadiness(gone.url)).toBe('down');
  });
});
