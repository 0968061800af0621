import { HISTORY, UNIT_READ, type PolicyRows } from '@jixiao/service-kit';

/** 权限表 of the directory: who may read and register budget units, and read assignments. */
export const directoryPolicy: PolicyRows = {
  'Query.budgetUnit': UNIT_READ,
  'Query.budgetUnits': UNIT_READ,
  'Mutation.registerBudgetUnit': { ADMIN: 'ALL' },
  'Mutation.changeBudgetUnitSector': { ADMIN: 'ALL' },
  // anyone's for the bureau and auditors; one's own for those who reach records by assignment
  'Query.assignments': {
    PERFORMANCE_SECTION: 'ALL',
    AUDITOR: 'ALL',
    EXPERT: 'ASSIGNED',
    AGENCY: 'ASSIGNED',
    NPC: 'ASSIGNED',
    PERSONNEL: 'ASSIGNED',
  },
  // served by the audit context
  'BudgetUnit.history': HISTORY,
};
