import type {
  BudgetAllocated as BudgetAllocatedDef,
  EventOf,
  ProjectAdmittedToLibrary as ProjectAdmittedToLibraryDef,
  ProjectProposed as ProjectProposedDef,
} from '@jixiao/events';

/** 项目已申报. */
export type ProjectProposed = EventOf<typeof ProjectProposedDef>;
/** 项目已入库. */
export type ProjectAdmittedToLibrary = EventOf<typeof ProjectAdmittedToLibraryDef>;
/** 预算已安排. */
export type BudgetAllocated = EventOf<typeof BudgetAllocatedDef>;

/** Every event of a `project-<projectId>` stream. */
export type ProjectEvent = ProjectProposed | ProjectAdmittedToLibrary | BudgetAllocated;
