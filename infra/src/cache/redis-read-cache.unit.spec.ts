import { cacheKey, projectionVersions } from './redis-read-cache';

describe('the read cache key', () => {
  const rows = [
    { name: 'planning.goals', stamp: 's1' },
    { name: 'planning.goals@jixiao.goal/1', stamp: 's3' },
    { name: 'planning.goals@jixiao.goal/0', stamp: 's2' },
    { name: 'planning.goals-archive', stamp: 's4' },
    { name: 'directory.units', stamp: 's5' },
  ];

  it('lists each checkpoint stamp of the projections read, per partition in distributed mode, and no look-alike names', () => {
    expect(projectionVersions(rows, ['planning.goals', 'directory.units'])).toBe(
      'planning.goals:s1,planning.goals@jixiao.goal/0:s2,planning.goals@jixiao.goal/1:s3|directory.units:s5',
    );
    expect(projectionVersions(rows, ['planning.projects'])).toBe('');
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
