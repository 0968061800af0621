import {
  buildASTSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/** A seeded PRNG (mulberry32): the same seed gives the same run, so a failure can be replayed. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
export type Random = ReturnType<typeof random>;

/** The client-facing schema, read from the supergraph (join types are there but never reached). */
export const fuzzSchema = (supergraph: string): GraphQLSchema =>
  buildASTSchema(parse(supergraph), { assumeValidSDL: true });

const CHARS = 'abc绩效目标指标单位"\\\n\t{}[]$@#—😀\u0000';

/** A string of `length` random characters, some of them awkward (quotes, control, emoji). */
export const text = (r: Random, length: number) => Array.from({ length }, () => r.pick([...CHARS])).join('');

/** A GraphQL literal for `type`; with probability `wrong` a value of another type. */
export function literal(r: Random, type: GraphQLInputType, ids: string[], wrong: number, depth = 0): string {
  if (r.chance(wrong)) {
    const hostile = ['NaN', 'Infinity', '-1e308', '5e-324', '9007199254740993', '"x\\ud800y"', '"a\\u0001b"'];
    return r.pick(['"x"', '42', 'true', 'null', '{ a: 1 }', '[1, 2]', 'NOT_AN_ENUM', '1.5e400', ...hostile]);
  }
  if (isNonNullType(type)) return literal(r, type.ofType, ids, wrong, depth);
  if (isListType(type)) {
    return `[${Array.from({ length: r.int(depth > 2 ? 1 : 5) }, () => literal(r, type.ofType, ids, wrong, depth + 1)).join(', ')}]`;
  }
  if (isEnumType(type)) return r.pick(type.getValues()).name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) || r.chance(0.6));
    return `{ ${fields.map((f) => `${f.name}: ${literal(r, f.type, ids, wrong, depth + 1)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return String(r.pick([0, 1, -1, 2024, 2 ** 31, r.int(1000)]));
      case 'Float':
        return String(r.pick([0, 1.5, -3, 5e6, 1e308, -1e308, 5e-324]));
      case 'Boolean':
        return r.pick(['true', 'false']);
      case 'ID':
        return JSON.stringify(r.chance(0.7) && ids.length ? r.pick(ids) : text(r, r.int(40)));
      case 'JSONObject':
        return '{ a: 1 }';
      default:
        return JSON.stringify(text(r, r.pick([0, 1, 6, 30, 300])));
    }
  }
  return 'null';
}

/** A selection set for `type`, `depth` levels deep at most; leaves and `__typename` end it. */
export function selection(r: Random, type: GraphQLObjectType, depth: number): string {
  const fields = Object.values(type.getFields()).filter((f) => !f.name.startsWith('_'));
  const chosen = Array.from({ length: 1 + r.int(4) }, () => r.pick(fields));
  const parts = chosen.map((field) => {
    const named = getNamedType(field.type);
    if (isLeafType(named)) return field.name;
    if (depth <= 0 || !isObjectType(named)) return '__typename';
    return `${field.name} { ${selection(r, named, depth - 1)} }`;
  });
  return [...new Set(parts)].join(' ');
}

/** One root field with random arguments and a random selection. */
export function rootField(
  r: Random,
  field: GraphQLField<unknown, unknown>,
  ids: string[],
  wrong: number,
  depth: number,
) {
  const args = field.args.filter((a) => isNonNullType(a.type) || r.chance(0.5));
  const argText = args.length ? `(${args.map((a) => `${a.name}: ${literal(r, a.type, ids, wrong)}`).join(', ')})` : '';
  const named = getNamedType(field.type);
  const body = isObjectType(named) ? ` { ${selection(r, named, depth)} }` : '';
  return `${field.name}${argText}${body}`;
}
