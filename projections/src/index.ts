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
export * from './directory/units/units.projection';
import { goalsProjection } from './planning/goals/goals.projection';
import { goalCountsProjection } from './planning/goal-counts/goal-counts.projection';
import { projectsProjection } from './planning/projects/projects.projection';
import { preAssessmentsProjection } from './planning/pre-assessments/pre-assessments.projection';
import { templatesProjection } from './planning/library/templates.projection';
import { ruleProfilesProjection } from './planning/rule-profiles/rule-profiles.projection';
import { unitsProjection } from './directory/units/units.projection';
import { ProjectionCheckpointSchema } from './runner/checkpoint.entity';
import { ProjectionStreamSchema } from './runner/stream-record.entity';

/** Every projection of the platform, in the order they are started. */
export const allProjections = [
  unitsProjection,
  ruleProfilesProjection,
  templatesProjection,
  projectsProjection,
  preAssessmentsProjection,
  goalsProjection,
  goalCountsProjection,
];

/** Every MikroORM entity schema the read models need. */
export const readModelEntities = [
  ProjectionCheckpointSchema,
  ProjectionStreamSchema,
  ...allProjections.flatMap((p) => p.entities),
];
export * from './copy-text';
