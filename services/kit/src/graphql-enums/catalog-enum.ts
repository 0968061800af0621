import { registerEnumType } from 'type-graphql';
import type { Bilingual } from '@jixiao/events';

/** A label per value of a catalog value list: `{ ANNUAL: { zh: '年度目标', en: 'annual' } }`. */
export type ValueLabels<V extends string> = { readonly [K in V]: Bilingual };

/** The GraphQL name of a value the catalog stores in a form GraphQL cannot name (`>=`, `2021`). */
type NameOf<V extends string, M> = V extends keyof M ? (M[V] extends string ? M[V] : V) : V;

/** The enum object GraphQL sees: GraphQL name → stored value (`IndicatorOperator.GTE === '>='`). */
export type CatalogEnum<V extends string, M = object> = { readonly [K in V as NameOf<K, M>]: K };

/** The stored values of a catalog enum, as a type: `type GoalTerm = CatalogEnumValue<typeof GoalTerm>`. */
export type CatalogEnumValue<E> = E[keyof E];

export interface CatalogEnumOptions<V extends string, M> {
  /** The GraphQL type's name, e.g. `GoalStatus`. */
  name: string;
  /** What the list is, in both languages; becomes the type's description `中文 (English)`. */
  description: Bilingual;
  /** The catalog's label of every value; each becomes its value's description `中文 (English)`. */
  labels: ValueLabels<V>;
  /** GraphQL names for stored values that are not GraphQL names (`{ '>=': 'GTE' }`); other values are their own name. */
  names?: M;
}

/** What the platform registered, for the test that compares the supergraph with the catalog. */
export interface RegisteredCatalogEnum {
  name: string;
  /** The catalog's value list, in its order. */
  values: readonly string[];
  /** GraphQL name per stored value. */
  graphqlNames: Readonly<Record<string, string>>;
  labels: Readonly<Record<string, Bilingual>>;
  description: Bilingual;
}

const registered = new Map<string, RegisteredCatalogEnum>();
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** `中文 (English)`: how every description users read is written. */
export const bilingualDescription = (label: Bilingual): string => `${label.zh} (${label.en})`;

/**
 * Registers a GraphQL enum built from a catalog value list and its labels (one source of truth:
 * the values and their bilingual labels live in the catalog, next to the zod schema that uses
 * them). Returns the enum object for type-graphql fields and for code (`GoalTerm.ANNUAL`).
 * Throws at start-up when a value has no label or no GraphQL name.
 *
 * @example
 * export const GoalTerm = registerCatalogEnum(GOAL_TERMS, {
 *   name: 'GoalTerm', description: { zh: '目标期限', en: 'Goal term' }, labels: GOAL_TERM_LABELS });
 * export type GoalTerm = CatalogEnumValue<typeof GoalTerm>;
 */
export function registerCatalogEnum<const V extends string, const M extends Partial<Record<V, string>> = object>(
  values: readonly V[],
  options: CatalogEnumOptions<V, M>,
): CatalogEnum<V, M> {
  const { name, description, labels } = options;
  const names = (options.names ?? {}) as Partial<Record<string, string>>;
  const unlabelled = values.filter((v) => !labels[v]?.zh || !labels[v]?.en);
  if (unlabelled.length > 0) throw new Error(`${name}: no Chinese and English label for ${unlabelled.join(', ')}`);
  const extra = Object.keys(labels).filter((v) => !values.includes(v as V));
  if (extra.length > 0) throw new Error(`${name}: labels for values the catalog does not list: ${extra.join(', ')}`);
  const graphqlNames = Object.fromEntries(values.map((v) => [v, names[v] ?? v]));
  const unnamed = values.filter((v) => !GRAPHQL_NAME.test(graphqlNames[v]!));
  if (unnamed.length > 0) throw new Error(`${name}: ${unnamed.join(', ')} need a GraphQL name (options.names)`);
  const enumObject = Object.fromEntries(values.map((v) => [graphqlNames[v]!, v]));
  registerEnumType(enumObject, {
    name,
    description: bilingualDescription(description),
    valuesConfig: Object.fromEntries(
      values.map((v) => [graphqlNames[v]!, { description: bilingualDescription(labels[v]) }]),
    ),
  });
  registered.set(name, { name, values, graphqlNames, labels, description });
  return enumObject as CatalogEnum<V, M>;
}

/** Every enum registered from the catalog so far in this process, by GraphQL name. */
export function catalogEnums(): ReadonlyMap<string, RegisteredCatalogEnum> {
  return registered;
}
