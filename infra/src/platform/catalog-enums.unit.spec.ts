import { buildSchema, isEnumType, type GraphQLEnumType } from 'graphql';
import { readSupergraph } from '@jixiao/schema';
import { bilingualDescription, catalogEnums } from '@jixiao/service-kit';
import { subgraphDefinitions } from './subgraphs';

/** Federation's own enums are not value lists of ours. */
const ours = (name: string) => !/^(join__|link__)/.test(name) && !name.startsWith('__');

/**
 * One source of truth for value lists: every GraphQL enum of the platform is registered from a
 * catalog value list (`registerCatalogEnum`), and the committed supergraph says exactly what the
 * catalog says — its values, in its order, with its labels.
 */
describe('GraphQL enums come from the catalog', () => {
  let enums: GraphQLEnumType[];
  beforeAll(async () => {
    await subgraphDefinitions(); // builds every subgraph: every enum a subgraph uses is registered
    const supergraph = buildSchema(readSupergraph(), { assumeValidSDL: true });
    enums = Object.values(supergraph.getTypeMap())
      .filter(isEnumType)
      .filter((t) => ours(t.name));
  });

  it('the supergraph has no enum the catalog does not define (no hand-kept twin)', () => {
    expect(enums.length).toBeGreaterThan(0);
    expect(enums.map((e) => e.name).filter((name) => !catalogEnums().has(name))).toEqual([]);
  });

  it('every catalog enum the subgraphs registered reaches the supergraph', () => {
    const inSupergraph = new Set(enums.map((e) => e.name));
    expect([...catalogEnums().keys()].filter((name) => !inSupergraph.has(name))).toEqual([]);
  });

  it("each enum's values are the catalog's, in its order, each labelled in Chinese and English", () => {
    for (const type of enums) {
      const registered = catalogEnums().get(type.name)!;
      const expected = registered.values.map((value) => ({
        name: registered.graphqlNames[value],
        description: bilingualDescription(registered.labels[value]!),
      }));
      const actual = type.getValues().map((v) => ({ name: v.name, description: v.description }));
      expect({ enum: type.name, values: actual }).toEqual({ enum: type.name, values: expected });
      for (const value of registered.values) {
        expect({ value, zh: registered.labels[value]?.zh }).toEqual({ value, zh: expect.stringMatching(/\S/) });
        expect({ value, en: registered.labels[value]?.en }).toEqual({ value, en: expect.stringMatching(/\S/) });
      }
    }
  });
});
