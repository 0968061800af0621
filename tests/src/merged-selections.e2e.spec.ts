import { as, startTestPlatform } from './support/platform';

/**
 * GraphQL merges a field selected more than once into one answer (the spec's field collection):
 * `nodes { id } nodes { name }` is one list of items with both, never two lists end to end. The Hive
 * router runtime 1.4.23 concatenated such lists (its projection merged them without respecting
 * arrays); patches/@graphql-hive+router-runtime+1.4.23.patch fixes it, applied by `postinstall`.
 */
describe('a field selected twice through the gateway', () => {
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  beforeAll(async () => {
    p = await startTestPlatform({ seed: 'demo', clock: () => new Date('2000-01-01T00:00:00Z') });
    expect(await p.caughtUp(30_000)).toBe(true);
  });
  afterAll(async () => p.dispose());

  const reader = as('PERFORMANCE_SECTION');

  it('answers one list with the fields of both selections, as a single selection would', async () => {
    const once = await p.gql('{ budgetUnits(page: { first: 3 }) { nodes { id name } } }', {}, reader);
    const twice = await p.gql('{ budgetUnits(page: { first: 3 }) { nodes { id } nodes { id name } } }', {}, reader);
    expect(once.errors).toBeUndefined();
    expect(twice.errors).toBeUndefined();
    expect(once.data!.budgetUnits.nodes).toHaveLength(3);
    expect(twice.data).toEqual(once.data);
  });

  it('merges a fragment beside the field, across subgraphs too (a goal’s unit comes from the directory)', async () => {
    const plain = `{ goals(filter: { fiscalYear: 2023 }, page: { first: 5 }) {
      nodes { id status unit { id name } indicators { name } } } }`;
    const split = `query { goals(filter: { fiscalYear: 2023 }, page: { first: 5 }) {
      nodes { id unit { id } indicators { name } } ...More } }
      fragment More on GoalPage { nodes { status unit { name } } }`;
    const once = await p.gql(plain, {}, reader);
    const merged = await p.gql(split, {}, reader);
    expect(once.errors).toBeUndefined();
    expect(merged.errors).toBeUndefined();
    expect(once.data!.goals.nodes).toHaveLength(5);
    expect(merged.data).toEqual(once.data);
  });

  it('reads the goals’ indicators whenever they are asked for: by an alias, in a fragment, or not at all', async () => {
    const plain = await p.gql('{ goals(page: { first: 5 }) { nodes { id indicators { name } } } }', {}, reader);
    const aliased = await p.gql(
      `query { goals(page: { first: 5 }) { list: nodes { id ...Lines } } }
       fragment Lines on Goal { measures: indicators { name } }`,
      {},
      reader,
    );
    const none = await p.gql('{ goals(page: { first: 5 }) { nodes { id } } }', {}, reader);
    const goals = plain.data!.goals.nodes as { id: string; indicators: { name: string }[] }[];
    expect(goals.some((g) => g.indicators.length > 0)).toBe(true);
    expect(aliased.data!.goals.list).toEqual(goals.map((g) => ({ id: g.id, measures: g.indicators })));
    expect(none.data!.goals.nodes).toEqual(goals.map((g) => ({ id: g.id })));
  });
});
