import { nestsDeeperThan } from './nesting';

describe('bracket nesting in a document', () => {
  it('counts selection sets, lists, objects and arguments together', () => {
    const query = '{ goals(filter: { ids: [["a"]] }) { nodes { id } } }';
    expect(nestsDeeperThan(query, 5)).toBe(false);
    expect(nestsDeeperThan(query, 4)).toBe(true);
  });

  it('finds 5,000 nested list literals without recursing', () => {
    expect(nestsDeeperThan(`{ a(first: ${'['.repeat(5000)}1${']'.repeat(5000)}) }`, 32)).toBe(true);
  });

  it('ignores brackets inside strings and comments', () => {
    expect(nestsDeeperThan(`{ a(s: "${'['.repeat(100)}") # ${'{'.repeat(100)}\n }`, 3)).toBe(false);
  });

  it('leaves a document the lexer refuses to the parser', () => {
    expect(nestsDeeperThan(`{ a(s: "\u0000 ${'['.repeat(100)}`, 3)).toBe(false);
  });
});
