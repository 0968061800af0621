import type { AgencyRow } from '@jixiao/projections';

/** The caller as a token names it: role and unit. */
interface Actor {
  role: string;
  unitId: string | null;
}

/**
 * The agency an AGENCY user works for: its token's unit is the agency's id (docs/identity-and-access.md);
 * null for any other role, or an agency user without one.
 * @example agencyOf(ctx.actor) === evaluation.agencyId // the agency's own evaluation
 */
export function agencyOf(actor: Actor): string | null {
  return actor.role === 'AGENCY' && actor.unitId ? actor.unitId : null;
}

/**
 * Whether one of the agency's contracts has this number and its period (from–to, both days
 * included) covers the day `on` (`YYYY-MM-DD`).
 * @example contractCovers(agency, 'TMCZ-2024-001', '2024-05-01')
 */
export function contractCovers(agency: Pick<AgencyRow, 'contracts'>, contractNumber: string, on: string): boolean {
  return agency.contracts.some((c) => c.contractNumber === contractNumber && c.from <= on && on <= c.to);
}
