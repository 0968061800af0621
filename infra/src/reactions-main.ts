import 'reflect-metadata';
import { catalog, CONTEXTS } from '@jixiao/contexts';
import { parkingSettingsOf } from '@jixiao/projections';
import { serveProcessHealth, startedCheck } from './distributed/health';
import { loadDistributedConfig, runProcess } from './distributed/runtime';
import { PostgresEventStore } from './event-store/postgres-event-store';
import { schedulerIntervalOf, startReactions } from './reactions/start-reactions';
import { openReadModels } from './read-models/orm';

/**
 * `node infra/dist/reactions-main.js`: the contexts' reactions, deadline trackers and the deadline
 * scheduler, reading the PostgreSQL event store's subscription (commit order, never skipping a slow
 * commit) from their own checkpoints. One is enough; a second is safe (every command id is derived
 * from its source event or deadline, so whatever both issue is written once), only wasteful.
 * With `JIXIAO_HEALTH_PORT`, serves `/healthz` and `/readyz`.
 */
runProcess('reactions', async () => {
  const { config, postgres } = loadDistributedConfig();
  const store = await PostgresEventStore.open({ ...postgres, catalog, outbox: true });
  let started = false;
  const health = await serveProcessHealth(
    {
      process: 'reactions',
      checks: {
        started: startedCheck(() => started, 'starting the reactions'),
        postgres: () => store.pool.query('SELECT 1'),
      },
    },
    config.host,
  );
  const orm = await openReadModels({ kind: 'postgres', ...postgres }, 'refuse');
  const reactions = await startReactions({
    store,
    orm,
    catalog,
    contexts: CONTEXTS,
    parking: parkingSettingsOf(process.env),
    schedulerIntervalMs: schedulerIntervalOf(process.env),
  });
  started = true;
  console.log(`reactions started: ${reactions.names.join(', ')}`);
  return async () => {
    await reactions.close();
    await orm.close();
    await store.close();
    await health?.close();
  };
});
