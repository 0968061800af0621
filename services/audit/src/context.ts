import { auditEvents } from '@jixiao/events';
import type { ContextModule } from '@jixiao/service-kit';
import { auditSubgraph } from './index';
import { auditPolicy } from './policy';

/** 审计 — audit: event histories, hash-chain checks, and the record of who read them. */
export const auditContext: ContextModule = {
  name: 'audit',
  title: { zh: '审计追溯', en: 'Audit' },
  events: auditEvents,
  streamCategories: ['access'],
  projections: [],
  subgraph: (deps) => auditSubgraph(deps.store, deps.contexts, deps.sealer),
  policy: auditPolicy,
};
