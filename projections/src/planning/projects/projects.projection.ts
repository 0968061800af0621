import { BigIntType, EntitySchema } from '@mikro-orm/core';
import type * as E from '@jixiao/events';
import type { DataOf, RecordedEvent } from '@jixiao/events';
import { defineProjection, rowStorage, type Versioned } from '../../projection';

/** 项目读模型 — one row per project, with its library status and budget. */
export interface ProjectRow extends Versioned {
  projectId: string;
  unitId: string;
  code: string;
  name: string;
  category: string;
  isNew: boolean;
  isMajor: boolean;
  /** Whole fen (分), as every amount here. */
  amountRequestedFen: number;
  fiscalYear: number;
  years: number;
  divisionCode: string;
  libraryStatus: string;
  admittedGoalId: string | null;
  admittedPreAssessmentId: string | null;
  allocatedTotalFen: number;
  allocations: {
    fiscalYear: number;
    amountFen: number;
    budgetDocument: string;
    allocatedAt: string;
    eventId: string;
  }[];
  proposedAt: Date;
  updatedAt: Date;
}

export const ProjectRowSchema = new EntitySchema<ProjectRow>({
  name: 'ProjectRow',
  tableName: 'rm_project',
  // (fiscalYear, unitId, projectId) covers goal coverage per unit; (libraryStatus, proposedAt)
  // serves the blocked-projects page, newest first, without scanning the year
  indexes: [
    { properties: ['unitId', 'fiscalYear'] },
    { properties: ['fiscalYear', 'libraryStatus'] },
    { properties: ['fiscalYear', 'unitId', 'projectId'] },
    { properties: ['libraryStatus', 'proposedAt'] },
  ],
  properties: {
    projectId: { type: 'string', primary: true },
    // projections load their document by stream id: without an index every event of a rebuild scans the table
    streamId: { type: 'string', index: true },
    lastVersion: { type: 'integer' },
    unitId: { type: 'string' },
    code: { type: 'string' },
    name: { type: 'string' },
    category: { type: 'string' },
    isNew: { type: 'boolean' },
    isMajor: { type: 'boolean' },
    amountRequestedFen: { type: new BigIntType('number') },
    fiscalYear: { type: 'integer' },
    years: { type: 'integer' },
    divisionCode: { type: 'string' },
    libraryStatus: { type: 'string' },
    admittedGoalId: { type: 'string', nullable: true },
    admittedPreAssessmentId: { type: 'string', nullable: true },
    allocatedTotalFen: { type: new BigIntType('number') },
    allocations: { type: 'json' },
    proposedAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});

/** Pure: one project event folded into the project row. */
export function evolveProject(row: ProjectRow | null, event: RecordedEvent): ProjectRow | null {
  const at = new Date(event.recordedAt);
  if (event.type === 'ProjectProposed') {
    const d = event.data as DataOf<typeof E.ProjectProposed>;
    return {
      ...d,
      streamId: event.streamId,
      lastVersion: event.streamVersion,
      libraryStatus: 'PROPOSED',
      admittedGoalId: null,
      admittedPreAssessmentId: null,
      allocatedTotalFen: 0,
      allocations: [],
      proposedAt: at,
      updatedAt: at,
    };
  }
  if (!row) return row;
  switch (event.type) {
    case 'ProjectAdmittedToLibrary': {
      const d = event.data as DataOf<typeof E.ProjectAdmittedToLibrary>;
      const admitted = { admittedGoalId: d.goalId, admittedPreAssessmentId: d.preAssessmentId };
      return { ...row, ...admitted, libraryStatus: 'IN_LIBRARY', updatedAt: at };
    }
    case 'BudgetAllocated': {
      const { fiscalYear, amountFen, budgetDocument, totalAllocatedFen } = event.data as DataOf<
        typeof E.BudgetAllocated
      >;
      const entry = { fiscalYear, amountFen, budgetDocument, allocatedAt: event.recordedAt, eventId: event.eventId };
      return { ...row, allocatedTotalFen: totalAllocatedFen, allocations: [...row.allocations, entry], updatedAt: at };
    }
    default:
      return row;
  }
}

/** 项目库读模型. */
export const projectsProjection = defineProjection<ProjectRow>({
  name: 'planning.projects',
  handles: ['ProjectProposed', 'ProjectAdmittedToLibrary', 'BudgetAllocated'],
  entities: [ProjectRowSchema],
  evolve: evolveProject,
  ...rowStorage(ProjectRowSchema, 'projectId'),
});
