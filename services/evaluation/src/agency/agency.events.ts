import type {
  AgencyContractSigned as AgencyContractSignedDef,
  AgencyProcurementAnnounced as AgencyProcurementAnnouncedDef,
  AgencyRated as AgencyRatedDef,
  AgencyRegistered as AgencyRegisteredDef,
  EventOf,
} from '@jixiao/events';

/** 第三方机构已登记. */
export type AgencyRegistered = EventOf<typeof AgencyRegisteredDef>;
/** 第三方机构政府采购结果已公告. */
export type AgencyProcurementAnnounced = EventOf<typeof AgencyProcurementAnnouncedDef>;
/** 第三方机构委托合同已签订. */
export type AgencyContractSigned = EventOf<typeof AgencyContractSignedDef>;
/** 第三方机构评价质量已评定. */
export type AgencyRated = EventOf<typeof AgencyRatedDef>;

/** Every event of an `agency-<agencyId>` stream. */
export type AgencyEvent = AgencyRegistered | AgencyProcurementAnnounced | AgencyContractSigned | AgencyRated;
