import { auditContext } from '@jixiao/audit';
import { directoryContext } from '@jixiao/directory';
import { evaluationContext } from '@jixiao/evaluation';
import { executionContext } from '@jixiao/execution';
import { planningContext } from '@jixiao/planning';
import { readModelEntitiesOf } from '@jixiao/projections';
import {
  catalogOf,
  deadlinesOf,
  policyOf,
  projectionsOf,
  reactionsOf,
  streamCategoriesOf,
  type ContextModule,
} from '@jixiao/service-kit';

/**
 * 业务域清单 — Jixiao's bounded contexts, in order: what the embedded platform, the distributed
 * supervisor (its services and worker pools), the Kafka topics, the event catalog, the policy,
 * composition, the tests and the docs read. A context comes before the contexts that read its
 * events. Adding a context is its folders (events/src/<context>/, projections/src/<context>/,
 * services/<context>/) and one line here — see docs/architecture/adding-a-context.md.
 */
export const CONTEXTS: readonly ContextModule[] = [
  directoryContext,
  planningContext,
  executionContext,
  evaluationContext,
  auditContext,
];

/** The platform's event catalog: every event type any context may append. */
export const catalog = catalogOf(CONTEXTS);

/** Every projection of the platform, in the order they are started. */
export const allProjections = projectionsOf(CONTEXTS);

/** Every context's reactions to events, and its kinds of deadline (the scheduler's). */
export const REACTIONS = reactionsOf(CONTEXTS);
export const DEADLINES = deadlinesOf(CONTEXTS);

/** Every MikroORM entity schema the read models need (the runner's tables and every projection's). */
export const readModelEntities = readModelEntitiesOf(allProjections);

/** 权限表 — the authorization policy, every context's rows (the matrix test runs each row as every role). */
export const POLICY = policyOf(CONTEXTS);

/** The stream categories published in distributed mode, one Kafka topic each. */
export const STREAM_CATEGORIES = streamCategoriesOf(CONTEXTS);

export { catalogOf, policyOf, projectionsOf, streamCategoriesOf, type ContextModule };
