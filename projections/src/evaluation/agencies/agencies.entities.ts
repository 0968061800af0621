import { EntitySchema } from '@mikro-orm/core';
import type { Versioned } from '../../projection';

/** 政府采购结果 — how the agency was bought in, and where the result was announced. */
export interface AgencyProcurement {
  /** 采购方式, e.g. PUBLIC_TENDER (公开招标). */
  method: string;
  /** ISO date the result was announced. */
  announcedOn: string;
  /** 结果公告编号 or link. */
  resultRef: string;
}

/** 委托合同 — one contract signed with the agency. */
export interface AgencyContract {
  contractNumber: string;
  /** ISO dates. */
  signedOn: string;
  from: string;
  to: string;
  /** 委托范围 — what the agency may evaluate under it. */
  scope: string;
  amountFen: number;
}

/** 质量评价 — the bureau's rating of one evaluation the agency carried out. */
export interface AgencyRating {
  evaluationId: string;
  /** 0–100. */
  score: number;
  comments: string;
  ratedOn: string;
}

/** 第三方机构 — one agency (stream `agency-<agencyId>`): register, procurement, contracts and quality ratings. */
export interface AgencyRow extends Versioned {
  agencyId: string;
  name: string;
  /** 统一社会信用代码 (18 characters). */
  creditCode: string;
  /** 资质 — the agency's qualification as registered. */
  qualification: string;
  divisionCode: string;
  /** Null until the procurement result is announced. */
  procurement: AgencyProcurement | null;
  /** In the order signed. */
  contracts: AgencyContract[];
  ratings: AgencyRating[];
  ratingCount: number;
  /** Mean of the ratings' scores (two decimals), null before the first. */
  averageScore: number | null;
  registeredAt: Date;
}

export const AgencyRowSchema = new EntitySchema<AgencyRow>({
  name: 'AgencyRow',
  tableName: 'rm_agency',
  indexes: [{ properties: ['divisionCode', 'name'] }],
  properties: {
    agencyId: { type: 'string', primary: true },
    streamId: { type: 'string', index: true },
    lastVersion: { type: 'integer' },
    name: { type: 'string' },
    // not unique here: a projection accepts every stored event; uniqueness is the decider's check
    creditCode: { type: 'string', index: true },
    qualification: { type: 'string' },
    divisionCode: { type: 'string' },
    procurement: { type: 'json', nullable: true },
    contracts: { type: 'json' },
    ratings: { type: 'json' },
    ratingCount: { type: 'integer' },
    averageScore: { type: 'double', nullable: true },
    registeredAt: { type: 'datetime' },
  },
});
