import type { AppendFigures } from './append';
import type { BulkFigures } from './bulk';
import type { ConsoleFigures } from './console-browser';
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
  /** h. The console in the browser on the served year; `date` and `scale` when measured apart (console-run.js). */
  console?: Maybe<ConsoleFigures & { date?: string; scale?: string }>;
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
  rows.push(...consoleTargetRows(r));
  return rows.filter((row): row is string => typeof row === 'string');
}

/** The h rows of the targets table. */
function consoleTargetRows(r: Results): string[] {
  const c = r.console && ok(r.console);
  const full = c && c.rows >= 200;
  if (!c) return [];
  return [
    `| h | console: home page's first meaningful paint (the year's figures on screen), cold, ${n(c.goals)} goals | ${ms(c.homeMeaningful)} | ≤ 2 s | ${verdict(full ? c.homeMeaningful.median <= 2000 : null)} |`,
    `| h | console: goals list with ${c.rows} rows usable (rows on screen, then the main thread idle), 200 a page picked on the list | ${c.switchIdle ? ms(c.switchIdle) : '—'} | ≤ 1 s with 200 rows | ${verdict(full && c.switchIdle ? c.switchIdle.median <= 1000 : null)} |`,
  ];
}

/**
 * results.md with stage h's rows and section put in (or replaced) and the rest kept as it is — the
 * file holds notes added by hand that a full render from results.json would drop.
 */
export function spliceConsole(markdown: string, r: Results): string {
  const lines = markdown.split('\n').filter((line) => !line.startsWith('| h | console:'));
  const start = lines.indexOf('## Console in the browser');
  if (start >= 0) {
    const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
    lines.splice(start, (end < 0 ? lines.length : end) - start);
  }
  const lastTarget = lines.reduce((last, line, i) => (/^\| [a-g] \|/.test(line) ? i : last), -1);
  lines.splice(lastTarget + 1, 0, ...consoleTargetRows(r));
  const before = lines.findIndex((line) => line.startsWith('## What the misses come from'));
  lines.splice(before < 0 ? lines.length : before, 0, ...consoleSection(r));
  return lines.join('\n');
}

const kib = (bytes: number) => `${n(bytes / 1024)} KiB`;

