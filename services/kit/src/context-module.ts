import { EventCatalog, type EventDefinition } from '@jixiao/events';
import type { GeneratorSteps } from '@jixiao/generator';
import type { Projection } from '@jixiao/projections';
import type { PolicyRows } from './auth/policy';
import type { ServiceDeps } from './commands';
import type { Subgraph } from './federation/build-subgraph';
import type { DeadlineKind } from './reactions/deadlines';
import type { Reaction } from './reactions/reaction';

/**
 * A bounded context as the platform sees it: everything infra, the gateway, composition, the
 * catalog, the policy and the docs need to know of it. Each context exports one
 * (`services/<context>/src/context.ts`); the ordered list of them is `CONTEXTS` in
 * `contexts/src/index.ts`, and adding a context is adding its manifest to that list.
 */
export interface ContextModule {
  /** The context's name: its subgraph's name in the supergraph, its worker pool, its docs page. */
  name: string;
  /** What it is called, for the docs. */
  title: { zh: string; en: string };
  /** The event contracts it appends (from `events/src/<context>/`). */
  events: readonly EventDefinition[];
  /**
   * The stream categories it writes (a stream id's prefix before the first `-`, e.g. `goal` of
   * `goal-42`): one Kafka topic each in distributed mode.
   */
  streamCategories: readonly string[];
  /** Its read models (from `projections/src/<context>/`); its worker pool runs them in distributed mode. */
  projections: readonly Projection[];
  /** Its subgraph, when it serves GraphQL. */
  subgraph?: (deps: ServiceDeps) => Promise<Subgraph>;
  /**
   * Its rows of the authorization policy (权限表): every operation its subgraph serves, and the
   * `<Type>.history` row of each entity it has the audit context show the history of.
   */
  policy: PolicyRows;
  /**
   * Its entities whose event history the audit context adds to the graph (`Goal.history`, …): each
   * an entity with `@key(fields: "id")` in its subgraph whose stream is `<streamCategory>-<id>`.
   */
  audited?: readonly AuditedEntity[];
  /**
   * Its reactions to events (its own or another context's): commands it issues, each with an id
   * derived from the source event and `causationId` naming it (services/kit/src/reactions).
   */
  reactions?: readonly Reaction[];
  /** Its kinds of deadline: set by its events, and the "deadline passed" event the scheduler appends. */
  deadlines?: readonly DeadlineKind[];
  /**
   * Its part of the generated city year (the demo data `npm start` seeds, the benchmarks' years):
   * made afresh for each year, its `setup` and per-project steps run in the list's order.
   */
  generator?: () => GeneratorSteps;
}

/** An entity the audit context extends with `history`: the events of its stream, with hashes. */
export interface AuditedEntity {
  /** The GraphQL type, e.g. `Goal`. */
  type: string;
  /** Its stream category: the history of goal `42` is the stream `goal-42`. */
  streamCategory: string;
  /** What it is called, in the field's description. */
  label: { zh: string; en: string };
}

/** Every audited entity of these contexts, each with its policy row (`<Type>.history`), which its context must give. */
export function auditedOf(contexts: readonly ContextModule[]): { entity: AuditedEntity; policy: PolicyRows }[] {
  return contexts.flatMap((c) =>
    (c.audited ?? []).map((entity) => {
      const operation = `${entity.type}.history`;
      const row = c.policy[operation];
      if (!row) throw new Error(`context ${c.name} audits ${entity.type} but has no policy row ${operation}`);
      return { entity, policy: { [operation]: row } };
    }),
  );
}

/** The platform's event catalog: every event type of every context. */
export function catalogOf(contexts: readonly ContextModule[]): EventCatalog {
  return new EventCatalog(contexts.flatMap((c) => c.events));
}

/** Every reaction of every context; two with one name is a mistake (the name is the checkpoint's). */
export function reactionsOf(contexts: readonly ContextModule[]): Reaction[] {
  return entriesOnce(contexts, (c) => (c.reactions ?? []).map((r) => [r.name, r]), 'reaction').map(([, r]) => r);
}

/** Every kind of deadline of every context; two with one name is a mistake. */
export function deadlinesOf(contexts: readonly ContextModule[]): DeadlineKind[] {
  return entriesOnce(contexts, (c) => (c.deadlines ?? []).map((d) => [d.name, d]), 'deadline').map(([, d]) => d);
}

/** Every projection of every context, in the list's order (the order they are started). */
export function projectionsOf(contexts: readonly ContextModule[]): Projection[] {
  return contexts.flatMap((c) => [...c.projections]);
}

/** The whole policy: each context's rows; an operation claimed by two contexts is a mistake. */
export function policyOf(contexts: readonly ContextModule[]): PolicyRows {
  return Object.fromEntries(entriesOnce(contexts, (c) => Object.entries(c.policy), 'operation'));
}

/** Every stream category, once; two contexts writing the same category is a mistake. */
export function streamCategoriesOf(contexts: readonly ContextModule[]): string[] {
  return entriesOnce(
    contexts,
    (c) => c.streamCategories.map((category) => [category, category]),
    'stream category',
  ).map(([category]) => category);
}

/** The contexts that serve a subgraph, by name. */
export function subgraphsOf(
  contexts: readonly ContextModule[],
): [name: string, build: (deps: ServiceDeps) => Promise<Subgraph>][] {
  return contexts.flatMap((c) => (c.subgraph ? [[c.name, c.subgraph] as [string, typeof c.subgraph]] : []));
}

/** The context a stream category belongs to (the owner of its topic and its events). */
export function contextOfCategory(contexts: readonly ContextModule[], category: string): ContextModule | undefined {
  return contexts.find((c) => c.streamCategories.includes(category));
}

function entriesOnce<V>(
  contexts: readonly ContextModule[],
  entries: (c: ContextModule) => [string, V][],
  what: string,
): [string, V][] {
  const owner = new Map<string, string>();
  const out: [string, V][] = [];
  for (const context of contexts) {
    for (const [key, value] of entries(context)) {
      const first = owner.get(key);
      if (first) throw new Error(`${what} ${key} is declared by both ${first} and ${context.name}`);
      owner.set(key, context.name);
      out.push([key, value]);
    }
  }
  return out;
}
