import 'reflect-metadata';
import { catalog } from '@jixiao/events';
import { allProjections } from '@jixiao/projections';
import { loadDistributedConfig, runProcess } from './distributed/runtime';
import { PostgresEventStore } from './event-store/postgres-event-store';
import { rebuildProjection } from './read-models/rebuild';

/** `node infra/dist/rebuild-main.js planning.goals`: rebuilds one projection from the event store, then exits. */
runProcess('rebuild', async () => {
  const { postgres } = loadDistributedConfig();
  const name = process.argv[2];
  const projection = allProjections.find((p) => p.name === name);
  if (!projection) {
    throw new Error(`usage: rebuild-main.js <projection>; one of ${allProjections.map((p) => p.name).join(', ')}`);
  }
  const store = await PostgresEventStore.open({ ...postgres, catalog, outbox: true });
  try {
    const started = Date.now();
    const { applied } = await rebuildProjection({ store, catalog, projection });
    // the swap drew a new epoch for the projection's checkpoints: cached answers on the old tables are unreachable
    console.log(`rebuilt ${projection.name} from ${applied} events in ${Date.now() - started} ms; swapped in`);
  } finally {
    await store.close();
  }
  process.exit(0);
});