/** h. The console in the browser, and the production bundle. */
function consoleSection(r: Results): string[] {
  const c = r.console && ok(r.console);
  if (!c) return [];
  return [
    '## Console in the browser',
    '',
    `Debian's chromium (headless, \`playwright-core\`) against the platform serving the ${c.scale ?? (r.mode === 'quick' ? 'demo' : 'tianmen')} year (${n(c.goals)} goals of 2023), signed in as the performance section (every unit's goals), each run in a new browser context (nothing cached), after one unmeasured visit, with the machine's load average at ${c.load ? c.load.map((l) => n(l, 1)).join(' → ') : '—'} on its 2 shared cores${c.date ? `; measured ${c.date} by \`bench/dist/console-run.js\`` : ''}. Times are the page's own clock from the navigation's start (from the click for the size change), taken at the first animation frame where the thing is on screen; "idle" is the next \`requestIdleCallback\` after it. Figures are written, not asserted.`,
    '',
    '| page | measure | figure |',
    '|---|---|---|',
    `| 工作台 (home) | first contentful paint | ${ms(c.homeFcp)} |`,
    `| | first meaningful paint: the year's figures (绩效目标 count) on screen | ${ms(c.homeMeaningful)} |`,
    `| | JS and CSS it loads (decoded) | ${kib(c.homeBytes)} |`,
    `| 绩效目标 (goals), opened at 200 a page | ${c.rows} rows on screen | ${ms(c.goalsRows)} |`,
    `| | main thread idle after them | ${ms(c.goalsIdle)} |`,
    `| 绩效目标, 200 a page picked in the size changer | ${c.rows} rows on screen, from the click | ${c.switchRows ? ms(c.switchRows) : '— (no size changer at 50 rows or fewer)'} |`,
    `| | main thread idle after them, from the click | ${c.switchIdle ? ms(c.switchIdle) : '—'} |`,
    '',
    `Production bundle (\`console/dist/assets\`, JS and CSS): ${kib(c.bundle.raw)} raw, ${kib(c.bundle.gzip)} gzipped (level 9); the build writes Brotli and gzip files beside each one, which the platform sends to browsers that accept them.`,
    '',
    '| file | raw | gzip |',
    '|---|---|---|',
    ...c.bundle.files.map((f) => `| ${f.name} | ${kib(f.raw)} | ${kib(f.gzip)} |`),
    '',
    'Where the time goes (issue 14; profiled 2026-12-08 with Chrome traces at load 13–22, so the wall times',
    'there are 1.5–3× those of a quiet machine; the main thread’s CPU time is the steadier figure).',
    'Home: the page’s main thread does 350–400 ms of work in all (module evaluation ~130 ms, then React’s first',
    'render of the frame and the home page with Ant Design’s CSS-in-JS); its five GraphQL reads answer in',
    '20–170 ms each when sent alone (curl, load 13; `goalStatusCounts` is one read of the goal-counts read',
    'model), but 0.4–1.4 s while the browser and other jobs share the 2 cores, so the figures follow the load.',
    'Done: Ant Design is no longer one forced 1.3 MiB vendor chunk (the first page loads the components it and',
    'the shell use, each page the rest), each `graphql()` document is a module of its own at build time',
    '(codegen’s map of all 108 operations keyed by their text was in the entry chunk), and oidc-client-ts',
    'loads only where a provider is configured: the JS the home page needs before it renders went from',
    '1,606 KiB to 1,085 KiB (`TypedDocumentString-….js` is the chunk it shares with the other pages: React',
    'Router, TanStack Query and the antd components both use; Rolldown names it after one of its modules).',
    'The main thread’s CPU for the home page did not move measurably with it (353 vs',
    '380 ms median of 6 — V8 compiles lazily, so the unused code cost transfer and pre-parse, not run time).',
    'Goals list, 200 a page picked: ~450 ms of main-thread CPU — the render of 200 rows of antd’s table as one',
    '270–380 ms task, style recalculation ~200 ms, layout and paint ~100 ms; the answer for 200 goals takes',
    '90–220 ms (curl, load 13); from the click to the request 150–360 ms (Playwright’s click waits for the',
    'opening option list to stop moving, then the size changer’s change and the router’s navigation). The',
    'status tag of each row (antd `Tag`, a CSS-in-JS hook per instance) is ~90 ms of the CPU (a build without',
    'it: 357 vs 446 ms); the row links are not measurable.',
    'Before and after the bundle change in the same conditions (2026-12-08: the same seeded store served afresh',
    'for each build, the builds alternated, 2 × 3 runs each, load 4–11): home first contentful paint 1,104 /',
    '980 → 820 / 912 ms, first meaningful paint 1,144 / 1,039 → 899 / 971 ms; goals opened at 200, rows on',
    'screen 1,308 / 1,392 → 1,206 / 1,361 ms; 200 a page picked, idle from the click 1,655 / 1,839 → 1,642 /',
    '1,512 ms (within the noise). The home page’s 2,213 ms of 2026-12-07 is not reproduced by the previous',
    'build today either (1,039–1,144 ms above): most of that difference is the machine, not this change.',
    'Earlier (2026-12-07): one `goalStatusCounts` read instead of seven counts, every page but the home loaded',
    'on its first visit, the directory’s units read in one query, two indexes on `rm_goal`, the list’s columns',
    'built once. Next for the list: a status cell without a per-row antd component, and a virtual table (the',
    'bench counts rows in the DOM, so it must count the virtual rows first).',
    '',
  ];
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

