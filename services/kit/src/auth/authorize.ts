import { ForbiddenError } from '@jixiao/events';
import type { MiddlewareFn } from 'type-graphql';
import type { RequestContext } from '../context';
import { scopeOf, type PolicyRows } from './policy';
import { ROLE_LABELS, type Role } from './roles';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/** FORBIDDEN, naming the role and the operation. */
export function forbidden(operation: string, role: string): ForbiddenError {
  const label = ROLE_LABELS[role as Role] ?? role;
  return new ForbiddenError({
    zh: `角色「${label}」无权执行 ${operation}`,
    en: `Role ${role} may not run ${operation}`,
  });
}

/**
 * A type-graphql middleware, put on every Query and Mutation field and every `Type.field` the
 * policy lists (federation/build-subgraph.ts, `guardResolvers`): they run only for roles the
 * policy table allows. A root field missing from the table is denied to all,
 * so a new operation is closed until someone decides who may run it.
 */
export function AuthorizeMiddleware(policy: PolicyRows): MiddlewareFn<RequestContext> {
  return ({ info, context }, next) => {
    const operation = `${info.parentType.name}.${info.fieldName}`;
    const guarded = ROOT_TYPES.has(info.parentType.name) || operation in policy;
    if (guarded && !scopeOf(operation, context.actor.role, policy)) throw forbidden(operation, context.actor.role);
    return next();
  };
}
