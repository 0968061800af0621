import 'reflect-metadata';
import { assertionSecret } from './auth/token-settings';
import { loadDistributedConfig, loadSubgraphUrls, runProcess } from './distributed/runtime';
import { closeAll, startGateway, type Closable } from './platform/platform';
import { openAttachments } from './attachments/open-attachments';

/**
 * `node infra/dist/gateway-main.js`: the gateway as its own process, in front of the service
 * processes named by `JIXIAO_DIRECTORY_URL`, `JIXIAO_PLANNING_URL` and `JIXIAO_AUDIT_URL`;
 * rate limits in Redis, shared by every gateway; subscriptions over graphql-ws to the same URLs;
 * attachments uploaded and downloaded at `/attachments`, kept in the PostgreSQL schema.
 */
runProcess('gateway', async () => {
  const { config, postgres, distributed } = loadDistributedConfig(process.env, { internalSecret: true });
  const subgraphUrls = loadSubgraphUrls();
  // each service serves graphql-ws on its GraphQL path: subscriptions travel there
  const subscriptionUrls = Object.fromEntries(
    Object.entries(subgraphUrls).map(([name, url]) => [name, url.replace(/^http/, 'ws')]),
  );
  const opened: Closable[] = [];
  // uploads and downloads are served here, beside GraphQL: the files live in the PostgreSQL schema
  const files = openAttachments({ kind: 'postgres', ...postgres }, config.attachments);
  opened.push(files);
  const gateway = await startGateway(
    { ...config, limits: { ...config.limits, redisUrl: distributed.redisUrl } },
    { subgraphUrls, subscriptionUrls, attachments: files.attachments },
    assertionSecret(config.auth),
    opened,
  );
  console.log(`gateway ready: ${gateway.url}`);
  return () => closeAll(opened);
});
