import { agenciesProjection } from '@jixiao/projections';
import type { ContextPart } from '@jixiao/service-kit';
import { agencyGenerator, agencyRatingGenerator } from './agency.generator';
import { agencyPolicy } from './agency.policy';
import { AgencyResolver } from './agency.resolver';

/** 第三方机构 — the agency directory: read model, operations, policy rows and generator step. */
export const agencyPart: ContextPart = {
  projections: [agenciesProjection],
  policy: agencyPolicy,
  resolvers: [AgencyResolver],
  generator: agencyGenerator,
};

/**
 * 评价质量评定 — the bureau's ratings of the agencies' key evaluations in the generated year: a part
 * of its own so that its step comes after key evaluation's (the operations are the agency part's).
 */
export const agencyRatingsPart: ContextPart = {
  projections: [],
  policy: {},
  resolvers: [],
  generator: agencyRatingGenerator,
};
