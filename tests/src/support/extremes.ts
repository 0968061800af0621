import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/**
 * A value no field of the platform may accept (`hostile`), or one that is extreme but in some
 * field's domain (0, -1, the smallest double: points or a pass mark may be 0).
 */
export interface Extreme {
  label: string;
  value: unknown;
  hostile: boolean;
}

/** A number JSON.stringify cannot write exactly (2^53 + 1): sent as this raw text. */
export class RawNumber {
  constructor(readonly text: string) {}
}

const LONG = 'x'.repeat(100_000);
const TEXT: Extreme[] = [
  { label: '100,000 characters', value: LONG, hostile: true },
  { label: 'lone high surrogate', value: 'x\ud800y', hostile: true },
  { label: 'lone low surrogate', value: '\udc00', hostile: true },
  { label: 'NUL', value: 'a\u0000b', hostile: true },
  { label: 'control character', value: 'a\u0001\u001b[31mb', hostile: true },
];
const NUMBERS: Extreme[] = [
  { label: '0', value: 0, hostile: false },
  { label: '-1', value: -1, hostile: false },
  { label: '5e-324', value: 5e-324, hostile: false },
  { label: '1e308', value: 1e308, hostile: true },
  { label: '-1e308', value: -1e308, hostile: true },
  { label: '2^53+1', value: new RawNumber('9007199254740993'), hostile: true },
  { label: '"NaN"', value: 'NaN', hostile: true },
  { label: '"Infinity"', value: 'Infinity', hostile: true },
];
const INTS: Extreme[] = [...NUMBERS, { label: '2^31', value: 2 ** 31, hostile: true }];
/** A custom scalar (e.g. a decimal `Money` string) gets numbers and the strings a decimal parser sees. */
const CUSTOM: Extreme[] = [
  ...NUMBERS,
  ...['0', '-1', '0.001'].map((text) => ({ label: `"${text}"`, value: text, hostile: false })),
  ...['1e308', '5e-324', '9007199254740993', '-Infinity', '1e12345', '', ' 1 ', '0x10', LONG].map((text) => ({
    label: `"${text.slice(0, 20)}"`,
    value: text,
    hostile: true,
  })),
];

/** The extremes to try on a leaf of this type; none for enums, booleans and JSON objects. */
export function extremesFor(type: GraphQLNamedType): Extreme[] {
  if (!isScalarType(type)) return [];
  switch (type.name) {
    case 'String':
    case 'ID':
      return TEXT;
    case 'Int':
      return INTS;
    case 'Float':
      return NUMBERS;
    case 'Boolean':
    case 'JSONObject':
      return [];
    default:
      return CUSTOM;
  }
}

/** What a baseline input may refer to: ids by argument name, e.g. `{ goalId: '…', unitId: '…' }`. */
export type Known = Record<string, unknown>;

/** A plausible value for a leaf named `name`: a known id, a division code, a year, or a small value. */
function leaf(name: string, type: GraphQLNamedType, known: Known): unknown {
  if (name in known) return known[name];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (!isScalarType(type)) return null;
  if (name === 'divisionCode') return '429006';
  if (name === 'fiscalYear') return 2024;
  const plain: Record<string, unknown> = { Int: 1, Float: 1, Boolean: false, JSONObject: {}, String: '测试' };
  return type.name in plain ? plain[type.name] : type.name === 'ID' ? 'no-such-id' : '1';
}

/**
 * A value for `type` with every required field filled plausibly; the optional field on `path`
 * (a list of field names, `[]` for a list item) is filled too, and the leaf at its end is `extreme`.
 */
export function baseline(type: GraphQLInputType, known: Known, path: string[], extreme: unknown, name = ''): unknown {
  if (isNonNullType(type)) return baseline(type.ofType, known, path, extreme, name);
  if (isListType(type)) return [baseline(type.ofType, known, path[0] === '[]' ? path.slice(1) : path, extreme, name)];
  if (!isInputObjectType(type)) return path.length === 0 && extreme !== undefined ? extreme : leaf(name, type, known);
  const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) || f.name === path[0]);
  return Object.fromEntries(
    fields.map((f) => [
      f.name,
      baseline(
        f.type,
        known,
        f.name === path[0] ? path.slice(1) : ['-'],
        f.name === path[0] ? extreme : undefined,
        f.name,
      ),
    ]),
  );
}

/** Every leaf of an input type, as a path: `['indicators', '[]', 'points']`. Input types here do not recurse. */
export function leafPaths(type: GraphQLInputType, prefix: string[] = []): { path: string[]; type: GraphQLNamedType }[] {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return leafPaths(inner.ofType, [...prefix, '[]']);
  if (!isInputObjectType(inner)) return [{ path: prefix, type: getNamedType(inner) }];
  return Object.values(inner.getFields()).flatMap((f) => leafPaths(f.type, [...prefix, f.name]));
}

/** One generated mutation: its document, its variables, and the extreme it carries where. */
export interface ExtremeCase {
  mutation: string;
  where: string;
  extreme: Extreme;
  query: string;
  variables: Record<string, unknown>;
}

/** Every mutation of the schema × every leaf of its arguments × every extreme that leaf's type admits. */
export function extremeCases(schema: GraphQLSchema, known: Known): ExtremeCase[] {
  const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});
  return mutations.flatMap((field) => casesOf(field, known));
}

function casesOf(field: GraphQLField<unknown, unknown>, known: Known): ExtremeCase[] {
  const signature = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isScalarType(getNamedType(field.type)) ? '' : ' { __typename }';
  const query = `mutation(${signature}) { ${field.name}(${call})${selection} }`;
  return field.args.flatMap((arg) =>
    leafPaths(arg.type).flatMap(({ path, type }) =>
      extremesFor(type).map((extreme) => ({
        mutation: field.name,
        where: [arg.name, ...path].join('.'),
        extreme,
        query,
        variables: Object.fromEntries(
          field.args.map((a) => [
            a.name,
            a === arg
              ? baseline(a.type, known, path, extreme.value, a.name)
              : baseline(a.type, known, ['-'], undefined, a.name),
          ]),
        ),
      })),
    ),
  );
}

/** The request body, with each {@link RawNumber} written as its exact text. */
export function bodyOf(query: string, variables: Record<string, unknown>): string {
  const raws: string[] = [];
  const json = JSON.stringify({ query, variables }, (_key, value: unknown) =>
    value instanceof RawNumber ? `__raw_${raws.push(value.text) - 1}__` : value,
  );
  return json.replace(/"__raw_(\d+)__"/g, (_m, i: string) => raws[Number(i)]!);
}
