import type { AppendFigures } from './append';
import type { BulkFigures } from './bulk';
import type { CaseFigures, Load } from './graphql';
import type { PostgresRebuildFigures } from './rebuild-pg';
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
  postgres: Maybe<PostgresRebuildFigures>;
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
      `| d | rebuild of all six read models on PostgreSQL (\`rebuildProjections\`, ${n(pg.events)} events) | ${fig(pg.rebuild, ' events/s')} | ≥ 30,000 events/s | ${verdict(r.mode === 'quick' ? null : pg.rebuild.median >= 30_000)} |`,
    sqlite &&
      `| d | catch-up of all six read models on SQLite (the embedded runner from position 0, ${n(sqlite.rebuild.events)} events) | ${n(sqlite.rebuild.perSecond)} events/s (1 run) | — | — |`,
    two &&
      `| e | two-subgraph query, p99 at a fixed ${r.mode === 'quick' ? 50 : 200} req/s, our gateway | ${ms(two.fixed.ours.p99)}, achieved ${n(two.fixed.ours.rps.median)} req/s | ≤ 50 ms at 200 req/s | ${verdict(r.mode === 'quick' ? null : two.fixed.ours.p99.median <= 50)} |`,
    two &&
      `| e | two-subgraph query, saturation req/s: ours vs @apollo/gateway | ${n(two.max.ours.rps.median)} vs ${n(two.max.apollo.rps.median)} = ${n(two.max.ours.rps.median / two.max.apollo.rps.median, 2)}× | ≥ 2× | ${verdict(two.max.ours.rps.median / two.max.apollo.rps.median >= 2)} |`,
    sqlite &&
      `| f | peak RSS of the embedded platform (${n(sqlite.rebuild.events)} events and their read models, after the GraphQL load) | ${n(sqlite.peakRss / 2 ** 20)} MiB | ≤ 1 GiB with the tianmen year | ${verdict(r.mode === 'quick' ? null : sqlite.peakRss <= 2 ** 30)} |`,
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
same run against the same PostgreSQL, are the more telling numbers. "Before" figures below are the
previous full run (2026-11-25 22:19) unless said otherwise.

