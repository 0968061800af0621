import { opinionOn, SIGN_NOTES_MARKER, spliceSign, type SignFigures } from './sign-opinion-load';

const figures = (p99: number): SignFigures => ({
  date: '2026-12-07T17:18:38.890Z',
  how: '`npm run bench:sign`',
  scale: 'tianmen',
  waiting: 240,
  rate: 5,
  seconds: 30,
  started: 150,
  signed: 149,
  achieved: 4.9,
  total: { p50: 40, p95: 80.25, p99 },
  form: { p50: 12, p95: 20, p99: 30 },
  sign: { p50: 28, p95: 60, p99: 90 },
  errors: { ILLEGAL_STATE: 1 },
  outcomes: { CLEARED: 140, HELD: 9 },
});

const FILE = [
  '# Jixiao benchmark results (full run)',
  '',
  '| | measure | figure | target | |',
  '|---|---|---|---|---|',
  '| h | console | 1 ms | ≤ 1 s | **met** |',
  '| i | mixed load | none | ≥ 100 req/s | not measured |',
  '',
  '## What the misses come from, and what was done',
  '',
  'text',
].join('\n');

describe('the signing figure in results.md', () => {
  it('adds the j row after the last target row and the section before the notes on the misses', () => {
    const md = spliceSign(FILE, figures(120.4));
    const lines = md.split('\n');
    expect(lines[6]).toBe(
      '| j | signing a disbursement opinion (the pre-fill query, then the command), tianmen year, at a fixed 5/s: p50 / p95 / p99 | 40 / 80.3 / 120.4 ms | — | — |',
    );
    const section = lines.indexOf('## j. Signing a disbursement opinion (issue 15)');
    expect(section).toBeGreaterThan(6);
    expect(section).toBeLessThan(lines.indexOf('## What the misses come from, and what was done'));
    expect(md).toContain(
      '| 5/s over 30 s | 149 of 150 | 4.9/s | 40 / 80.3 / 120.4 ms | 12 / 20 / 30 ms | 28 / 60 / 90 ms | CLEARED 140, HELD 9 | ILLEGAL_STATE 1 |',
    );
  });

  it('replaces its row and section on a re-run, keeping the notes by hand after the marker', () => {
    const first = spliceSign(FILE, figures(120.4));
    const withNotes = first.replace(
      '## What the misses come from',
      `${SIGN_NOTES_MARKER}\n\nmeasured on a loaded machine\n\n## What the misses come from`,
    );
    const again = spliceSign(withNotes, figures(99));
    expect(again.match(/^\| j \|/gm)).toHaveLength(1);
    expect(again).toContain('40 / 80.3 / 99 ms | — | — |');
    expect(again).not.toContain('120.4');
    expect(again.match(/^## j\./gm)).toHaveLength(1);
    expect(again).toContain(`${SIGN_NOTES_MARKER}\n\nmeasured on a loaded machine\n\n## What the misses come from`);
    // a file written anew (npm run bench) takes the notes from the one it replaces
    const anew = spliceSign(FILE, figures(99), withNotes);
    expect(anew).toContain(`${SIGN_NOTES_MARKER}\n\nmeasured on a loaded machine\n`);
    // without figures (a failed stage) the notes stay under the section's title, and no row is made
    const failed = spliceSign(withNotes, undefined);
    expect(failed).not.toMatch(/^\| j \|/m);
    expect(failed).toContain(`## j. Signing a disbursement opinion (issue 15)\n\n${SIGN_NOTES_MARKER}`);
  });

  it('signs on what the form shows: held while funding is stopped or the goal is not under management', () => {
    const facts = { goalSet: true, inGoalManagement: true, stopFunding: false };
    expect(opinionOn(facts).outcome).toBe('CLEARED');
    expect(opinionOn({ ...facts, stopFunding: true })).toEqual({
      outcome: 'HELD',
      reasons: ['项目已被决定暂停拨款'],
      comment: '',
    });
    expect(opinionOn({ ...facts, inGoalManagement: false }).outcome).toBe('HELD');
    expect(opinionOn({ ...facts, goalSet: false }).outcome).toBe('HELD');
  });
});
