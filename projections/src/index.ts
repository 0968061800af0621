export * from './projection';
export * from './runner/checkpoint.entity';
export * from './runner/apply-batch';
export * from './runner/runner';
export * from './planning/goals/goal.entities';
export * from './planning/goals/goals.projection';
export * from './directory/units/units.projection';
import { goalsProjection } from './planning/goals/goals.projection';
import { unitsProjection } from './directory/units/units.projection';
import { ProjectionCheckpointSchema } from './runner/checkpoint.entity';

/** Every projection of the platform, in the order they are started. */
export const allProjections = [unitsProjection, goalsProjection];

/** Every MikroORM entity schema the read models need. */
export const readModelEntities = [ProjectionCheckpointSchema, ...allProjections.flatMap((p) => p.entities)];
