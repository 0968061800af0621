import type { MixedFigures } from './mixed-load';
import { highestHeld, mixedTargetRows, NOTES_MARKER, spliceMixed, type MixedResults } from './mixed-report';

const at = (rate: number, p99: number, seconds = 600): MixedFigures => {
  const p = { count: 10, p50: p99 / 4, p95: p99 / 2, p99, max: p99 };
  return {
    rate,
    seconds,
    sent: rate * seconds,
    achieved: rate,
    reads: p,
    writes: p,
    all: p,
    operations: [{ ...p, name: 'goal + indicators + unit', kind: 'read', errors: 0 }],
    errors: {},
    errorMessages: {},
    maxInFlight: 3,
    workflows: { started: 1, completed: 1, broken: 0 },
    rss: { startMiB: 500, endMiB: 510, peakMiB: 512, slopeMiBPerMinute: 1, afterSeconds: 60 },
    intervals: [{ fromSecond: 0, achieved: rate, p50: p99 / 4, p99, errors: 0, rssMiB: 510 }],
    holds: p99 <= 300,
    loadAverage: { start: [1, 1, 1], end: [1, 1, 1] },
  };
};

const results = (rates: MixedFigures[], scale = 'tianmen'): MixedResults => ({
  date: '2026-12-07T14:00:00.000Z',
  how: '`npm run bench:mixed`',
  mode: 'embedded',
  scale,
  goals: 34261,
  units: 238,
  cpus: 2,
  rates,
});

const MARKDOWN = [
  '# results',
  '',
  '| | measure | figure | target | |',
  '|---|---|---|---|---|',
  '| g | seed | 1 s | ≤ 60 s | **met** |',
  '| h | console: home | 2 s | ≤ 2 s | **met** |',
  '',
  '## Console in the browser',
  '',
  'console text',
  '',
  '## What the misses come from, and what was done',
  '',
  'notes',
].join('\n');

describe('the mixed load in results.md', () => {
  it('names the highest rate whose whole run held', () => {
    expect(highestHeld(results([at(20, 120), at(40, 290), at(60, 900)]))).toBe(40);
    expect(highestHeld(results([at(20, 301)]))).toBeNull();
  });

  it('judges the target only on 10-minute runs on the tianmen year', () => {
    expect(mixedTargetRows(results([at(100, 250)]))[0]).toContain('**met**');
    expect(mixedTargetRows(results([at(60, 250), at(100, 400)]))[0]).toContain('**missed**');
    expect(mixedTargetRows(results([at(100, 250, 120)]))[0]).toContain('not measured');
    expect(mixedTargetRows(results([at(100, 250)], 'demo'))[0]).toContain('not measured');
  });

  it('puts its row after the last target and its section before the notes, and replaces them on a re-run', () => {
    const once = spliceMixed(MARKDOWN, results([at(20, 120)]));
    const lines = once.split('\n');
    expect(lines.indexOf(lines.find((l) => l.startsWith('| i | mixed load'))!)).toBe(
      lines.indexOf('| h | console: home | 2 s | ≤ 2 s | **met** |') + 1,
    );
    const section = lines.indexOf('## i. Mixed load (issue 20)');
    expect(section).toBeGreaterThan(lines.indexOf('## Console in the browser'));
    expect(section).toBeLessThan(lines.indexOf('## What the misses come from, and what was done'));
    const twice = spliceMixed(once, results([at(20, 500)]));
    expect(twice.split('\n').filter((l) => l.startsWith('| i | mixed load'))).toHaveLength(1);
    expect(twice.split('\n').filter((l) => l === '## i. Mixed load (issue 20)')).toHaveLength(1);
    expect(twice).toContain('| 20 | 10 min | 20 | 125 / 250 / 500 |');
    expect(twice).not.toContain('| 20 | 10 min | 20 | 30 / 60 / 120 |');
  });

  it('keeps the notes written by hand below the marker when the figures are replaced', () => {
    const withNotes = spliceMixed(MARKDOWN, results([at(20, 120)])).replace(
      '## What the misses come from',
      `${NOTES_MARKER}\n\nA note by hand.\n\n## What the misses come from`,
    );
    const again = spliceMixed(withNotes, results([at(40, 200)]));
    expect(again).toContain('A note by hand.');
    expect(again.indexOf('A note by hand.')).toBeGreaterThan(again.indexOf('| 40 | 10 min |'));
    expect(again).toContain('notes');
  });

  it('puts the soak and the short form after the rates, without a target row of their own', () => {
    const rates = spliceMixed(MARKDOWN, results([at(20, 120)]));
    const soaked = spliceMixed(rates, results([at(20, 150, 1800)]), 'soak');
    expect(soaked.split('\n').filter((l) => l.startsWith('| i |'))).toHaveLength(1);
    expect(soaked.indexOf('## i. Mixed-load soak (issue 20)')).toBeGreaterThan(
      soaked.indexOf('## i. Mixed load (issue 20)'),
    );
    expect(soaked.indexOf('## i. Mixed-load soak (issue 20)')).toBeLessThan(soaked.indexOf('## What the misses'));
    expect(spliceMixed(soaked, results([at(20, 150, 1800)]), 'soak')).toBe(soaked);
    const short = spliceMixed(soaked, results([at(20, 150, 60)]), 'short');
    expect(short.split('\n').filter((l) => l.startsWith('| i |'))).toHaveLength(1);
    expect(short.indexOf('## i. Mixed load, short form')).toBeGreaterThan(short.indexOf('## i. Mixed-load soak'));
    // a section without figures is taken out (a run whose mixed stage failed)
    expect(spliceMixed(short, undefined, 'short')).toBe(soaked);
  });
});
