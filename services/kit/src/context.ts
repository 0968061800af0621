import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '@jixiao/events';

/** The caller of one request, as every resolver sees it. */
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
}

/**
 * Reads the caller from the headers the gateway forwards. Until JWT verification lands
 * (identity issue), these headers are trusted as sent; without them the caller is anonymous.
 */
export function contextFromHeaders(
  headers: Record<string, string | string[] | undefined>,
  clientIp?: string,
): RequestContext {
  const one = (name: string) => {
    const v = headers[name];
    return (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
  };
  return {
    actor: {
      userId: one('x-jixiao-user') ?? 'anonymous',
      role: one('x-jixiao-role') ?? 'ANONYMOUS',
      unitId: one('x-jixiao-unit') ?? null,
    },
    correlationId: one('x-correlation-id') ?? randomUUID(),
    clientIp,
    userAgent: one('user-agent'),
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
