import { executionEvents } from '@jixiao/events';
import type { GeneratorSteps } from '@jixiao/generator';
import { buildFederatedSubgraph, type ContextModule } from '@jixiao/service-kit';
import { disbursementPart } from './disbursement/disbursement.part';
import { monitoringPart } from './monitoring/monitoring.part';
import type { ExecutionPart } from './part';

const PARTS: readonly ExecutionPart[] = [disbursementPart, monitoringPart];

const policy = Object.assign({}, ...PARTS.map((p) => p.policy)) as ContextModule['policy'];
const resolvers = PARTS.flatMap((p) => p.resolvers);

/** Each part's steps of the year, monitoring's after disbursement's. */
function executionGenerator(): GeneratorSteps {
  const steps = PARTS.flatMap((p) => (p.generator ? [p.generator()] : []));
  return {
    setup: (year) => steps.forEach((s) => s.setup?.(year)),
    project: (year, n) => steps.forEach((s) => s.project?.(year, n)),
    finish: (year) => steps.forEach((s) => s.finish?.(year)),
  };
}

/** 预算执行 — execution: disbursement review with the performance opinion (拨款审核) and dual monitoring with computed warnings (双监控). */
export const executionContext: ContextModule = {
  name: 'execution',
  title: { zh: '预算执行', en: 'Execution' },
  events: executionEvents,
  streamCategories: ['disbursement', 'monitoringround', 'monitoring'],
  projections: PARTS.flatMap((p) => p.projections),
  subgraph:
    resolvers.length === 0
      ? undefined
      : (deps) => buildFederatedSubgraph({ resolvers: resolvers.map((R) => new R(deps)), policy }),
  policy,
  audited: PARTS.flatMap((p) => p.audited ?? []),
  deadlines: PARTS.flatMap((p) => p.deadlines ?? []),
  reactions: PARTS.flatMap((p) => p.reactions ?? []),
  generator: executionGenerator,
};
