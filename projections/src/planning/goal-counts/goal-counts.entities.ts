import { EntitySchema } from '@mikro-orm/core';

/** 目标状态统计 — per budget unit and fiscal year, how many goals are in each status. */
export interface GoalCountRow {
  /** `unitId|fiscalYear`. */
  key: string;
  unitId: string;
  fiscalYear: number;
  /** Goals by status (`DRAFT`, `SUBMITTED`, …); statuses with none are left out. */
  counts: Record<string, number>;
  /** Every goal of the unit and year. */
  goals: number;
  /** Goals approved, issued or adjusted. */
  approvedGoals: number;
  /** Projects with at least one approved goal: what goal coverage counts. */
  projectsWithApprovedGoal: number;
  /** Approved goals per project (a project may have an annual and a medium-term one). */
  approvedByProject: Record<string, number>;
}

export const GoalCountRowSchema = new EntitySchema<GoalCountRow>({
  name: 'GoalCountRow',
  tableName: 'rm_goal_count',
  indexes: [{ properties: ['fiscalYear', 'unitId'] }],
  properties: {
    key: { type: 'string', primary: true },
    unitId: { type: 'string' },
    fiscalYear: { type: 'integer' },
    counts: { type: 'json' },
    goals: { type: 'integer' },
    approvedGoals: { type: 'integer' },
    projectsWithApprovedGoal: { type: 'integer' },
    approvedByProject: { type: 'json' },
  },
});
