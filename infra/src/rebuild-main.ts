import 'reflect-metadata';
import { catalog } from '@jixiao/events';
import { allProjections } from '@jixiao/projections';
import { loadDistributedConfig, runProcess } from './distributed/runtime';
import { PostgresEventStore } from './event-store/postgres-event-store';
import { rebuildProjections } from './read-models/rebuild';

/**
 * `npm run rebuild -- planning.goals [more …]` or `… all` (node with `--max-semi-space-size=64`): rebuilds those projections
 * from the event store (one read of the log for all of them), swaps them in, then exits.
 */
runProcess('rebuild', async () => {
  const { postgres } = loadDistributedConfig();
  const names = process.argv.slice(2);
  const known = allProjections.map((p) => p.name);
  const unknown = names.filter((n) => n !== 'all' && !known.includes(n));
  if (names.length === 0 || unknown.length > 0) {
    const unknownPart = unknown.length ? `未知的读模型 (unknown projection): ${unknown.join(', ')}; ` : '';
    throw new Error(
      `${unknownPart}用法 (usage): rebuild-main.js <projection …> | all; 读模型 (projections): ${known.join(', ')}`,
    );
  }
  const projections = names.includes('all') ? allProjections : allProjections.filter((p) => names.includes(p.name));
  const store = await PostgresEventStore.open({ ...postgres, catalog, outbox: true });
  try {
    const started = Date.now();
    const { applied } = await rebuildProjections({ store, catalog, projections });
    // the swap drew a new epoch for the projections' checkpoints: cached answers on the old tables are unreachable
    console.log(
      `rebuilt ${projections.map((p) => p.name).join(', ')} from ${applied} events in ${Date.now() - started} ms; swapped in`,
    );
  } finally {
    await store.close();
  }
  process.exit(0);
});
