import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLNamedType,
} from 'graphql';
import { readSupergraph } from './index';

const HAN = /[\u4e00-\u9fff]/;
/** Federation and GraphQL's own types are not ours to describe. */
const foreign = (t: GraphQLNamedType) =>
  t.name.startsWith('__') ||
  /^(join__|link__)/.test(t.name) ||
  ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name);

/** Every type, field, argument and enum value users see carries a Chinese description (users are Chinese officials). */
function undescribed(sdl: string): string[] {
  const schema = buildSchema(sdl, { assumeValidSDL: true });
  const missing: string[] = [];
  const check = (description: string | null | undefined, where: string) => {
    if (!description || !HAN.test(description)) missing.push(where);
  };
  for (const type of Object.values(schema.getTypeMap()).filter((t) => !foreign(t))) {
    if (!['Query', 'Mutation', 'Subscription'].includes(type.name)) check(type.description, type.name);
    if (isObjectType(type) || isInputObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(field.description, `${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : [])
          check(arg.description, `${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) check(value.description, `${type.name}.${value.name}`);
  }
  return missing;
}

describe('the supergraph', () => {
  it('describes every type, field, argument and enum value in Chinese', () => {
    expect(undescribed(readSupergraph())).toEqual([]);
  });

  it('would notice a field without a description', () => {
    expect(undescribed('type Query { "中文" a: Int, b: Int }')).toEqual(['Query.b']);
  });
});
