import { cacheKey, projectionVersions } from './redis-read-cache';

describe('the read cache key', () => {
  const rows = [
    { name: 'planning.goals', epoch: 'e1', batches: 40 },
    { name: 'planning.goals@jixiao.goal/1', epoch: 'e3', batches: '9' },
    { name: 'planning.goals@jixiao.goal/0', epoch: 'e2', batches: 7 },
    { name: 'planning.goals-archive', epoch: 'e4', batches: 1000 },
    { name: 'directory.units', epoch: 'e5', batches: 3 },
  ];

  it('lists each checkpoint of the projections read, per partition in distributed mode, and no look-alike names', () => {
    expect(projectionVersions(rows, ['planning.goals', 'directory.units'])).toBe(
      'planning.goals:e1:40,planning.goals@jixiao.goal/0:e2:7,planning.goals@jixiao.goal/1:e3:9|directory.units:e5:3',
    );
    expect(projectionVersions(rows, ['planning.projects'])).toBe('');
  });

  it('never repeats: a partition delivering an earlier position still counts a batch, a rebuild draws a new epoch', () => {
    const before = projectionVersions(rows, ['planning.goals']);
    const nextBatch = rows.map((r) => (r.name.endsWith('/0') ? { ...r, batches: 8 } : r));
    const rebuilt = rows.map((r) => (r.name === 'planning.goals' ? { ...r, epoch: 'e9', batches: 1 } : r));
    expect(
      new Set([
        before,
        projectionVersions(nextBatch, ['planning.goals']),
        projectionVersions(rebuilt, ['planning.goals']),
      ]).size,
    ).toBe(3);
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
