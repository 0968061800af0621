import type { MixedFigures } from './mixed-load';

/** What `results.json`'s `mixed` holds: one run of the mixed load at one or more rates. */
export interface MixedResults {
  date: string;
  /** `npm run bench:mixed`, `npm run bench:soak`, or the short load of `npm run bench`. */
  how: string;
  mode: 'embedded' | 'distributed';
  scale: string;
  goals: number;
  units: number;
  cpus: number;
  rates: MixedFigures[];
  /** Said with the figures: e.g. measured briefly on a shared machine. */
  caveat?: string;
}

/** The three sections: `npm run bench:mixed`'s rates, the short form in `npm run bench`, the soak. */
export type MixedKind = 'rates' | 'short' | 'soak';
const TITLES: Record<MixedKind, string> = {
  rates: '## i. Mixed load (issue 20)',
  short: '## i. Mixed load, short form in `npm run bench` (issue 20)',
  soak: '## i. Mixed-load soak (issue 20)',
};
const n = (v: number, digits = 0) =>
  Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: digits }) : '—';
const minutes = (s: number) => (s % 60 === 0 ? `${s / 60} min` : `${s} s`);

/** The highest rate whose whole run held p99 ≤ 300 ms (with < 0.1 % errors), or null if none did. */
export function highestHeld(m: MixedResults): number | null {
  const held = m.rates.filter((r) => r.holds).map((r) => r.rate);
  return held.length ? Math.max(...held) : null;
}

/** The i row of the targets table. */
export function mixedTargetRows(m: MixedResults | undefined): string[] {
  if (!m) return [];
  const best = highestHeld(m);
  const tenMinutes = m.rates.every((r) => r.seconds >= 600) && m.scale === 'tianmen';
  const figure = `${best === null ? `none of ${m.rates.map((r) => r.rate).join(', ')} req/s` : `${best} req/s`} held p99 ≤ 300 ms over ${minutes(Math.min(...m.rates.map((r) => r.seconds)))}`;
  const verdict = !tenMinutes
    ? 'not measured (runs shorter than 10 min)'
    : best !== null && best >= 100
      ? '**met**'
      : '**missed**';
  return [
    `| i | mixed load (80 % reads, 20 % workflow writes), ${m.mode}, ${m.scale} year: highest open-loop rate with p99 ≤ 300 ms for 10 min | ${figure} | ≥ 100 req/s | ${verdict} |`,
  ];
}

const p = (x: { p50: number; p95: number; p99: number }) => `${n(x.p50)} / ${n(x.p95)} / ${n(x.p99)}`;

