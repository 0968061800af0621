import type { DataOf, RecordedEvent } from '@jixiao/events';
import type * as E from '@jixiao/events';
import { defineProjection, rowStorage } from '../../projection';
import { AgencyRowSchema, type AgencyRating, type AgencyRow } from './agencies.entities';

/** Every event of an agency's stream: a worker never takes a skipped one for a version gap. */
export const AGENCY_EVENTS = [
  'AgencyRegistered',
  'AgencyProcurementAnnounced',
  'AgencyContractSigned',
  'AgencyRated',
] as const;

/** The mean of the ratings' scores, to two decimals; null with none. */
export function averageScoreOf(ratings: readonly AgencyRating[]): number | null {
  if (ratings.length === 0) return null;
  const total = ratings.reduce((sum, r) => sum + r.score, 0);
  return Math.round((total * 100) / ratings.length) / 100;
}

/** Pure: one event of `agency-<agencyId>` folded into the agency's row. */
export function evolveAgency(row: AgencyRow | null, event: RecordedEvent): AgencyRow | null {
  const stamp = { streamId: event.streamId, lastVersion: event.streamVersion };
  if (event.type === 'AgencyRegistered') {
    const d = event.data as DataOf<typeof E.AgencyRegistered>;
    return {
      ...d,
      ...stamp,
      procurement: null,
      contracts: [],
      ratings: [],
      ratingCount: 0,
      averageScore: null,
      registeredAt: new Date(event.recordedAt),
    };
  }
  if (!row) return row;
  switch (event.type) {
    case 'AgencyProcurementAnnounced': {
      const { method, announcedOn, resultRef } = event.data as DataOf<typeof E.AgencyProcurementAnnounced>;
      return { ...row, ...stamp, procurement: { method, announcedOn, resultRef } };
    }
    case 'AgencyContractSigned': {
      const { agencyId: _a, ...contract } = event.data as DataOf<typeof E.AgencyContractSigned>;
      return { ...row, ...stamp, contracts: [...row.contracts, contract] };
    }
    case 'AgencyRated': {
      const { agencyId: _a, ...rating } = event.data as DataOf<typeof E.AgencyRated>;
      const ratings = [...row.ratings, rating];
      return { ...row, ...stamp, ratings, ratingCount: ratings.length, averageScore: averageScoreOf(ratings) };
    }
    default:
      return row;
  }
}

/**
 * 第三方机构读模型 — per agency: registration (name, credit code, qualification, division), the latest
 * procurement result, its contracts (number, period, scope, amount) and the bureau's quality ratings
 * with their count and average. Key evaluation reads it to check an assignment against a contract.
 */
export const agenciesProjection = defineProjection<AgencyRow>({
  name: 'evaluation.agencies',
  handles: AGENCY_EVENTS,
  entities: [AgencyRowSchema],
  evolve: evolveAgency,
  ...rowStorage(AgencyRowSchema, 'agencyId'),
});
