import type { EntityManager } from '@mikro-orm/core';
import { cacheKey, memoryReadCache, projectionVersions } from './read-cache';

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

describe('the in-memory read cache', () => {
  const stamps = [{ name: 'planning.goals', stamp: 's1' }];
  const em = () => ({ getConnection: () => ({ execute: async () => stamps }) }) as unknown as EntityManager;
  const query = (n: number) => ({ name: 'goalCoverage', projections: ['planning.goals'], key: [n] });

  it('answers again from memory, as a JSON round trip, until the stamps move', async () => {
    const cache = memoryReadCache({ em, prefix: 't' });
    let computed = 0;
    const compute = async () => ({ at: new Date('2024-01-02T03:04:05Z'), n: ++computed });
    const first = await cache.read(query(1), compute);
    expect(first).toEqual({ at: new Date('2024-01-02T03:04:05Z'), n: 1 });
    expect(await cache.read(query(1), compute)).toEqual({ at: '2024-01-02T03:04:05.000Z', n: 1 });
    stamps[0] = { name: 'planning.goals', stamp: 's2' };
    expect(await cache.read(query(1), compute)).toMatchObject({ n: 2 });
  });

  it('forgets the least recently used answers beyond its size', async () => {
    // each answer is 18 characters of JSON, 37 bytes as counted: two fit, three do not
    const cache = memoryReadCache({ em, prefix: 't', maxBytes: 80 });
    let computed = 0;
    const compute = async () => (computed++, 'x'.repeat(16));
    for (const n of [1, 2, 1, 3]) await cache.read(query(n), compute);
    expect(computed).toBe(3); // 1 was served from memory the second time
    await cache.read(query(1), compute);
    expect(computed).toBe(3); // 1 was used more recently than 2, so 2 went when 3 came
    await cache.read(query(2), compute);
    expect(computed).toBe(4);
  });
});
