import { buildSchema, type GraphQLInputType } from 'graphql';
import { MAX_ID_LENGTH, unsafeTextIssues } from './unsafe-text';

const paths = (value: unknown) => unsafeTextIssues(value, '').map((issue) => issue.path);

describe('finding characters no text may hold in arguments', () => {
  it('names each string that holds a NUL character, by its path', () => {
    const args = { id: 'ok', input: { name: 'a\u0000b', indicators: [{ unit: '%' }, { unit: '\u0000' }] } };
    expect(paths(args)).toEqual(['input.name', 'input.indicators[1].unit']);
  });

  it('finds lone surrogates, high or low, but not a surrogate pair', () => {
    expect(paths({ a: 'x\ud800y', b: 'x\udc00', c: '\ud800', d: '😀', e: '\ud83d\ude00绩效' })).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(unsafeTextIssues('x\ud800y', 'name')[0]).toMatchObject({ zh: expect.stringMatching(/代理项/) });
  });

  it('finds control characters but lets tab and line breaks through', () => {
    expect(paths({ a: 'x\u0001', b: '\u001b[31m', c: 'x\u007f', d: '一\t二\r\n三' })).toEqual(['a', 'b', 'c']);
  });

  it('finds an ID longer than the limit, where the type says it is one', () => {
    const schema = buildSchema('input I { commandId: ID, ids: [ID!], name: String } type Query { a(i: I!): Int }');
    const type = schema.getQueryType()!.getFields()['a']!.args[0]!.type as GraphQLInputType;
    const long = 'x'.repeat(MAX_ID_LENGTH + 1);
    const input = { commandId: long, ids: ['ok', long], name: long };
    expect(unsafeTextIssues(input, 'i', type).map((issue) => issue.path)).toEqual(['i.commandId', 'i.ids[1]']);
    expect(unsafeTextIssues(input, 'i').map((issue) => issue.path)).toEqual([]);
  });

  it('finds nothing in clean input', () => {
    expect(paths({ a: ['绩效', 1, null, { b: true }] })).toEqual([]);
  });
});
