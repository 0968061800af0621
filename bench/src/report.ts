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
previous full runs unless said otherwise.

- **a. appends (met in most runs).** The 16-writer ratio to the raw INSERT moves between 60 % and 87 % from one full run to the next
  on this machine (the raw ceiling itself moves by a third; 60 % was measured while PostgreSQL autovacuumed
  a 374 k-event schema of an experiment), and Emmett stays at about half of ours. An \`appendToStream\` was six round trips (BEGIN, \`SELECT … FOR UPDATE\` of
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
  20 % of the profile). Readers now take rows as arrays, with \`recorded_at\` formatted as the
  ISO text the hash chain covers by PostgreSQL (no \`Date\` parsed and formatted again per row):
  on the tianmen log, back to back on a quiet machine, \`readAll\` went from 89–92 k to 101–115 k
  events/s. The figure above is on the \`small\` year, where each run pays its own warm-up. The
  150 k/s target is above what the raw SELECT reaches on this machine.
- **d. projection rebuild (before: 7.8 k events/s on PostgreSQL, the \`small\` year, runner catch-up).**
  The PostgreSQL figure is now what an operator runs, \`rebuild-main.js all\`
  (\`rebuildProjections\`), on the tianmen year. Found by profiling, in order of effect:
  1. The rebuild read its page with a type filter, \`… AND type = ANY(…) ORDER BY transaction_id,
     global_position LIMIT 5000\`: PostgreSQL chose a bitmap scan and sorted the *rest of the log*
     for every page (120 ms a page at mid-log, 26 s of 40 on the tianmen year). The page is now
     taken by the commit-order index alone and the type tested on its rows; events no projection
     handles come back without their bodies (5 s).
  2. MikroORM's \`insertMany\` writes every value into the SQL text as a quoted literal (its
     \`formatQuery\`), and node-postgres measured and copied those megabyte statements:
     34,261 goals and 130,170 indicators took 17 s to write. \`insertRows\` sends 5,000 rows as one
     JSON parameter to \`json_populate_recordset\` (5.5 s, of which PostgreSQL ~3 s); a test checks
     it writes exactly what \`insertMany\` writes.
  3. Six projections each read the whole log; the rebuild now reads it once for all of them, folds
     documents in memory (each written once, into tables without their secondary indexes, which are
     built afterwards in 0.6 s), and writes all projections at once, each in three parts.
  Measured back to back on a quiet machine (tianmen, all six read models): 9.2 k → 12 k (page
  query) → 23 k (\`insertRows\`) → 27–28 k events/s (array rows, parallel writes). What remains:
  GC is 17 % of the profile (a rebuild holds up to 50,000 documents per projection, 1.1–1.3 GB
  peak RSS on the tianmen year; \`--max-semi-space-size=64\` gave +10 % in one trial), node-postgres
  building rows is 10 %, and the PostgreSQL inserts of the goal rows (wide, with JSON columns) are
  ~3 s that node cannot overlap. The bench's figure is lower than the quiet-machine one because
  its PostgreSQL has just taken the seeding and the other stages' schemas.
  The SQLite row is the embedded runner catching up from position 0 (there is no shadow-schema
  rebuild on SQLite; embedded mode rebuilds by catching up into fresh tables). The fixes of the
  previous round still hold there:
  SQLite's \`readCommitted\` is a primary-key range (it was a full scan and sort per batch,
  199 ms on the tianmen log), projections load and save a batch's documents a few statements at a
  time, and the runner reads the log once for all six projections (before: 363 events/s).
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
  The full run now serves the **tianmen year** (before: the \`small\` year). There a coverage
  aggregate takes ~40 ms of SQLite (200 units, 34,261 projects), which at 200 req/s is more work
  than one event loop holds: the first full run on tianmen answered it at p50 209 ms through our
  gateway and timed out direct to the subgraph (1,566 errors). Embedded mode now keeps the same
  versioned read cache as distributed mode's Redis in its own memory (\`memoryReadCache\`, 32 MiB),
  so \`goalCoverage\`, \`reviewQueue\` and \`reviewStatistics\` are computed once per change of
  the projections they read — a read after a write still sees it (keys follow the checkpoint stamps).
  Their rows here are therefore mostly cache hits, as a dashboard refreshed by many officials
  between two changes would be; the goal query is not cached. Its p99 on tianmen swings between
  runs (21–117 ms in a separate trial of 3 × 4 s), while the server's event loop was never blocked
  more than 30 ms and no GC pause exceeded 11 ms (traced with a GC observer and a 10 ms timer in
  the served process): the spikes are queueing across the gateway's two subgraph calls, not one
  long stall. Profiling that queueing found two costs in every subgraph answer, both ours: the
  policy and NUL checks ran as type-graphql *global* middlewares, which wrap every field of every
  object of an answer in an async chain (200 coverage rows × 6 fields), and Apollo Server's
  cache-control plugin instrumented every field although nothing sets cache hints. The checks now
  wrap only the Query/Mutation fields and the policy-listed \`Goal.history\` (the authorization
  matrix test fails without them), and the plugin is off: a cached 48-row coverage answer direct to
  the planning subgraph went from ~200 to 650–980 req/s, through our gateway from 230–300 to
  370–560 req/s (4 concurrent clients, back to back). What remains of the gateway's share is spread
  over the Yoga and Apollo request pipelines, token verification (EdDSA, ~5 %) and async hooks.
- **Read models at city-year scale.** The earlier 3–29 s single answers on the tianmen year were
  the event loop kept busy by the idle polls of (d.1): 6 subscriptions × 4 polls/s × ~0.2 s of table
  scan is more work than a second holds. With that fixed, and with indexes for the pages and
  aggregates the planning queries run (\`rm_goal\` (status, updatedAt), (updatedAt), (projectId,
  status); \`rm_project\` (fiscalYear, unitId, projectId), (libraryStatus, proposedAt)), single
  queries on tianmen answer in 10–60 ms. Goal coverage is now a left join on those covering indexes instead of a
  subquery per project: the same 41 ms on SQLite at tianmen scale, and on PostgreSQL 100–150 ms
  against 189 ms (a join on a grouped subquery reached 69 ms there but 83–347 ms on SQLite).
- **f. RSS** is measured on the tianmen year: the platform caught up from the seeded store
  (all six read models built), then answered the GraphQL load; the figure is the peak (VmHWM).
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
