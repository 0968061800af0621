import type { CityYear } from '@jixiao/generator';
import { contextFromParts, type ContextPart } from './context-parts';

const head = { name: 'demo', title: { zh: '示例', en: 'Demo' }, events: [], streamCategories: ['demo'] };

/** A part whose generator steps write `<label>:<step>` into `log`, in the order they run. */
const partLogging = (label: string, log: string[], extra: Partial<ContextPart> = {}): ContextPart => ({
  projections: [],
  policy: {},
  resolvers: [],
  generator: () => ({
    setup: () => log.push(`${label}:setup`),
    project: (_year, n) => log.push(`${label}:project ${n}`),
    finish: () => log.push(`${label}:finish`),
  }),
  ...extra,
});

describe('contextFromParts', () => {
  it('merges the parts’ policy rows, audited entities, deadlines and reactions, keeping the head', () => {
    const a = partLogging('a', [], {
      policy: { 'Query.a': { AUDITOR: 'ALL' } },
      audited: [{ type: 'A', streamCategory: 'a', label: { zh: '甲', en: 'A' } }],
    });
    const b = partLogging('b', [], {
      policy: { 'Query.b': { NPC: 'ALL' } },
      deadlines: [{ name: 'b-due' } as never],
      reactions: [{ name: 'b-react' } as never],
    });
    const module = contextFromParts(head, [a, b]);
    expect(module).toMatchObject(head);
    expect(module.policy).toEqual({ 'Query.a': { AUDITOR: 'ALL' }, 'Query.b': { NPC: 'ALL' } });
    expect(module.audited?.map((e) => e.type)).toEqual(['A']);
    expect(module.deadlines).toEqual([{ name: 'b-due' }]);
    expect(module.reactions).toEqual([{ name: 'b-react' }]);
  });

  it('serves no subgraph and generates nothing while no part has resolvers or generator steps', () => {
    const bare: ContextPart = { projections: [], policy: {}, resolvers: [] };
    const module = contextFromParts(head, [bare, bare]);
    expect(module.subgraph).toBeUndefined();
    expect(module.generator).toBeUndefined();
  });

  it('serves one subgraph as soon as a part has a resolver', () => {
    class Resolver {}
    const module = contextFromParts(head, [{ projections: [], policy: {}, resolvers: [Resolver] }]);
    expect(module.subgraph).toEqual(expect.any(Function));
  });

  it('runs each part’s generator steps in the parts’ order, made afresh for each year', () => {
    const log: string[] = [];
    const module = contextFromParts(head, [partLogging('first', log), partLogging('second', log)]);
    const year = {} as CityYear;
    const steps = module.generator!();
    steps.setup?.(year);
    steps.project?.(year, 7);
    steps.finish?.(year);
    expect(log).toEqual([
      'first:setup',
      'second:setup',
      'first:project 7',
      'second:project 7',
      'first:finish',
      'second:finish',
    ]);
    expect(module.generator!()).not.toBe(steps);
  });
});
