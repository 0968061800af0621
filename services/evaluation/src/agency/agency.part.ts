import { agenciesProjection } from '@jixiao/projections';
import type { ContextPart } from '@jixiao/service-kit';
import { agencyGenerator } from './agency.generator';
import { agencyPolicy } from './agency.policy';
import { AgencyResolver } from './agency.resolver';

/** 第三方机构 — the agency directory: read model, operations, policy rows and generator step. */
export const agencyPart: ContextPart = {
  projections: [agenciesProjection],
  policy: agencyPolicy,
  resolvers: [AgencyResolver],
  generator: agencyGenerator,
};
