import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { AuthorizeMiddleware } from '../auth/authorize';
import { RejectNulCharacters } from '../plugins/input-hygiene/nul-characters';

/** A class type-graphql reads decorators from. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own signature
type ClassType = Function;

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires"])';

export interface SubgraphParts {
  /** Resolver instances (constructed with their dependencies) — type-graphql gets them from this container. */
  resolvers: object[];
  /** Entity types this subgraph only references or extends (not reachable from its Query/Mutation). */
  orphanedTypes?: ClassType[];
  /** `{ TypeName: { __resolveReference } }` — plain functions, not decorators. */
  references?: GraphQLResolverMap<unknown>;
}

export interface Subgraph {
  schema: GraphQLSchema;
  /** The subgraph SDL as composition reads it (with @key and @link). */
  sdl: string;
}

/** Builds a Federation 2 subgraph from type-graphql resolver instances. */
export async function buildFederatedSubgraph(parts: SubgraphParts): Promise<Subgraph> {
  const byClass = new Map<ClassType, object>(parts.resolvers.map((r) => [r.constructor, r]));
  const schema = await buildSchema({
    resolvers: [...byClass.keys()] as unknown as NonEmptyArray<ClassType>,
    orphanedTypes: parts.orphanedTypes,
    container: { get: (cls: ClassType) => byClass.get(cls) },
    skipCheck: true,
    validate: false,
    // every operation is checked against the policy table before its resolver runs
    globalMiddlewares: [AuthorizeMiddleware(), RejectNulCharacters],
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`;
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [type, fields] of Object.entries(parts.references ?? {})) {
    resolvers[type] = { ...(resolvers[type] as object), ...(fields as object) } as never;
  }
  return { schema: buildSubgraphSchema({ typeDefs: gql(sdl), resolvers }), sdl };
}
