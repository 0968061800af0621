import { agenciesProjection } from '@jixiao/projections';
import type { ContextPart } from '@jixiao/service-kit';
import { agencyPolicy } from './agency.policy';
import { AgencyResolver } from './agency.resolver';

/** 第三方机构 — the agency directory: read model, operations and policy rows. */
export const agencyPart: ContextPart = {
  projections: [agenciesProjection],
  policy: agencyPolicy,
  resolvers: [AgencyResolver],
};
