import { cacheKey, projectionVersions } from './redis-read-cache';

describe('the read cache key', () => {
  const rows = [
    { name: 'planning.goals', position: 40 },
    { name: 'planning.goals@jixiao.goal/0', position: '7' },
    { name: 'planning.goals@jixiao.goal/1', position: 9 },
    { name: 'planning.goals-archive', position: 1000 },
    { name: 'directory.units', position: 3 },
  ];

  it('sums a projection’s checkpoints, per partition in distributed mode, and ignores look-alike names', () => {
    expect(projectionVersions(rows, ['planning.goals', 'directory.units'])).toBe('56.3');
    expect(projectionVersions(rows, ['planning.projects'])).toBe('0');
  });

  it('changes when any projection moves, and differs per caller key', () => {
    const query = { name: 'reviewQueue', projections: ['planning.goals'], key: ['EXPERT', 'u1'] };
    const before = cacheKey('jixiao', query, '56');
    expect(cacheKey('jixiao', query, '56')).toBe(before);
    expect(cacheKey('jixiao', query, '57')).not.toBe(before);
    expect(cacheKey('jixiao', { ...query, key: ['EXPERT', 'u2'] }, '56')).not.toBe(before);
    expect(cacheKey('other', query, '56')).not.toBe(before);
    expect(before).toMatch(/^jixiao:cache:reviewQueue:[\w-]{43}$/);
  });
});
