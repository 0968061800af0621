import { HISTORY, UNIT_READ, type PolicyRows } from '@jixiao/service-kit';

/** 权限表 of the directory: who may read and register budget units. */
export const directoryPolicy: PolicyRows = {
  'Query.budgetUnit': UNIT_READ,
  'Query.budgetUnits': UNIT_READ,
  'Mutation.registerBudgetUnit': { ADMIN: 'ALL' },
  // served by the audit context
  'BudgetUnit.history': HISTORY,
};
