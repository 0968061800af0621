import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '@jixiao/events';
import type { AssignmentLookup, UnitHierarchy } from './auth/scope';
import type { AssertedCaller } from './auth/assertion';

/** The caller of one request, as every resolver sees it: from the gateway's verified assertion only. */
export interface Actor {
  userId: string;
  role: string;
  unitId: string | null;
}

export interface RequestContext {
  actor: Actor;
  correlationId: string;
  clientIp?: string;
  userAgent?: string;
  /** The unit tree, for DEPARTMENT (subordinate units) scopes. */
  units?: UnitHierarchy;
  /** The records assigned to each user, for ASSIGNED scopes (experts, agencies, congress members, personnel). */
  assignments?: AssignmentLookup;
}

/**
 * Builds the request context from the verified identity and the headers the gateway forwards.
 * Identity never comes from headers a client could set: only from the gateway's signed assertion.
 */
export function contextFromHeaders(
  headers: Record<string, string | string[] | undefined>,
  caller: AssertedCaller,
  extra: { units?: UnitHierarchy; assignments?: AssignmentLookup } = {},
): RequestContext {
  const one = (name: string) => {
    const v = headers[name];
    return (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
  };
  return {
    actor: { userId: caller.userId, role: caller.role, unitId: caller.unitId },
    correlationId: one('x-correlation-id') ?? randomUUID(),
    // the client's, as the gateway saw them; this request's own socket is the gateway's
    clientIp: caller.clientIp,
    userAgent: caller.userAgent,
    units: extra.units,
    assignments: extra.assignments,
  };
}

/** The event metadata a command records: who, on which unit, in which request. */
export function metadataOf(ctx: RequestContext): EventMetadata {
  return {
    actorId: ctx.actor.userId,
    role: ctx.actor.role,
    unitId: ctx.actor.unitId,
    correlationId: ctx.correlationId,
    clientIp: ctx.clientIp,
    userAgent: ctx.userAgent,
  };
}
