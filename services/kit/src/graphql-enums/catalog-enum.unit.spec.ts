import 'reflect-metadata';
import { graphql, printType, type GraphQLEnumType } from 'graphql';
import { Arg, buildSchema, Query, Resolver } from 'type-graphql';
import { catalogEnums, registerCatalogEnum, type CatalogEnumValue } from './catalog-enum';

const OPS = ['>=', 'QUALITATIVE'] as const;
const TestOperator = registerCatalogEnum(OPS, {
  name: 'TestOperator',
  description: { zh: '比较方式', en: 'Comparison' },
  labels: { '>=': { zh: '不低于', en: 'at least' }, QUALITATIVE: { zh: '定性', en: 'qualitative' } },
  names: { '>=': 'GTE' },
});
type TestOperator = CatalogEnumValue<typeof TestOperator>;

@Resolver()
class EchoResolver {
  @Query(() => TestOperator, { description: '原样返回 (echo)' })
  echo(@Arg('op', () => TestOperator) op: TestOperator): TestOperator {
    return op;
  }
}

describe('registerCatalogEnum', () => {
  it('names each stored value for GraphQL and keeps the stored value in code', () => {
    expect(TestOperator).toEqual({ GTE: '>=', QUALITATIVE: 'QUALITATIVE' });
    const op: TestOperator = TestOperator.GTE;
    expect(op).toBe('>=');
  });

  it('builds the GraphQL enum with the labels as bilingual descriptions, in the catalog order', async () => {
    const schema = await buildSchema({ resolvers: [EchoResolver], validate: false });
    const type = schema.getType('TestOperator') as GraphQLEnumType;
    expect(printType(type)).toBe(
      [
        '"""比较方式 (Comparison)"""',
        'enum TestOperator {',
        '  """不低于 (at least)"""',
        '  GTE',
        '',
        '  """定性 (qualitative)"""',
        '  QUALITATIVE',
        '}',
      ].join('\n'),
    );
    // a GraphQL name in, the stored value to the resolver, the GraphQL name out
    const result = await graphql({ schema, source: '{ echo(op: GTE) }' });
    expect(result).toEqual({ data: { echo: 'GTE' } });
  });

  it('records what it registered, for the test that holds the supergraph to the catalog', () => {
    expect(catalogEnums().get('TestOperator')).toMatchObject({
      values: OPS,
      graphqlNames: { '>=': 'GTE', QUALITATIVE: 'QUALITATIVE' },
    });
  });

  it('refuses a value without a Chinese and an English label', () => {
    expect(() =>
      registerCatalogEnum(['A', 'B'] as const, {
        name: 'Unlabelled',
        description: { zh: '测试', en: 'test' },
        labels: { A: { zh: '甲', en: 'a' }, B: { zh: '', en: 'b' } },
      }),
    ).toThrow('Unlabelled: no Chinese and English label for B');
    expect(() =>
      registerCatalogEnum(['A'] as const, {
        name: 'Missing',
        description: { zh: '测试', en: 'test' },
        labels: {} as never,
      }),
    ).toThrow('Missing: no Chinese and English label for A');
  });

  it('refuses a label for a value the list does not hold (a value dropped from the catalog)', () => {
    expect(() =>
      registerCatalogEnum(['A'] as const, {
        name: 'Stale',
        description: { zh: '测试', en: 'test' },
        labels: { A: { zh: '甲', en: 'a' }, B: { zh: '乙', en: 'b' } } as never,
      }),
    ).toThrow('Stale: labels for values the catalog does not list: B');
  });

  it('refuses a stored value GraphQL cannot name unless it is given a name', () => {
    expect(() =>
      registerCatalogEnum(['2021'] as const, {
        name: 'Year',
        description: { zh: '年份', en: 'year' },
        labels: { '2021': { zh: '2021 年', en: '2021' } },
      }),
    ).toThrow('Year: 2021 need a GraphQL name (options.names)');
  });
});
