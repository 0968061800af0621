import { isPublicDocument, publicSurface } from './public-access';

const PUBLIC = new Set(['Query.publishedGoals', 'Query.publishedUnitYears']);
const allowed = (document: string) => isPublicDocument(document, PUBLIC);

describe('which documents a caller without a token may run', () => {
  it.each([
    ['a public query', '{ publishedGoals(fiscalYear: 2023) { totalCount } }'],
    [
      'both public queries, aliased, with __typename',
      '{ a: publishedGoals(fiscalYear: 2023) { totalCount } publishedUnitYears { unitName } __typename }',
    ],
    [
      'a named query with variables',
      'query Page($y: Int!) { publishedGoals(fiscalYear: $y) { nodes { projectName } } }',
    ],
    [
      'public fields through fragments on Query',
      'query { ...F } fragment F on Query { ... on Query { publishedUnitYears { unitName } } }',
    ],
  ])('runs %s', (_what, document) => {
    expect(allowed(document)).toBe(true);
  });

  it.each([
    ['a private query', '{ goals { totalCount } }'],
    [
      'a public and a private field together',
      '{ publishedGoals(fiscalYear: 2023) { totalCount } goals { totalCount } }',
    ],
    [
      'a private field hidden in a fragment',
      '{ publishedUnitYears { unitName } ...F } fragment F on Query { goal(id: "g") { id } }',
    ],
    [
      'two operations, one private',
      'query A { publishedUnitYears { unitName } } query B { budgetUnits { totalCount } }',
    ],
    ['a mutation', 'mutation { publishGoals(input: { unitId: "u", fiscalYear: 2023 }) { publication } }'],
    ['a subscription', 'subscription { myReviewQueueChanged { goalId } }'],
    ['introspection', '{ __schema { types { name } } }'],
    ['a type lookup', '{ __type(name: "Goal") { fields { name } } }'],
    ['only __typename', '{ __typename }'],
    ['a field that does not exist', '{ secrets }'],
    ['an unknown fragment', '{ ...Missing }'],
    ['a fragment that spreads itself', '{ ...F } fragment F on Query { publishedUnitYears { unitName } ...F }'],
    ['a fragment on another type', '{ ...F } fragment F on Mutation { publishGoals { publication } }'],
    ['a document that does not parse', '{ publishedGoals(fiscalYear: 2023) { totalCount }'],
    ['an empty document', ''],
    ['no document at all', undefined],
    ['a type definition', 'type Query { publishedGoals: Int }'],
  ])('refuses %s', (_what, document) => {
    expect(allowed(document as string)).toBe(false);
  });

  it('refuses everything when nothing is public', () => {
    expect(isPublicDocument('{ publishedGoals(fiscalYear: 2023) { totalCount } }', new Set())).toBe(false);
  });
});

/** A supergraph in small: two public queries and their own types, one signed-in query, one entity. */
const supergraph = (extra = '') => `
  type Query @join__type(graph: PLANNING) {
    publishedGoals(fiscalYear: Int!): PublishedGoalPage!
    goals: GoalPage!
    ${extra}
  }
  type PublishedGoalPage @join__type(graph: PLANNING) { nodes: [PublishedGoal!]! totalCount: Int! }
  type PublishedGoal @join__type(graph: PLANNING) { projectName: String! term: GoalTerm! }
  type GoalPage @join__type(graph: PLANNING) { nodes: [Goal!]! totalCount: Int! }
  type Goal @join__type(graph: PLANNING, key: "id") { id: ID! term: GoalTerm! unit: BudgetUnit! }
  type BudgetUnit @join__type(graph: DIRECTORY, key: "id") { id: ID! name: String! }
  enum GoalTerm @join__type(graph: PLANNING) { ANNUAL MEDIUM_TERM }
`;

describe('the public surface, checked when the gateway starts', () => {
  it('accepts public queries whose types are their own (enums and scalars may be shared)', () => {
    expect([...publicSurface(supergraph(), ['Query.publishedGoals'])]).toEqual(['Query.publishedGoals']);
  });

  it('refuses a public query that reaches a type a signed-in query returns', () => {
    const leaky = supergraph('publishedUnit: BudgetUnit');
    expect(() => publicSurface(leaky, ['Query.publishedGoals', 'Query.publishedUnit'])).toThrow(
      /BudgetUnit is returned by a public query and by a signed-in one/,
    );
  });

  it('refuses a public query returning an entity, which another subgraph could extend', () => {
    expect(() => publicSurface(supergraph(), ['Query.goals'])).toThrow(/Goal is an entity/);
  });

  it('refuses a public operation the supergraph does not have', () => {
    expect(() => publicSurface(supergraph(), ['Query.publishedGoal'])).toThrow(/not a field of the supergraph/);
  });

  it('is empty, and checks nothing, when nothing is public', () => {
    expect(publicSurface('not even GraphQL', []).size).toBe(0);
  });
});
