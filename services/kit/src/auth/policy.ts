import { PUBLIC, ROLES, type Public, type Role } from './roles';

/**
 * Which rows of an allowed operation a role reaches:
 * - `ALL`: every row;
 * - `OWN_UNIT`: rows of the caller's own unit;
 * - `SUBORDINATES`: rows of the caller's unit and of units whose parent it is (主管部门);
 * - `CHILD_UNITS`: rows of the units whose parent is the caller's unit, not its own (the department's review);
 * - `ASSIGNED`: rows assigned to the caller, and no unit's rows as such; the resolver that knows the
 *   assignment adds them (today: the pre-assessments whose scorers include the caller).
 * A role absent from a row may not run the operation: FORBIDDEN.
 */
export type Scope = 'ALL' | 'OWN_UNIT' | 'SUBORDINATES' | 'CHILD_UNITS' | 'ASSIGNED';
export const SCOPES: readonly Scope[] = ['ALL', 'OWN_UNIT', 'SUBORDINATES', 'CHILD_UNITS', 'ASSIGNED'];

/**
 * One operation: `Query.x`, `Mutation.x`, or `Type.field` for a guarded field of an entity. Besides
 * the roles, a `Query.x` row may name `PUBLIC` (with `ALL`): callers without a token may run it.
 */
export type OperationPolicy = Partial<Record<Role | Public, Scope>>;

/** The columns of a policy table: every role, then PUBLIC (callers without a token). */
export const POLICY_COLUMNS: readonly (Role | Public)[] = [...ROLES, PUBLIC];

/*
 * The rows themselves (权限表) are each context's own: its manifest's `policy` (services/<context>/src/policy.ts).
 * These are the role sets they are made of, shared so the same words mean the same roles everywhere.
 */
export const READ_ALL: OperationPolicy = {
  PERFORMANCE_SECTION: 'ALL',
  BUDGET_SECTION: 'ALL',
  NPC: 'ALL',
  AUDITOR: 'ALL',
};
export const HISTORY: OperationPolicy = { PERFORMANCE_SECTION: 'ALL', AUDITOR: 'ALL' };
/** A unit's own records: the finance bureau, congress and auditors read all; a unit its own; a department its tree. */
export const SCOPED_READ: OperationPolicy = {
  ...READ_ALL,
  BUDGET_UNIT: 'OWN_UNIT',
  DEPARTMENT: 'SUBORDINATES',
  EXPERT: 'ASSIGNED',
  AGENCY: 'ASSIGNED',
};
export const UNIT_READ: OperationPolicy = { ...SCOPED_READ, PERSONNEL: 'ALL', ADMIN: 'ALL' };
/** Whoever asks for money sets the goal: the unit, or its supervising department for it. */
export const UNIT_WRITE: OperationPolicy = { BUDGET_UNIT: 'OWN_UNIT', DEPARTMENT: 'SUBORDINATES' };
/** Decisions of the finance bureau on a goal or project. */
export const FINANCE: OperationPolicy = { PERFORMANCE_SECTION: 'ALL', BUDGET_SECTION: 'ALL' };
/** Shared reference data: the indicator library, the rules in force. */
export const EVERYONE: OperationPolicy = {
  PERFORMANCE_SECTION: 'ALL',
  BUDGET_SECTION: 'ALL',
  BUDGET_UNIT: 'ALL',
  DEPARTMENT: 'ALL',
  EXPERT: 'ALL',
  AGENCY: 'ALL',
  NPC: 'ALL',
  AUDITOR: 'ALL',
  PERSONNEL: 'ALL',
  ADMIN: 'ALL',
};

/** Published for everyone (公开): every role, and callers without a token. Queries only. */
export const PUBLIC_READ: OperationPolicy = { ...EVERYONE, PUBLIC: 'ALL' };

/** 审核待办: the reviewers of each stage see their queue, a unit its own drafts and returned goals. */
export const REVIEW_QUEUE: OperationPolicy = {
  PERFORMANCE_SECTION: 'ALL',
  BUDGET_SECTION: 'ALL',
  BUDGET_UNIT: 'OWN_UNIT',
  DEPARTMENT: 'CHILD_UNITS',
  EXPERT: 'ALL',
};

/** An operation's policy rows: `Query.x` / `Mutation.x` / `Subscription.x` / `Type.field` → role → scope. */
export type PolicyRows = Readonly<Record<string, OperationPolicy>>;

/** The scope `role` has on `operation`, or null when the role may not run it. */
export function scopeOf(operation: string, role: string, policy: PolicyRows): Scope | null {
  return policy[operation]?.[role as Role] ?? null;
}

/**
 * The operations callers without a token may run: the `Query.x` rows naming PUBLIC. Throws on a
 * PUBLIC cell anywhere else (a mutation, a subscription, an entity field) or with a scope other than
 * ALL: what is public is published whole, and nothing anonymous ever writes.
 */
export function publicOperationsOf(policy: PolicyRows): string[] {
  const rows = Object.entries(policy).filter(([, row]) => row[PUBLIC] !== undefined);
  const wrong = rows.filter(([operation, row]) => !operation.startsWith('Query.') || row[PUBLIC] !== 'ALL');
  if (wrong.length > 0) {
    throw new Error(`PUBLIC may only be ALL on a Query row; not on ${wrong.map(([o]) => o).join(', ')}`);
  }
  return rows.map(([operation]) => operation);
}
