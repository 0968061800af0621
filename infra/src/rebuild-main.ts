import 'reflect-metadata';
import { allProjections, catalog } from '@jixiao/contexts';
import { loadDistributedConfig, runProcess } from './distributed/runtime';
import { PostgresEventStore } from './event-store/postgres-event-store';
import { rebuildProjections } from './read-models/rebuild';
import { describeBrokenChain } from './read-models/verify-chains';

const ACCEPT_BROKEN = '--accept-broken-chains';

/**
 * `npm run rebuild -- planning.goals [more …]` or `… all` (node with `--max-semi-space-size=64`): rebuilds those projections
 * from the event store (one read of the log for all of them), swaps them in, then exits. Every hash
 * chain read is verified: a broken one stops it (exit 1, the broken streams listed) unless
 * `--accept-broken-chains` is given, which rebuilds anyway and lists them on stderr.
 */
runProcess('rebuild', async () => {
  const { postgres } = loadDistributedConfig();
  const args = process.argv.slice(2);
  const acceptBrokenChains = args.includes(ACCEPT_BROKEN);
  const names = args.filter((a) => a !== ACCEPT_BROKEN);
  const known = allProjections.map((p) => p.name);
  const unknown = names.filter((n) => n !== 'all' && !known.includes(n));
  if (names.length === 0 || unknown.length > 0) {
    const unknownPart = unknown.length ? `未知的读模型 (unknown projection): ${unknown.join(', ')}; ` : '';
    throw new Error(
      `${unknownPart}用法 (usage): rebuild-main.js <projection …> | all [${ACCEPT_BROKEN}]; 读模型 (projections): ${known.join(', ')}`,
    );
  }
  const projections = names.includes('all') ? allProjections : allProjections.filter((p) => names.includes(p.name));
  const store = await PostgresEventStore.open({ ...postgres, catalog, outbox: true });
  try {
    const started = Date.now();
    const { applied, brokenChains } = await rebuildProjections({ store, catalog, projections, acceptBrokenChains });
    if (brokenChains.length > 0) {
      console.error(
        [
          `!!! 警告 WARNING: ${brokenChains.length} 条事件流的哈希链断裂，仍按 ${ACCEPT_BROKEN} 重建 (${brokenChains.length} streams have broken hash chains; rebuilt anyway, as ${ACCEPT_BROKEN} asked):`,
          ...brokenChains.map((b) => `!!!   ${describeBrokenChain(b)}`),
        ].join('\n'),
      );
    }
    // the swap drew a new epoch for the projections' checkpoints: cached answers on the old tables are unreachable
    console.log(
      `rebuilt ${projections.map((p) => p.name).join(', ')} from ${applied} events in ${Date.now() - started} ms; swapped in`,
    );
  } finally {
    await store.close();
  }
  process.exit(0);
});
