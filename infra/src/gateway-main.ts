import 'reflect-metadata';
import { assertionSecret } from './auth/token-settings';
import { loadDistributedConfig, loadSubgraphUrls, runProcess } from './distributed/runtime';
import { closeAll, startGateway, type Closable } from './platform/platform';

/**
 * `node infra/dist/gateway-main.js`: the gateway as its own process, in front of the service
 * processes named by `JIXIAO_DIRECTORY_URL`, `JIXIAO_PLANNING_URL` and `JIXIAO_AUDIT_URL`;
 * rate limits in Redis, shared by every gateway; subscriptions over graphql-ws to the same URLs.
 */
runProcess('gateway', async () => {
  const { config, distributed } = loadDistributedConfig(process.env, { internalSecret: true });
  const subgraphUrls = loadSubgraphUrls();
  // each service serves graphql-ws on its GraphQL path: subscriptions travel there
  const subscriptionUrls = Object.fromEntries(
    Object.entries(subgraphUrls).map(([name, url]) => [name, url.replace(/^http/, 'ws')]),
  );
  const opened: Closable[] = [];
  const gateway = await startGateway(
    { ...config, limits: { ...config.limits, redisUrl: distributed.redisUrl } },
    { subgraphUrls, subscriptionUrls },
    assertionSecret(config.auth),
    opened,
  );
  console.log(`gateway ready: ${gateway.url}`);
  return () => closeAll(opened);
});
