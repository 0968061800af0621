import type { AppendFigures } from './append';
import type { BulkFigures } from './bulk';
import type { CaseFigures, Load } from './graphql';
import type { Figure } from './stats';

type Maybe<T> = T | { error: string };
interface Results {
  mode: string;
  date: string;
  totalSeconds: number;
  environment: Record<string, unknown> & { packages: Record<string, string> };
  append: Maybe<AppendFigures>[];
  bulk: Maybe<BulkFigures>;
  coldStart: Maybe<Figure>;
  seed: Maybe<{ events: number; ms: number }>;
  sqlite: Maybe<{
    rebuild: { events: number; ms: number; perSecond: number };
    graphql: CaseFigures[];
    peakRss: number;
  }>;
  /** One-off measurements taken outside \`npm run bench\` (how, and on what), kept with the run's figures. */
  separate?: string[];
  postgres: Maybe<{ seed: { events: number; ms: number }; rebuild: { events: number; ms: number; perSecond: number } }>;
}

const ok = <T>(v: Maybe<T>): T | null => (v && typeof v === 'object' && 'error' in v ? null : (v as T));
const n = (v: number, digits = 0) => v.toLocaleString('en-US', { maximumFractionDigits: digits });
const fig = (f: Figure, unit = '', digits = 0) =>
  `${n(f.median, digits)}${unit} (${n(f.min, digits)}–${n(f.max, digits)}, ${f.runs} run${f.runs > 1 ? 's' : ''})`;
const verdict = (met: boolean | null) => (met === null ? 'not measured' : met ? '**met**' : '**missed**');
const ms = (f: Figure) => fig(f, ' ms', 1);

function targetRows(r: Results): string[] {
  const a16 = ok(r.append[1] ?? { error: 'missing' });
  const bulk = ok(r.bulk);
  const sqlite = ok(r.sqlite);
  const pg = ok(r.postgres);
  const cold = ok(r.coldStart);
  const seed = ok(r.seed);
  const two = sqlite?.graphql[1];
  const rows = [
    a16 &&
      `| a | 16 writers, one-event appends: ours vs raw INSERT | ${n(a16.ours.median)} vs ${n(a16.raw.median)} /s = ${n((a16.ours.median / a16.raw.median) * 100)} % | ≥ 70 % | ${verdict(a16.ours.median / a16.raw.median >= 0.7)} |`,
    a16 &&
      `| a | 16 writers: ours vs Emmett | ${n(a16.ours.median)} vs ${n(a16.emmett.median)} /s = ${n(a16.ours.median / a16.emmett.median, 2)}× | ≥ 1.5× | ${verdict(a16.ours.median / a16.emmett.median >= 1.5)} |`,
    bulk &&
      `| b | bulk import (appendBatch) | ${fig(bulk.ours, ' events/s')}; raw COPY ${n(bulk.rawCopy.median)} /s | ≥ 50,000 events/s | ${verdict(bulk.ours.median >= 50_000)} |`,
    bulk &&
      `| c | catch-up read (readAll, pages of 5,000) | ${fig(bulk.readAll, ' events/s')}; raw SELECT ${n(bulk.rawSelect.median)} /s | ≥ 150,000 events/s | ${verdict(bulk.readAll.median >= 150_000)} |`,
    pg &&
      `| d | projection rebuild on PostgreSQL (${pg.rebuild.events} events) | ${n(pg.rebuild.perSecond)} events/s (1 run) | ≥ 30,000 events/s | ${verdict(pg.rebuild.perSecond >= 30_000)} |`,
    sqlite &&
      `| d | projection rebuild on SQLite (${sqlite.rebuild.events} events) | ${n(sqlite.rebuild.perSecond)} events/s (1 run) | — | — |`,
    two &&
      `| e | two-subgraph query, p99 at a fixed ${r.mode === 'quick' ? 50 : 200} req/s, our gateway | ${ms(two.fixed.ours.p99)}, achieved ${n(two.fixed.ours.rps.median)} req/s | ≤ 50 ms at 200 req/s | ${verdict(r.mode === 'quick' ? null : two.fixed.ours.p99.median <= 50)} |`,
    two &&
      `| e | two-subgraph query, saturation req/s: ours vs @apollo/gateway | ${n(two.max.ours.rps.median)} vs ${n(two.max.apollo.rps.median)} = ${n(two.max.ours.rps.median / two.max.apollo.rps.median, 2)}× | ≥ 2× | ${verdict(two.max.ours.rps.median / two.max.apollo.rps.median >= 2)} |`,
    sqlite &&
      `| f | peak RSS of the embedded platform (${sqlite.rebuild.events} events loaded, after the GraphQL load) | ${n(sqlite.peakRss / 2 ** 20)} MiB | ≤ 1 GiB with the tianmen year | ${verdict(null)} (tianmen read models not built in the run, see below) |`,
    cold &&
      `| g | cold start to first answered query (empty store, demo seeded) | ${ms(cold)} | ≤ 5 s | ${verdict(cold.median <= 5000)} |`,
    seed &&
      `| g | seed the ${r.mode === 'quick' ? 'small' : 'tianmen'} year into SQLite (${n(seed.events)} events) | ${n(seed.ms / 1000, 1)} s (${n(seed.events / (seed.ms / 1000))} events/s, 1 run) | tianmen ≤ 60 s | ${verdict(r.mode === 'quick' ? null : seed.ms <= 60_000)} |`,
  ];
  return rows.filter((row): row is string => typeof row === 'string');
}

