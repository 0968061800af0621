import { startTestPlatform } from './support/platform';
import { readCacheBehaviour } from './support/read-cache.behaviour';

describe('the in-memory read cache (embedded mode without Redis)', () => {
  let p: Awaited<ReturnType<typeof startTestPlatform>> | undefined;
  afterAll(() => p?.dispose());

  readCacheBehaviour(async () => (p = await startTestPlatform()));
});
