import 'reflect-metadata';
import { assertionSecret } from './auth/token-settings';
import { loadDistributedConfig, loadSubgraphUrls, runProcess } from './distributed/runtime';
import { closeAll, startGateway, type Closable } from './platform/platform';

/**
 * `node infra/dist/gateway-main.js`: the gateway as its own process, in front of the service
 * processes named by `JIXIAO_DIRECTORY_URL`, `JIXIAO_PLANNING_URL` and `JIXIAO_AUDIT_URL`;
 * rate limits in Redis, shared by every gateway.
 */
runProcess('gateway', async () => {
  const { config, distributed } = loadDistributedConfig(process.env, { internalSecret: true });
  const subgraphUrls = loadSubgraphUrls();
  const opened: Closable[] = [];
  const gateway = await startGateway(
    { ...config, limits: { ...config.limits, redisUrl: distributed.redisUrl } },
    subgraphUrls,
    assertionSecret(config.auth),
    opened,
  );
  console.log(`gateway ready: ${gateway.url}`);
  return () => closeAll(opened);
});
