import type { Role } from './roles';
import policy from './policy.generated.json';

/** An operation of the platform's policy: `Query.goals`, `Mutation.submitGoal`, `Goal.history` … */
export type Operation = string;

const rows = policy as Record<Operation, Partial<Record<Role, string>>>;

/**
 * Whether the platform would let `role` run `operation`, from the policy the platform enforces
 * (generated into the console by `npm run docs`). The console hides what a role may not do; the
 * platform still decides every request.
 */
export const can = (role: Role, operation: Operation): boolean => Boolean(rows[operation]?.[role]);

/** Which rows of the operation the role reaches (ALL, OWN_UNIT …), or undefined where it may not run it. */
export const scopeOf = (role: Role, operation: Operation): string | undefined => rows[operation]?.[role];
