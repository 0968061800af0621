import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { AuthorizeMiddleware, forbidden } from '../auth/authorize';
import { scopeOf } from '../auth/policy';
import type { RequestContext } from '../context';
import { RejectNulCharacters } from '../plugins/input-hygiene/nul-characters';

/** A class type-graphql reads decorators from. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own signature
type ClassType = Function;

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires"])';

/** The event source of one Subscription field, bound to the service's dependencies. */
export type SubscribeFn = (
  args: Record<string, unknown>,
  ctx: RequestContext,
  info: GraphQLResolveInfo,
) => Promise<AsyncIterable<unknown>>;

/**
 * For `@Subscription({ subscribe: subscribedInParts })`: type-graphql's decorator options are static,
 * so the real source comes from `SubgraphParts.subscriptions`, where it can reach the service's deps.
 */
export const subscribedInParts = (): never => {
  throw new Error('this Subscription field has no source in SubgraphParts.subscriptions');
};

/** type-graphql wants a PubSub once a Subscription exists; every field here brings its own source. */
const NO_PUBSUB = {
  publish: () => undefined,
  subscribe: () => {
    throw new Error('subscriptions use SubgraphParts.subscriptions, not topics');
  },
};

export interface SubgraphParts {
  /** Resolver instances (constructed with their dependencies) — type-graphql gets them from this container. */
  resolvers: object[];
  /** Entity types this subgraph only references or extends (not reachable from its Query/Mutation). */
  orphanedTypes?: ClassType[];
  /** `{ TypeName: { __resolveReference } }` — plain functions, not decorators. */
  references?: GraphQLResolverMap<unknown>;
  /**
   * `{ fieldName: subscribe }` for every Subscription field. Each runs only after the policy row of
   * `Subscription.<field>` admits the caller's role (the type-graphql middlewares guard each event's
   * `resolve`, not `subscribe`); row scope is the source's own check.
   */
  subscriptions?: Record<string, SubscribeFn>;
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
    pubSub: NO_PUBSUB as never,
    // every operation is checked against the policy table before its resolver runs
    globalMiddlewares: [AuthorizeMiddleware(), RejectNulCharacters],
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`;
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [type, fields] of Object.entries(parts.references ?? {})) {
    resolvers[type] = { ...(resolvers[type] as object), ...(fields as object) } as never;
  }
  wireSubscriptions(schema, resolvers, parts.subscriptions ?? {});
  return { schema: buildSubgraphSchema({ typeDefs: gql(sdl), resolvers }), sdl };
}

/** Puts each Subscription field's source, behind the policy's role check, into the resolver map. */
function wireSubscriptions(
  schema: GraphQLSchema,
  resolvers: GraphQLResolverMap<unknown>,
  sources: Record<string, SubscribeFn>,
): void {
  const fields = Object.keys(schema.getSubscriptionType()?.getFields() ?? {});
  const missing = fields.filter((field) => !sources[field]);
  if (missing.length) throw new Error(`Subscription fields without a source: ${missing.join(', ')}`);
  const map = (resolvers['Subscription'] ?? {}) as Record<string, object>;
  for (const field of fields) {
    const source = sources[field]!;
    map[field] = {
      ...map[field],
      subscribe: (_root: unknown, args: Record<string, unknown>, ctx: RequestContext, info: GraphQLResolveInfo) => {
        const operation = `Subscription.${field}`;
        if (!scopeOf(operation, ctx.actor.role)) throw forbidden(operation, ctx.actor.role);
        return source(args, ctx, info);
      },
    };
  }
  if (fields.length) resolvers['Subscription'] = map as never;
}
