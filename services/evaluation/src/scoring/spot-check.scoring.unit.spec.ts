import { createHash } from 'node:crypto';
import { drawSpotCheck } from './spot-check.scoring';

const units = (n: number) => Array.from({ length: n }, (_, i) => `unit-${String(i + 1).padStart(3, '0')}`);

describe('the spot check draw', () => {
  it('is the same for the same seed and units, whatever order the units come in', () => {
    const first = drawSpotCheck(units(40), 10, 'spotcheck-2024');
    expect(first).toHaveLength(4);
    expect(drawSpotCheck(units(40), 10, 'spotcheck-2024')).toEqual(first);
    expect(drawSpotCheck([...units(40)].reverse(), 10, 'spotcheck-2024')).toEqual(first);
  });

  it('differs with another seed', () => {
    expect(drawSpotCheck(units(40), 10, 'spotcheck-2025')).not.toEqual(drawSpotCheck(units(40), 10, 'spotcheck-2024'));
  });

  it('takes the units with the lowest sha256(seed:unitId), in that order, so anyone can redraw it', () => {
    const hash = (id: string) => createHash('sha256').update(`s:${id}`).digest('hex');
    const expected = [...units(12)].sort((a, b) => (hash(a) < hash(b) ? -1 : 1)).slice(0, 3);
    expect(drawSpotCheck(units(12), 25, 's')).toEqual(expected);
  });

  it.each([
    [10, 10, 1],
    [11, 10, 2], // 1.1 → 2
    [20, 10, 2],
    [9, 10, 1], // 0.9 → at least one
    [1, 0.01, 1],
    [100, 0.99, 1],
    [100, 1.01, 2],
    [3, 33.33, 1], // 0.9999 → 1, not 2
    [3, 100, 3],
    [3, 150, 3],
    [10, 0, 0],
    [10, -5, 0],
    [10, -50, 0],
    [10, Number.NaN, 0],
    [10, Number.POSITIVE_INFINITY, 0],
    [0, 10, 0],
  ])('%d units at %d %% → %d', (n, percent, count) => {
    expect(drawSpotCheck(units(n), percent, 'seed')).toHaveLength(count);
  });

  it('counts a unit listed twice once', () => {
    expect(drawSpotCheck(['a', 'a', 'b'], 100, 'seed').sort()).toEqual(['a', 'b']);
  });
});
