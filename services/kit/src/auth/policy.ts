import type { Role } from './roles';

/**
 * Which rows of an allowed operation a role reaches:
 * - `ALL`: every row;
 * - `OWN_UNIT`: rows of the caller's own unit;
 * - `SUBORDINATES`: rows of the caller's unit and of units whose parent it is (主管部门);
 * - `ASSIGNED`: rows assigned to the caller (assessments, evaluations); none exist yet, so nothing.
 * A role absent from a row may not run the operation: FORBIDDEN.
 */
export type Scope = 'ALL' | 'OWN_UNIT' | 'SUBORDINATES' | 'ASSIGNED';
export const SCOPES: readonly Scope[] = ['ALL', 'OWN_UNIT', 'SUBORDINATES', 'ASSIGNED'];

/** One operation: `Query.x`, `Mutation.x`, or `Type.field` for a guarded field of an entity. */
export type OperationPolicy = Partial<Record<Role, Scope>>;

const READ_ALL: OperationPolicy = { PERFORMANCE_SECTION: 'ALL', BUDGET_SECTION: 'ALL', NPC: 'ALL', AUDITOR: 'ALL' };
const HISTORY: OperationPolicy = { PERFORMANCE_SECTION: 'ALL', AUDITOR: 'ALL' };

/**
 * 权限表 — the authorization policy, as data. Every Query and Mutation field of every subgraph
 * must have a row (a unit test checks it; a missing row is FORBIDDEN for everyone). The README's
 * role table is rendered from it, and the matrix test runs every row as every role.
 */
export const POLICY: Record<string, OperationPolicy> = {
  'Query.budgetUnit': {
    ...READ_ALL,
    BUDGET_UNIT: 'OWN_UNIT',
    DEPARTMENT: 'SUBORDINATES',
    EXPERT: 'ASSIGNED',
    AGENCY: 'ASSIGNED',
    PERSONNEL: 'ALL',
    ADMIN: 'ALL',
  },
  'Query.budgetUnits': {
    ...READ_ALL,
    BUDGET_UNIT: 'OWN_UNIT',
    DEPARTMENT: 'SUBORDINATES',
    EXPERT: 'ASSIGNED',
    AGENCY: 'ASSIGNED',
    PERSONNEL: 'ALL',
    ADMIN: 'ALL',
  },
  'Mutation.registerBudgetUnit': { ADMIN: 'ALL' },
  'Query.goal': {
    ...READ_ALL,
    BUDGET_UNIT: 'OWN_UNIT',
    DEPARTMENT: 'SUBORDINATES',
    EXPERT: 'ASSIGNED',
    AGENCY: 'ASSIGNED',
  },
  'Query.goals': {
    ...READ_ALL,
    BUDGET_UNIT: 'OWN_UNIT',
    DEPARTMENT: 'SUBORDINATES',
    EXPERT: 'ASSIGNED',
    AGENCY: 'ASSIGNED',
  },
  'Mutation.submitGoal': { BUDGET_UNIT: 'OWN_UNIT', DEPARTMENT: 'SUBORDINATES' },
  'Mutation.reviseIndicator': { BUDGET_UNIT: 'OWN_UNIT', DEPARTMENT: 'SUBORDINATES' },
  'Mutation.reviewGoal': { PERFORMANCE_SECTION: 'ALL' },
  'Query.streamHistory': HISTORY,
  'Query.verifyStream': HISTORY,
  'Goal.history': HISTORY,
};

/** The scope `role` has on `operation`, or null when the role may not run it. */
export function scopeOf(operation: string, role: string, policy = POLICY): Scope | null {
  return policy[operation]?.[role as Role] ?? null;
}
