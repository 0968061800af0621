import {
  dueDateFor,
  SELF_EVALUATION_NOTES_MARKER,
  SELF_EVALUATION_TARGET_MS,
  sheetOf,
  spliceSelfEvaluation,
  twentyIndicators,
  type SelfEvaluationFigures,
} from './self-evaluation-load';

const figures = (p99: number, submitted = 150): SelfEvaluationFigures => ({
  date: '2026-12-07T23:45:14.857Z',
  how: '`npm run bench:self-evaluation`',
  scale: 'tianmen',
  yearEvaluations: 24_780,
  fiscalYear: 2024,
  goals: 150,
  indicators: 20,
  prepareSeconds: 140.5,
  rate: 5,
  seconds: 30,
  started: 150,
  submitted,
  achieved: 5,
  total: { p50: 120, p95: 200.25, p99 },
  preview: { p50: 30, p95: 50, p99: 60 },
  submit: { p50: 90, p95: 150, p99: 190 },
  errors: submitted < 150 ? { NOT_YET_VISIBLE: 150 - submitted } : {},
  grades: { EXCELLENT: submitted },
});

const FILE = [
  '# Jixiao benchmark results (full run)',
  '',
  '| | measure | figure | target | |',
  '|---|---|---|---|---|',
  '| i | mixed load | none | ≥ 100 req/s | not measured |',
  '| j | signing a disbursement opinion | 1 ms | — | — |',
  '',
  '## j. Signing a disbursement opinion (issue 15)',
  '',
  'j text',
  '',
  '## What the misses come from, and what was done',
  '',
  'text',
].join('\n');

describe('the self-evaluation figure in results.md', () => {
  it('adds the k row after the j row and its section after j’s, before the notes on the misses', () => {
    const lines = spliceSelfEvaluation(FILE, figures(250.4)).split('\n');
    expect(lines[6]).toBe(
      '| k | scoring and submitting a self-evaluation of a 20-indicator goal (the score preview, then the submission), tianmen year, at a fixed 5/s: p50 / p95 / p99 | 120 / 200.3 / 250.4 ms | p99 ≤ 300 ms at 5/s | **met** |',
    );
    const section = lines.indexOf('## k. Scoring and submitting a self-evaluation (issue 16)');
    expect(section).toBeGreaterThan(lines.indexOf('## j. Signing a disbursement opinion (issue 15)'));
    expect(section).toBeLessThan(lines.indexOf('## What the misses come from, and what was done'));
    expect(lines).toContain(
      '| 5/s over 30 s | 150 of 150 | 5/s | 120 / 200.3 / 250.4 ms | 30 / 50 / 60 ms | 90 / 150 / 190 ms | EXCELLENT 150 | none |',
    );
  });

  it('says met at the target and missed above it, or with a sheet not submitted', () => {
    const row = (f: SelfEvaluationFigures) => spliceSelfEvaluation(FILE, f).split('\n')[6]!;
    expect(row(figures(SELF_EVALUATION_TARGET_MS))).toMatch(/\| \*\*met\*\* \|$/);
    expect(row(figures(SELF_EVALUATION_TARGET_MS + 0.1))).toMatch(/\| \*\*missed\*\* \|$/);
    expect(row(figures(100, 149))).toMatch(/\| \*\*missed\*\* \|$/);
  });

  it('replaces its row and section on a re-run, keeping the notes by hand after the marker', () => {
    const first = spliceSelfEvaluation(FILE, figures(250.4));
    const withNotes = first.replace(
      '## What the misses come from',
      `${SELF_EVALUATION_NOTES_MARKER}\n\nmeasured on a loaded machine\n\n## What the misses come from`,
    );
    const again = spliceSelfEvaluation(withNotes, figures(99));
    expect(again.match(/^\| k \|/gm)).toHaveLength(1);
    expect(again).toContain('120 / 200.3 / 99 ms | p99 ≤ 300 ms at 5/s | **met** |');
    expect(again).not.toContain('250.4');
    expect(again.match(/^## k\./gm)).toHaveLength(1);
    expect(again).toContain(`${SELF_EVALUATION_NOTES_MARKER}\n\nmeasured on a loaded machine\n\n## What the misses`);
    const anew = spliceSelfEvaluation(FILE, figures(99), withNotes);
    expect(anew).toContain(`${SELF_EVALUATION_NOTES_MARKER}\n\nmeasured on a loaded machine\n`);
    const failed = spliceSelfEvaluation(withNotes, undefined);
    expect(failed).not.toMatch(/^\| k \|/m);
    expect(failed).toContain(
      `## k. Scoring and submitting a self-evaluation (issue 16)\n\n${SELF_EVALUATION_NOTES_MARKER}`,
    );
  });
});

describe('the bench’s goal and sheet', () => {
  it('has twenty indicators of five points, 100 in all, with output, benefit and satisfaction', () => {
    const indicators = twentyIndicators();
    expect(indicators).toHaveLength(20);
    expect(indicators.every((i) => i.points === 5)).toBe(true);
    expect(new Set(indicators.map((i) => i.level1))).toEqual(new Set(['OUTPUT', 'BENEFIT', 'SATISFACTION']));
    expect(new Set(indicators.map((i) => i.name)).size).toBe(20);
    for (const i of indicators) expect(i.operator === 'QUALITATIVE').toBe(i.targetValue === undefined);
  });

  it('meets every line but two, which fall short and carry a cause and a measure', () => {
    const goal = twentyIndicators().map((i, k) => ({
      id: `i${k}`,
      operator: i.operator,
      targetValue: i.targetValue ?? null,
    }));
    for (const n of [0, 1, 7, 19, 149]) {
      const sheet = sheetOf('e1', goal, n, 5_000_000);
      expect(sheet.executed).toBe('4500000.00');
      expect(sheet.indicators.map((l) => l.indicatorId)).toEqual(goal.map((g) => g.id));
      const short = sheet.indicators.filter((l, k) => {
        const g = goal[k]!;
        const actual = (l as { actual?: number }).actual;
        if (g.operator === 'QUALITATIVE')
          return (l as { qualitative: { level: string } }).qualitative.level !== 'ACHIEVED';
        return g.operator === 'LTE' ? actual! > g.targetValue! : actual! < g.targetValue!;
      });
      expect(short.length).toBeGreaterThanOrEqual(1);
      expect(short.length).toBeLessThanOrEqual(2);
      for (const l of sheet.indicators) {
        const explained = 'deviationCause' in l;
        expect(explained).toBe(short.includes(l));
      }
    }
  });

  it('sets the notice due on 31 March after the year, or 90 days from today once that has passed', () => {
    expect(dueDateFor(2024, new Date('2024-11-01T00:00:00Z'))).toBe('2025-03-31');
    expect(dueDateFor(2024, new Date('2026-12-07T00:00:00Z'))).toBe('2027-03-07');
    // the day 90 days from today is 31 March itself: either way the same
    expect(dueDateFor(2024, new Date('2024-12-31T00:00:00Z'))).toBe('2025-03-31');
  });
});
