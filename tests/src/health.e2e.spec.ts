import { startTestPlatform } from './support/platform';

describe('health endpoints of the platform, through the gateway', () => {
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;
  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(() => platform.dispose());

  it('the gateway is alive and ready, and lists each subgraph as ready', async () => {
    const origin = new URL(platform.url).origin;
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    const ready = await fetch(`${origin}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      process: 'gateway',
      subgraphs: { directory: 'ready', planning: 'ready', audit: 'ready' },
    });
  });

  it('each subgraph answers /healthz and /readyz on its GraphQL port without the gateway’s assertion', async () => {
    for (const url of Object.values(platform.subgraphUrls)) {
      const origin = new URL(url).origin;
      expect((await fetch(`${origin}/healthz`)).status).toBe(200);
      expect((await fetch(`${origin}/readyz`)).status).toBe(200);
      // GraphQL itself still refuses a caller the gateway did not vouch for
      expect(
        (
          await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{"query":"{__typename}"}',
          })
        ).status,
      ).toBe(401);
    }
  });
});