/** The section: per rate, then per operation, per interval. */
export function mixedSection(m: MixedResults | undefined, kind: MixedKind = 'rates'): string[] {
  if (!m) return [];
  const best = highestHeld(m);
  const lines = [
    TITLES[kind],
    '',
    `${m.how} on ${m.date.slice(0, 16).replace('T', ' ')} UTC: the ${m.mode} platform serving the ${m.scale} year (${n(m.goals)} goals, ${m.units} budget units) on ${m.cpus} cores. ` +
      'The load is open-loop: request i is due at i / rate and sent then, whatever earlier ones are doing, and its latency counts from when it was due ' +
      '(errors and 30 s client timeouts included, at when they ended), so a server that falls behind shows it as latency. ' +
      'About 80 % reads — goal lists (a unit’s, by status; the year by status, later pages; text search), a goal with its indicators and unit, review queues as the ' +
      'performance and budget sections, an expert, a department and a unit, goal coverage (the year, a unit), review statistics, budget units, goal histories — and ' +
      '20 % writes: the next step of a workflow whose previous step has answered (propose a project → draft its goal → revise an indicator → submit → ' +
      'the department’s review for a second-level unit → the three joint-review opinions → the performance section’s approval), each with a command id, as the role ' +
      'that does it. "Holds" means p99 ≤ 300 ms over the whole run with fewer than 0.1 % errors. RSS is the platform process’s (VmRSS, sampled every 5 s); ' +
      'its slope is a least-squares fit after the first minute (the first quarter of shorter runs).',
    '',
  ];
  if (m.caveat) lines.push(`**${m.caveat}**`, '');
  lines.push(
    `Highest rate that held: ${best === null ? 'none' : `**${best} req/s**`}.`,
    '',
    '| rate | run | achieved req/s | reads p50 / p95 / p99 ms | writes p50 / p95 / p99 ms | errors by code | most in flight | workflows started / done / broken | RSS start → end (peak), slope | load average start → end | holds |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...m.rates.map(
      (r) =>
        `| ${r.rate} | ${minutes(r.seconds)} | ${n(r.achieved, 1)} | ${p(r.reads)} | ${p(r.writes)} | ${
          Object.entries(r.errors)
            .map(([code, count]) => `${code} ${n(count)}`)
            .join(', ') || 'none'
        } | ${r.maxInFlight} | ${r.workflows.started} / ${r.workflows.completed} / ${r.workflows.broken} | ${
          r.rss
            ? `${n(r.rss.startMiB)} → ${n(r.rss.endMiB)} MiB (${n(r.rss.peakMiB)}), ${n(r.rss.slopeMiBPerMinute, 2)} MiB/min`
            : '—'
        } | ${r.loadAverage.start.map((l) => n(l, 1)).join(' ')} → ${r.loadAverage.end.map((l) => n(l, 1)).join(' ')} | ${r.holds ? 'yes' : 'no'} |`,
    ),
    '',
    `Per operation, p50 / p99 ms (count, errors), at each rate:`,
    '',
    `| operation | ${m.rates.map((r) => `${r.rate} req/s`).join(' | ')} |`,
    `|---|${m.rates.map(() => '---').join('|')}|`,
    ...[...new Set(m.rates.flatMap((r) => r.operations.map((o) => `${o.kind}\u0000${o.name}`)))].map((key) => {
      const [kind, name] = key.split('\u0000') as [string, string];
      const cells = m.rates.map((r) => {
        const o = r.operations.find((x) => x.name === name);
        return o ? `${n(o.p50)} / ${n(o.p99)} (${n(o.count)}${o.errors ? `, ${o.errors} errors` : ''})` : '—';
      });
      return `| ${kind}: ${name} | ${cells.join(' | ')} |`;
    }),
    '',
    'Over the run, per interval: req/s answered without error in it; p50 / p99 ms and errors of the requests due in it; RSS MiB at its end:',
    '',
    '| rate | intervals |',
    '|---|---|',
    ...m.rates.map(
      (r) =>
        `| ${r.rate} | ${r.intervals
          .map(
            (x) =>
              `${x.fromSecond} s: ${n(x.achieved)}/s, ${n(x.p50)} / ${n(x.p99)}${x.errors ? `, ${x.errors} err` : ''}${x.rssMiB !== null ? `, ${n(x.rssMiB)}` : ''}`,
          )
          .join('; ')} |`,
    ),
    '',
  );
  return lines;
}

/**
 * results.md with the mixed load's section of this kind put in (where it was, else before the notes
 * on the misses) and, for the rates, its target row; the rest kept as it is (the file holds notes
 * added by hand), as `spliceConsole` does for stage h.
 */
export function spliceMixed(markdown: string, m: MixedResults | undefined, kind: MixedKind = 'rates'): string {
  let lines = markdown.split('\n');
  if (kind === 'rates') lines = lines.filter((line) => !line.startsWith('| i | mixed load'));
  let at = lines.indexOf(TITLES[kind]);
  let kept: string[] = [];
  if (at >= 0) {
    const end = lines.findIndex((line, i) => i > at && line.startsWith('## '));
    const removed = lines.splice(at, (end < 0 ? lines.length : end) - at);
    // the hand-written part of the section, after its marker, survives a re-run
    const marker = removed.indexOf(NOTES_MARKER);
    if (marker >= 0) kept = removed.slice(marker);
  } else {
    at = lines.findIndex((line) => line.startsWith('## What the misses come from'));
    if (at < 0) at = lines.length;
  }
  lines.splice(at, 0, ...(m ? [...mixedSection(m, kind), ...kept] : kept));
  if (kind === 'rates') {
    const lastTarget = lines.reduce((last, line, i) => (/^\| [a-h] \|/.test(line) ? i : last), -1);
    if (lastTarget >= 0) lines.splice(lastTarget + 1, 0, ...mixedTargetRows(m));
  }
  return lines.join('\n');
}

/** Below this line the section's text is written by hand and kept when the figures are replaced. */
export const NOTES_MARKER = '<!-- mixed load: notes by hand below, kept on re-runs -->';
