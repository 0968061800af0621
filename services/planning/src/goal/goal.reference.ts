import type { ServiceDeps } from '@jixiao/service-kit';
import { findGoal } from './goal.read';

/** Federation: other subgraphs reference a Goal by id; planning resolves it from its read model. */
export function goalReference(deps: ServiceDeps) {
  return {
    Goal: { __resolveReference: (ref: { id: string }) => findGoal(deps.em(), ref.id) },
  };
}
