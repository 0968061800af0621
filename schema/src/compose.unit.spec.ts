import { composeSupergraph } from './compose';

const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

const directory = {
  name: 'directory',
  url: 'http://directory.invalid/graphql',
  typeDefs: `${link}
    type Unit @key(fields: "id") { id: ID! name: String! }
    type Query { units: [Unit!]! }`,
};

const planning = {
  name: 'planning',
  url: 'http://planning.invalid/graphql',
  typeDefs: `${link}
    type Goal { id: ID! unit: Unit! }
    type Unit @key(fields: "id", resolvable: false) { id: ID! }
    type Query { goals: [Goal!]! }`,
};

describe('composeSupergraph', () => {
  it('composes two subgraphs into one supergraph with a join__Graph value per subgraph', () => {
    const supergraph = composeSupergraph([directory, planning]);

    expect(supergraph).toMatch(/type Unit\b[^{]*@join__type\(graph: DIRECTORY, key: "id"\)/);
    expect(supergraph).toMatch(/type Goal\b[^{]*@join__type\(graph: PLANNING\)/);
    expect(supergraph).toContain('enum join__Graph');
    expect(supergraph).toContain('DIRECTORY @join__graph(name: "directory", url: "http://directory.invalid/graphql")');
    expect(supergraph).toContain('PLANNING @join__graph(name: "planning", url: "http://planning.invalid/graphql")');
  });

  it('throws one error naming every composition problem', () => {
    const conflicting = {
      name: 'evaluation',
      url: 'http://evaluation.invalid/graphql',
      typeDefs: `${link}
        type Unit @key(fields: "id") { id: ID! name: Int! }
        type Query { score: Int }`,
    };

    const compose = () => composeSupergraph([directory, conflicting]);

    expect(compose).toThrow(/^Supergraph composition failed with 2 error\(s\):\n/);
    expect(compose).toThrow(/- \[FIELD_TYPE_MISMATCH\] Type of field "Unit\.name" is incompatible/);
    expect(compose).toThrow(/- \[INVALID_FIELD_SHARING\] Non-shareable field "Unit\.name"/);
  });

  it('says which subgraph has SDL that does not parse', () => {
    const broken = { name: 'audit', url: 'http://audit.invalid/graphql', typeDefs: 'type Query {' };

    expect(() => composeSupergraph([directory, broken])).toThrow(/Subgraph "audit" SDL does not parse/);
  });
});