const load = (l: Load) =>
  `${n(l.p50.median, 1)} / ${n(l.p99.median, 1)} ms, ${n(l.rps.median)} req/s${l.errors ? `, ${l.errors} errors` : ''}`;

function graphqlRows(r: Results): string[] {
  const sqlite = ok(r.sqlite);
  if (!sqlite) return [];
  return sqlite.graphql.flatMap((c) => [
    `| ${c.name} | fixed rate | ${load(c.fixed.ours)} | ${load(c.fixed.apollo)} | ${load(c.fixed.subgraph)} |`,
    `| | saturation (10 connections) | ${load(c.max.ours)} | ${load(c.max.apollo)} | ${load(c.max.subgraph)} |`,
  ]);
}

function appendRows(r: Results): string[] {
  return r.append
    .map(ok)
    .filter((a): a is AppendFigures => a !== null)
    .map((a) => `| ${a.writers} | ${fig(a.ours, '/s')} | ${fig(a.emmett, '/s')} | ${fig(a.raw, '/s')} |`);
}

/** Why the missed targets are missed, from profiling on this machine; kept with the renderer so a re-run keeps them. */
const NOTES = `## What the misses come from, and what was done

The machine is shared: other agents build and test on the same 2 cores while this runs (see the load
average in the environment below), so absolute figures are low and noisy; the ratios, measured in the
same run against the same PostgreSQL, are the more telling numbers.

- **a. appends.** One \`appendToStream\` is six round trips: BEGIN, \`SELECT … FOR UPDATE\` of the stream
  head (the previous hash is needed for the chain), the event INSERT, the head INSERT/UPDATE,
  \`pg_notify\`, COMMIT; Emmett does three, the raw ceiling one. On a loaded 2-core box latency per
  round trip dominates, so ours trails both. The fix is ours and cheap in code — send BEGIN with the
  head read, and the inserts, notify and COMMIT as one batch (or one statement of data-modifying
  CTEs) — but it rewrites \`appendInTransaction\` in \`postgres-event-store.ts\`, which the outbox work
  is changing in parallel; it is left for after that merge (see the issue).
- **b. bulk import.** \`appendBatch\` (one \`INSERT … SELECT FROM unnest(…)\` per 2,000 appends) spends
  its time in JavaScript, not in PostgreSQL: a CPU profile of \`npm run seed\` shows catalog validation
  (zod), RFC 8785 canonical JSON and SHA-256 of every envelope, and JSON.stringify of data and metadata
  on one thread. COPY moves bytes the client already has. Next steps: chain independent streams in
  worker threads, and COPY (binary) instead of unnest for very large imports.
- **c. catch-up read.** \`readAll\` is within a small factor of a raw keyset SELECT of the same columns:
  both are bound by node-postgres parsing the jsonb columns; the 150 k/s target is above what the raw
  SELECT reaches on this loaded machine.
- **d. projection rebuild.** Profiled on the tianmen year: every projection loads its document by
  \`stream_id\`, which no read-model table indexed, so each event of a rebuild scanned a growing
  table — the rate fell as the year grew (about 240 events/s, and falling, 86 k events into the
  tianmen year). Fixed here: \`stream_id\` is indexed in every read model. What remains is the
  runner's shape: per batch and per projection, one MikroORM \`load\` (a SELECT) per stream touched
  and one \`save\` per document, and each of the six projections reads the whole log separately —
  thousands of small ORM round trips instead of a set-based load. The next step (not cheap enough
  for this issue): load a batch's documents with one \`$in\` query, upsert them in bulk, and feed all
  projections from one subscription. The bench rebuilds the \`small\` year (22 k events), because
  the tianmen rebuild does not fit the 15-minute budget.
- **e. GraphQL.** Hive Gateway's in-flight request deduplication is on (its default): identical
  concurrent queries are merged, which flatters every case where all clients send the same query
  (hence the gateway beating the bare subgraph on the review queue). @apollo/gateway has no such
  merge. The fixed-rate p99 is dominated by the shared CPU: the gateway, three subgraphs, SQLite and
  the load generator share 2 cores with other agents' work.
- **f. RSS** is measured on the \`small\` year (the tianmen read models cannot be built within the
  bench's time budget, see d); the event store itself is on disk, so RSS grows with read-model caches
  and request concurrency, not with the number of events.
- **g. seeding** the tianmen year (374 k events through the deciders, validated, hash-chained) took
  about 50 s on a quiet moment of this machine and longer under load; the CPU profile is the one of b.
`;

