import type { OperationPolicy, PolicyRows } from '@jixiao/service-kit';

/**
 * Who reads the agency directory: the bureau's performance and budget sections, congress and
 * auditors all; an agency's own user its own agency only (its token's unit is the agency id).
 */
const AGENCY_READ: OperationPolicy = {
  PERFORMANCE_SECTION: 'ALL',
  BUDGET_SECTION: 'ALL',
  NPC: 'ALL',
  AUDITOR: 'ALL',
  AGENCY: 'OWN_UNIT',
};

/**
 * 权限表 of the agency directory (第三方机构): the performance section registers agencies, records
 * the procurement result and contracts, and rates each evaluation an agency carried out.
 */
export const agencyPolicy: PolicyRows = {
  'Mutation.registerAgency': { PERFORMANCE_SECTION: 'ALL' },
  'Mutation.announceAgencyProcurement': { PERFORMANCE_SECTION: 'ALL' },
  'Mutation.signAgencyContract': { PERFORMANCE_SECTION: 'ALL' },
  'Mutation.rateAgency': { PERFORMANCE_SECTION: 'ALL' },
  'Query.agencies': AGENCY_READ,
  'Query.agency': AGENCY_READ,
};
