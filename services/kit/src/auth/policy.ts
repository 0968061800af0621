import type { Role } from './roles';

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

/** One operation: `Query.x`, `Mutation.x`, or `Type.field` for a guarded field of an entity. */
export type OperationPolicy = Partial<Record<Role, Scope>>;

const READ_ALL: OperationPolicy = { PERFORMANCE_SECTION: 'ALL', BUDGET_SECTION: 'ALL', NPC: 'ALL', AUDITOR: 'ALL' };
const HISTORY: OperationPolicy = { PERFORMANCE_SECTION: 'ALL', AUDITOR: 'ALL' };
/** A unit's own records: the finance bureau, congress and auditors read all; a unit its own; a department its tree. */
const SCOPED_READ: OperationPolicy = {
  ...READ_ALL,
  BUDGET_UNIT: 'OWN_UNIT',
  DEPARTMENT: 'SUBORDINATES',
  EXPERT: 'ASSIGNED',
  AGENCY: 'ASSIGNED',
};
const UNIT_READ: OperationPolicy = { ...SCOPED_READ, PERSONNEL: 'ALL', ADMIN: 'ALL' };
/** Whoever asks for money sets the goal: the unit, or its supervising department for it. */
const UNIT_WRITE: OperationPolicy = { BUDGET_UNIT: 'OWN_UNIT', DEPARTMENT: 'SUBORDINATES' };
/** Decisions of the finance bureau on a goal or project. */
const FINANCE: OperationPolicy = { PERFORMANCE_SECTION: 'ALL', BUDGET_SECTION: 'ALL' };
/** Shared reference data: the indicator library, the rules in force. */
const EVERYONE: OperationPolicy = {
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

/** 审核待办: the reviewers of each stage see their queue, a unit its own drafts and returned goals. */
const REVIEW_QUEUE: OperationPolicy = {
  PERFORMANCE_SECTION: 'ALL',
  BUDGET_SECTION: 'ALL',
  BUDGET_UNIT: 'OWN_UNIT',
  DEPARTMENT: 'CHILD_UNITS',
  EXPERT: 'ALL',
};

/**
 * 权限表 — the authorization policy, as data. Every Query, Mutation and Subscription field of every subgraph
 * must have a row (a unit test checks it; a missing row is FORBIDDEN for everyone). The README's
 * role table is rendered from it, and the matrix test runs every row as every role.
 */
export const POLICY: Record<string, OperationPolicy> = {
  'Query.budgetUnit': UNIT_READ,
  'Query.budgetUnits': UNIT_READ,
  'Mutation.registerBudgetUnit': { ADMIN: 'ALL' },
  'Query.goal': SCOPED_READ,
  'Query.goals': SCOPED_READ,
  'Query.reviewQueue': REVIEW_QUEUE,
  'Subscription.goalStateChanged': SCOPED_READ,
  'Subscription.myReviewQueueChanged': REVIEW_QUEUE,
  'Mutation.submitGoal': UNIT_WRITE,
  'Mutation.draftGoal': UNIT_WRITE,
  'Mutation.draftGoalFromSample': UNIT_WRITE,
  'Mutation.submitDraft': UNIT_WRITE,
  'Mutation.addIndicator': UNIT_WRITE,
  'Mutation.addIndicatorFromTemplate': UNIT_WRITE,
  'Mutation.reviseIndicator': UNIT_WRITE,
  'Mutation.removeIndicator': UNIT_WRITE,
  'Mutation.recordReviewOpinion': { PERFORMANCE_SECTION: 'ALL', BUDGET_SECTION: 'ALL', EXPERT: 'ALL' },
  'Mutation.reviewGoal': { PERFORMANCE_SECTION: 'ALL', DEPARTMENT: 'CHILD_UNITS' },
  'Mutation.issueGoal': FINANCE,
  'Mutation.adjustGoal': FINANCE,
  'Mutation.markGoalExemplary': { PERFORMANCE_SECTION: 'ALL' },
  'Query.project': SCOPED_READ,
  'Query.projects': SCOPED_READ,
  'Mutation.proposeProject': UNIT_WRITE,
  'Mutation.admitProjectToLibrary': FINANCE,
  'Mutation.allocateBudget': { BUDGET_SECTION: 'ALL' },
  'Query.preAssessment': SCOPED_READ,
  'Query.preAssessmentsOfProject': SCOPED_READ,
  'Mutation.openPreAssessment': { PERFORMANCE_SECTION: 'ALL' },
  'Mutation.giveScore': { EXPERT: 'ASSIGNED', AGENCY: 'ASSIGNED' },
  'Mutation.concludePreAssessment': { PERFORMANCE_SECTION: 'ALL' },
  'Query.indicatorTemplates': EVERYONE,
  'Mutation.addIndicatorTemplate': { PERFORMANCE_SECTION: 'ALL', ADMIN: 'ALL' },
  'Query.ruleProfile': EVERYONE,
  'Mutation.publishRuleProfile': { ADMIN: 'ALL' },
  'Query.goalCoverage': {
    ...READ_ALL,
    BUDGET_UNIT: 'OWN_UNIT',
    DEPARTMENT: 'SUBORDINATES',
  },
  'Query.reviewStatistics': READ_ALL,
  'Query.streamHistory': HISTORY,
  'Query.verifyStream': HISTORY,
  'Goal.history': HISTORY,
};

/** The scope `role` has on `operation`, or null when the role may not run it. */
export function scopeOf(operation: string, role: string, policy = POLICY): Scope | null {
  return policy[operation]?.[role as Role] ?? null;
}