- **a. appends (each half met in most runs; which one misses moves with the machine).** The 16-writer ratio to the raw INSERT moves between 60 % and 87 % from one full run to the next, and the ratio to Emmett between 1.4× and 2×,
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
- **b. bulk import (before: 16 k events/s on the \`small\` year, 7–9 k on tianmen).** Now measured on the
  tianmen year (374,122 events), imported afresh three times, against a raw COPY of the very rows
  it wrote, in the same run. On this machine the raw COPY of that year reaches only 22–43 k
  events/s between runs (one transaction, the table's four indexes, ~1 KB rows: PostgreSQL's WAL
  and index inserts); 50 k/s is above what PostgreSQL itself takes here. What was ours:
  1. \`INSERT … SELECT FROM jsonb_to_recordset($1)\` spent ~50 µs per event in the function scan
     (a hash table built per JSON object): 20.8 s of a 40 s import. The batch now reserves one
     position per event from the table's sequence and streams the events in with \`COPY … FROM
     STDIN\`; each append is hashed as the connection asks for more lines, so node's hashing
     overlaps PostgreSQL's inserting (9.2 k → 13.3 k events/s back to back).
  2. Event bodies are stored as \`json\`, the text written, not \`jsonb\`: never queried inside by the
     store, and jsonb's parse on insert and print on every read were most of PostgreSQL's work
     (printing the tianmen log's bodies: 2.3 s as jsonb, 1.6 s as json). A store made with jsonb
     converts once on open.
  3. RFC 8785 canonical JSON was 20 µs an envelope (the \`canonicalize\` package builds strings by
     template concatenation). It is now \`safe-stable-stringify\` (sorted keys, throwing on non-JSON;
     a test checks it byte for byte against \`canonicalize\` and that stored hashes are unchanged),
     and the envelope is assembled around bodies canonicalized once: the metadata once per append,
     the data once per event, and that same data text is what COPY stores. JavaScript per event,
     validation to COPY line: 27–32 µs → 21–25 µs.
  4. COPY lines were joined with \`+=\`: encoding that rope to UTF-8 was 14 % of the profile;
     they are now gathered and joined per 256 KB chunk.
  What remains is node: ~45 µs of CPU per event in the import (GC 13–24 %: the bench holds the
  whole generated year in memory; zod validation 5 µs; canonical JSON and SHA-256 ~12 µs; the
  result objects), on the one core PostgreSQL leaves. Hashing in worker threads would compete with
  PostgreSQL for the same two cores.
- **c. catch-up read (before: 26 k events/s).** Measured on the tianmen log after the imports, vacuumed
  (a subscriber meets a log that has been there; the first reader of freshly imported rows
  writes every page it reads: 73 k vs 103 k events/s in one trial), alternating with the raw
  SELECT. \`readAll\` is level with or above the raw keyset SELECT of the same columns (it takes rows as
  arrays); both are bound by node-postgres building rows and parsing the JSON bodies. Done:
  rows as arrays, \`recorded_at\` formatted by PostgreSQL as the ISO text the hash chain covers
  (89–92 k → 101–115 k on a quiet machine); \`json\` bodies (PostgreSQL no longer prints jsonb:
  the server's share of a page dropped by a third); and node's young generation: with the
  default 16 MiB semi-space a page of 5,000 events outlives two scavenges and is promoted, so GC
  was 37 % of the profile. \`npm start\`, \`seed\`, \`rebuild\` and \`bench\` now run node with
  \`--max-semi-space-size=64\` (GC 11 %; on the tianmen log 90 k → 135–148 k events/s back to
  back, up to 170 k in one run). The figure moves with the machine (the same script gave 115 k and 173 k
  within minutes); 150 k/s sits at the top of what the raw SELECT reaches here. Catch-up
  subscriptions now also read the next page while the consumer handles the current one. Tried
  and dropped: one JSON document per page built by PostgreSQL (\`json_agg\`, \`string_agg\`): 18–23 k
  events/s, PostgreSQL's aggregation is far slower than its row output.
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
     34,261 goals and 130,170 indicators took 17 s to write. \`insertRows\` first sent 5,000 rows
     as one JSON parameter to \`json_populate_recordset\`, which turned out to spend ~170 µs per
     goal row building records (5,000 goals: 840 ms; the final flush of the tianmen year: 10–12 s).
     It now streams rows with \`COPY … FROM STDIN\` on the transaction's connection (the same
     5,000 goals: 90 ms; the flush: 4 s); a test checks it writes exactly what \`insertMany\`
     writes, tabs, newlines, backslashes and \`\\N\` included.
  3. Six projections each read the whole log; the rebuild now reads it once for all of them, folds
     documents in memory (each written once, into tables without their secondary indexes, which are
     built afterwards in 0.6 s), and writes all projections at once, each in three parts.
  Measured back to back (tianmen, all six read models): 9.2 k → 12 k (page query) → 23 k
  (\`insertRows\` by JSON) → 27–28 k events/s on a quiet machine (array rows, parallel writes); this
  session, on a machine running everything about half as fast as the last (the raw INSERT ceiling
  of a: 3.1 k vs 9.2 k/s), 16–17 k → 22–27 k (COPY in \`insertRows\`, json bodies,
  \`--max-semi-space-size=64\`). What remains is node, one core, CPU-bound for the whole
  rebuild: GC 24 % (up to 50,000 documents per projection held, ~0.9–1.3 GB RSS), reading and
  parsing the log ~3–4 s (the page read ahead overlaps PostgreSQL's work, not node's parsing),
  folding, and encoding COPY lines. Tried and dropped: the page as one flat query (no subquery,
  so no second sort: PostgreSQL then chose a bitmap scan and sorted the rest of the log, 5 k events/s), and
  ordering the page in node instead (no gain: PostgreSQL's sort runs on the other core).
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
  The p99 of the two-subgraph query was 35 ms in the previous full run and is 100–160 ms in this
  session's runs, on a machine running everything about half as fast (the raw INSERT ceiling of a
  and the cold start of g moved alike). The new \`--max-semi-space-size=64\` is not the cause:
  served from the same tianmen file, back to back, p99 136 ms without it and 114 ms with it (p50
  23 and 15 ms).
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
  bound by the same JavaScript work as b; it meets 60 s on a quiet machine and misses it under load.- **Session 6 (hardening), quick runs back to back on one machine, before (a54d078) → after:** a
  74 % → 74 % of raw INSERT, 1.12× → 1.01× Emmett (1.07× in CI's own run); b 2,576 → 3,560 events/s;
  c 13,890 → 12,997 events/s (raw SELECT 10,462 → 8,194: the machine); d 648 → 650 events/s; e p99
  30.6 → 33.4 ms, saturation 2.44× → 3.61× Apollo; g cold start 2,707 → 2,708 ms, small-year seed
  1.8 → 2.1 s. One-run figures, within their noise. Not re-measured: the full run's tianmen rebuild
  (d), which now verifies every hash chain it reads — about +30 % on a 21 k-event log, measured by
  hand on a loaded machine.

## Subscription leak (issue 20)

Every pass of a subscription's loop (each idle poll, 4 a second, and each wake-up by an append) raced its
wait against a promise pending until the subscription closed, so each pass left reactions behind for the
subscription's whole life. \`node bench/dist/subscription-leak.js 50000 5000\` (the heap after full GCs, at a
warm-up point and at the end; two runs each, back to back), before (40de21c) → after (71672f1):
idle, 50,000 polls made instant: +15.6 MB, 312 B a poll (about 4.5 MB an hour per idle subscription) →
+23 KB, 0.5 B a poll; a live SQLite subscription over 5,000 one-event appends: +1.67–1.69 MB, 334–339 B an
append → +160 KB, the same +161 KB over 20,000 appends (warm-up, not per append).
The whole embedded platform (one graphql-ws subscription to a goal through the gateway, events appended
straight to the goal's stream, each awaited at the client; a one-off run, the heap of the one process): +3.8 MB
over 1,000 events before (3.8 KB an event: every subscription of the platform polling and waking, and the
gateway's token-expiry race per message) → −2 KB over 3,000 events after.
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
    ...consoleSection(r),
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
