export * from './projection';
export * from './keyed';
export * from './runner/stream-record.entity';
export * from './runner/keyed-fold';
export * from './runner/checkpoint.entity';
export * from './runner/apply-batch';
export * from './runner/runner';
export * from './planning/goals/goal.entities';
export * from './planning/goals/goals.projection';
export * from './planning/goals/goal.evolve';
export * from './planning/goals/goal.status';
export * from './planning/goal-counts/goal-counts.entities';
export * from './planning/goal-counts/goal-counts.projection';
export * from './planning/projects/projects.projection';
export * from './planning/pre-assessments/pre-assessments.projection';
export * from './planning/library/templates.projection';
export * from './planning/rule-profiles/rule-profiles.projection';
export * from './planning/disclosure/published-goals.entities';
export * from './planning/disclosure/published-goals.projection';
export * from './execution/disbursements/disbursements.entities';
export * from './execution/disbursements/disbursement-requests.projection';
export * from './execution/disbursements/disbursement-standing.projection';
export * from './directory/units/units.projection';
export * from './directory/assignments/assignments.projection';
import type { EntitySchema } from '@mikro-orm/core';
import type { Projection } from './projection';
import { ProjectionCheckpointSchema } from './runner/checkpoint.entity';
import { ProjectionStreamSchema } from './runner/stream-record.entity';

/** The tables the projection runner itself keeps (checkpoints, keyed projections' stream records), beside the projections' own. */
export const runnerEntities: EntitySchema[] = [ProjectionCheckpointSchema, ProjectionStreamSchema];

/**
 * Every MikroORM entity schema the read models of these projections need. The projections of the
 * platform are its contexts' (`CONTEXTS` in @jixiao/contexts), in the order they are started.
 */
export function readModelEntitiesOf(projections: readonly Projection[]): EntitySchema[] {
  return [...runnerEntities, ...projections.flatMap((p) => p.entities)];
}
export * from './copy-text';
export * from './execution/monitoring/monitoring.entities';
export * from './execution/monitoring/monitoring.projection';
export * from './evaluation/agencies/agencies.entities';
export * from './evaluation/agencies/agencies.projection';
export * from './evaluation/key-evaluations/key-evaluations.entities';
export * from './evaluation/key-evaluations/key-evaluations.projection';
export * from './evaluation/self-evaluations/self-evaluations.entities';
export * from './evaluation/self-evaluations/self-evaluations.projection';
export * from './evaluation/figures/sector-figures';
