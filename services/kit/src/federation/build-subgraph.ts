import type { ApolloServerPlugin } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { defaultFieldResolver, isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, type MiddlewareFn, type NonEmptyArray } from 'type-graphql';
import { AuthorizeMiddleware, forbidden } from '../auth/authorize';
import { scopeOf, type PolicyRows } from '../auth/policy';
import type { RequestContext } from '../context';
import { RejectUnsafeText } from '../plugins/input-hygiene/unsafe-text';

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
   * `Subscription.<field>` admits the caller's role (checked once, at `subscribe`: the role is fixed
   * for the connection); row scope is the source's own check.
   */
  subscriptions?: Record<string, SubscribeFn>;
  /** Apollo Server plugins the subgraph's server runs for each request (e.g. the audit's access log). */
  plugins?: SubgraphPlugin[];
  /**
   * The context's rows of the authorization policy: every Query, Mutation and Subscription field needs
   * one (a field without a row is denied to every role), and `Type.field` rows guard entity fields.
   */
  policy: PolicyRows;
}

/** A per-request hook of the server that serves a subgraph. */
export type SubgraphPlugin = ApolloServerPlugin<RequestContext>;

export interface Subgraph {
  schema: GraphQLSchema;
  /** The subgraph SDL as composition reads it (with @key and @link). */
  sdl: string;
  /** To pass to `serveSubgraph` with the schema. */
  plugins?: SubgraphPlugin[];
}

const policies = new WeakMap<GraphQLSchema, PolicyRows>();

/** The policy rows a subgraph's schema was built with (what `@RowScope()` resolves the caller's scope by). */
export function policyOfSchema(schema: GraphQLSchema): PolicyRows {
  const policy = policies.get(schema);
  if (!policy) throw new Error('this schema was not built by buildFederatedSubgraph: it has no policy');
  return policy;
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
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`;
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  guardResolvers(schema, resolvers, parts.policy);
  for (const [type, fields] of Object.entries(parts.references ?? {})) {
    resolvers[type] = { ...(resolvers[type] as object), ...(fields as object) } as never;
  }
  wireSubscriptions(schema, resolvers, parts.subscriptions ?? {}, parts.policy);
  const served = buildSubgraphSchema({ typeDefs: gql(sdl), resolvers });
  policies.set(served, parts.policy);
  return { schema: served, sdl, plugins: parts.plugins };
}

type Resolve = (root: unknown, args: Record<string, unknown>, ctx: RequestContext, info: GraphQLResolveInfo) => unknown;

/**
 * Every Query and Mutation field, and every `Type.field` the policy lists, runs only for roles the
 * policy table allows (a root field missing from the table is denied to all); root fields also
 * refuse NUL, lone surrogates and control characters in their arguments. Only those resolvers are
 * wrapped: as type-graphql global middlewares the checks wrapped every field of every answer in an
 * async chain, which was more than half the CPU of a cached 48-row coverage answer (direct to the
 * subgraph 200–400 → 540–1,090 req/s without it, measured back to back).
 */
function guardResolvers(schema: GraphQLSchema, resolvers: GraphQLResolverMap<unknown>, policy: PolicyRows): void {
  const authorize = AuthorizeMiddleware(policy);
  const guard = (typeName: string, fieldName: string, checks: MiddlewareFn<RequestContext>[]) => {
    const map = (resolvers[typeName] ?? {}) as Record<string, unknown>;
    const resolve = (map[fieldName] as Resolve | undefined) ?? (defaultFieldResolver as Resolve);
    map[fieldName] = ((root, args, context, info) => {
      const run = (i: number): unknown =>
        i === checks.length
          ? resolve(root, args, context, info)
          : checks[i]!({ root, args, context, info }, async () => run(i + 1));
      return run(0);
    }) satisfies Resolve;
    resolvers[typeName] = map as never;
  };
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.keys(type?.getFields() ?? {})) guard(type!.name, field, [authorize, RejectUnsafeText]);
  }
  for (const operation of Object.keys(policy)) {
    const [typeName, fieldName] = operation.split('.') as [string, string];
    const type = schema.getType(typeName);
    if (['Query', 'Mutation', 'Subscription'].includes(typeName) || !isObjectType(type)) continue;
    if (type.getFields()[fieldName]) guard(typeName, fieldName, [authorize]);
  }
}

/** Puts each Subscription field's source, behind the policy's role check, into the resolver map. */
function wireSubscriptions(
  schema: GraphQLSchema,
  resolvers: GraphQLResolverMap<unknown>,
  sources: Record<string, SubscribeFn>,
  policy: PolicyRows,
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
        if (!scopeOf(operation, ctx.actor.role, policy)) throw forbidden(operation, ctx.actor.role);
        return source(args, ctx, info);
      },
    };
  }
  if (fields.length) resolvers['Subscription'] = map as never;
}