- **a. appends (met).** An \`appendToStream\` was six round trips (BEGIN, \`SELECT … FOR UPDATE\` of
  the head, the event INSERT, the head INSERT/UPDATE, \`pg_notify\`, COMMIT): 27 % of the raw ceiling
  and 0.6× Emmett with 16 writers. It is now one statement of data-modifying CTEs, run without an
  explicit transaction (one round trip, atomic as every statement is): the head moves only if it is
  still at the version *and hash* the events were chained on, and the events, outbox rows and command
  row are inserted only if it moved; a concurrent writer blocks on the head row, then finds it moved
  (\`ConcurrencyError\`). The previous hash comes from the stream read a command makes anyway (the store
  remembers the last version and hash it read or wrote per stream), is the genesis hash for a new
  stream, and costs one plain SELECT otherwise. Profiling the 16-writer case found a second cause:
  \`pg_notify\` inside the transaction takes PostgreSQL's global notify lock from pre-commit until the
  commit record is flushed, so every appending commit waited for the previous one's fsync (no group
  commit). NOTIFY is now sent after the commit, coalesced (at most one in flight, one per 5 ms), on a
  connection of its own; in-process subscribers are woken directly. Measured back to back while
  developing: with pg_notify per append 57 % of raw and 1.47× Emmett, with it after the commit 68–81 %
  and 1.7–1.8× (the raw ceiling itself moved from 5.6 k to 8.5 k/s between two full runs an hour apart;
  the first of them put ours at 107 %).
  One writer stays at 50–65 % of the raw INSERT: per append there is JavaScript work
  (validation, canonical JSON, SHA-256) and a heavier statement (head row, four indexes on events).
- **b. bulk import (before: 6.5 k events/s).** \`appendBatch\` is bound by JavaScript: a CPU profile of a 22 k-event import
  spends about 65 µs per event in zod validation, RFC 8785 canonical JSON and SHA-256 of the chain,
  JSON.stringify and node-postgres' array-literal escaping, with GC at 13 %; PostgreSQL's part is
  the smaller one. A quadratic step was removed (which heads moved: one scan of the batch per head), and the rows now go
  as one jsonb parameter instead of ten array literals escaped element by element (+11 % back to back).
  The raw COPY of the same rows reaches 38–65 k/s between runs here, so the target sits near raw COPY.
  Next steps: hash independent streams in worker threads; binary COPY for very large imports.
- **c. catch-up read (before: 26 k events/s).** \`readAll\` is level with a raw keyset SELECT of the same columns (10–20 % either
  side between runs); both are bound by node-postgres building rows and parsing the jsonb columns (GC
  20 % of the profile). The 150 k/s target is above what the raw SELECT reaches on this machine.
- **d. projection rebuild.** Three causes, all ours, all fixed:
  1. SQLite's \`readCommitted\` (what every subscription pages through) asked for
     \`transaction_id > ? OR (transaction_id = ? AND global_position > ?)\`, which no index serves: every
     call scanned and sorted the whole events table (199 ms on the tianmen log). Every catch-up batch
     paid it — rebuilds were quadratic — and so did every idle poll. With one writer, commit order is
     position order, so it is now a primary-key range.
  2. \`applyBatch\` did one \`load\` (a SELECT) per stream and one \`save\` per document: projections now
     have \`loadMany\`/\`saveMany\` (one \`$in\` query per table; delete and multi-row insert by key,
     without the ORM reading rows back; a goal's indicators rewritten only when an event changed them).
  3. Six subscriptions each read the whole log: the runner now reads it once and feeds every
     projection (each still in its own transaction with its checkpoint; one that fails retries on a
     subscription of its own). Batches are 1,000 events, and the runner yields to the event loop
     between them.
  The tianmen year on SQLite now rebuilds in 33 s (11,490 events/s; before 1,032 s, 363 events/s).
  On PostgreSQL the tianmen year takes 85 s (4,406 events/s), the \`small\` year in the table above;
  that figure counts from the process start, so it includes the platform's own start (schema
  creation, type-graphql schemas, the gateway), which shares the event loop with the catch-up.
  Applying the \`small\` year's batches alone, one projection after another, ran at 11–16 k events/s
  on PostgreSQL.
  What remains on PostgreSQL is writing the rows: timing \`saveMany\` on the \`small\` year gives 60 % of
  the apply time, of which node's CPU is a sixth to a quarter — the rest is PostgreSQL inserting wide
  rows (JSON columns) into tables with several indexes, for six read models. The writes are not
  redundant: each goal's row is written about once per rebuild (2,019 saves for 2,019 goals). Before: ~1,000 events/s on the
  \`small\` year on both databases. 30 k/s would need a
  different rebuild path (COPY into unindexed shadow tables, indexes built after, then swapped in).
- **e. GraphQL (before: p99 558 ms).** Two causes of the old fixed-rate p99 were not the platform's
  work. (1) The idle
  polls above: six subscriptions polling four times a second, each poll a full scan and sort of the
  events table on the event loop (better-sqlite3 is synchronous), so every request waited behind
  them. (2) autocannon's \`overallRate\` is not a fixed arrival rate: each of the 50 connections sends
  its share of a second back to back as the second starts, so requests arrive in bursts of 50, and
  its coordinated-omission correction assumes a 1 ms interval — its p99 measured how long a burst
  takes to drain. The fixed-rate rows now come from an open-loop generator of our own (request i due
  at i/rate, latency counted from when it was due); saturation is still autocannon with 10
  connections. Gateway, three subgraphs and SQLite share one event loop in embedded mode, and the
  load generator and other agents' work share the 2 cores, so p99 still swings with the machine's load
  and with GC pauses. Hive Gateway's in-flight deduplication is on (its default), which flatters
  cases where every client sends the same query; @apollo/gateway has no such merge.
- **Read models at city-year scale.** The earlier 3–29 s single answers on the tianmen year were
  the event loop kept busy by the idle polls of (d.1): 6 subscriptions × 4 polls/s × ~0.2 s of table
  scan is more work than a second holds. With that fixed, and with indexes for the pages and
  aggregates the planning queries run (\`rm_goal\` (status, updatedAt), (updatedAt), (projectId,
  status); \`rm_project\` (fiscalYear, unitId, projectId), (libraryStatus, proposedAt)), see the
  separate measurements below. Goal coverage is now a left join on those covering indexes instead of a
  subquery per project: the same 41 ms on SQLite at tianmen scale, and on PostgreSQL 100–150 ms
  against 189 ms (a join on a grouped subquery reached 69 ms there but 83–347 ms on SQLite).
- **f. RSS** is measured here on the \`small\` year; with the tianmen year loaded see below.
- **g. seeding** the tianmen year (374 k events through the deciders, validated, hash-chained) is
  bound by the same JavaScript work as b; it meets 60 s on a quiet machine and misses it under load.
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
