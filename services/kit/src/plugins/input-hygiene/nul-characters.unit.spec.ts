import { nulPaths } from './nul-characters';

describe('finding NUL characters in arguments', () => {
  it('names each string that holds one, by its path', () => {
    const args = { id: 'ok', input: { name: 'a\u0000b', indicators: [{ unit: '%' }, { unit: '\u0000' }] } };
    expect(nulPaths(args, '')).toEqual(['input.name', 'input.indicators[1].unit']);
  });

  it('finds nothing in clean input', () => {
    expect(nulPaths({ a: ['绩效', 1, null, { b: true }] }, '')).toEqual([]);
  });
});
