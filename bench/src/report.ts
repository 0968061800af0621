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