/** results.md: each figure against its target, then the detail tables and the environment. */
export function renderMarkdown(r: Results): string {
  const errors = Object.entries(r).filter(([, v]) => v && typeof v === 'object' && 'error' in (v as object));
  return [
    `# Jixiao benchmark results (${r.mode} run)`,
    '',
    `Measured ${r.date} by \`npm run bench${r.mode === 'quick' ? ' -- --quick' : ''}\` in ${r.totalSeconds} s. Figures are medians with (min–max, runs).`,
    '',
    '## Against the targets (issue 6)',
    '',
    '| | measure | figure | target | |',
    '|---|---|---|---|---|',
    ...targetRows(r),
    '',
    '## a. One-event appends to new streams, PostgreSQL',
    '',
    '| writers | ours (PostgresEventStore) | Emmett (emmett-postgresql) | raw one-row INSERT |',
    '|---|---|---|---|',
    ...appendRows(r),
    '',
    '## e. GraphQL: p50 / p99 and achieved req/s',
    '',
    '| query | load | our gateway (Hive + Rust planner) | @apollo/gateway | planning subgraph direct |',
    '|---|---|---|---|---|',
    ...graphqlRows(r),
    '',
    NOTES,
    ...(r.separate?.length ? ['## Measured separately (not by `npm run bench`)', '', ...r.separate, ''] : []),
    ...(errors.length
      ? ['## Stages that failed', '', ...errors.map(([k, v]) => `- ${k}: ${(v as { error: string }).error}`), '']
      : []),
    '## Environment',
    '',
    '```json',
    JSON.stringify(r.environment, null, 2),
    '```',
    '',
  ].join('\n');
}
