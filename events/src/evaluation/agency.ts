import { z } from 'zod';
import { defineEvent, type ValueLabels } from '../catalog/define';
import { fenSchema } from '../money';

/** 政府采购方式 — how an agency is bought in (政府采购法 art. 26). */
export const PROCUREMENT_METHODS = [
  'PUBLIC_TENDER',
  'INVITED_TENDER',
  'COMPETITIVE_NEGOTIATION',
  'COMPETITIVE_CONSULTATION',
  'SINGLE_SOURCE',
  'INQUIRY',
] as const;

export const PROCUREMENT_METHOD_LABELS: ValueLabels<(typeof PROCUREMENT_METHODS)[number]> = {
  PUBLIC_TENDER: { zh: '公开招标', en: 'public tender' },
  INVITED_TENDER: { zh: '邀请招标', en: 'invited tender' },
  COMPETITIVE_NEGOTIATION: { zh: '竞争性谈判', en: 'competitive negotiation' },
  COMPETITIVE_CONSULTATION: { zh: '竞争性磋商', en: 'competitive consultation' },
  SINGLE_SOURCE: { zh: '单一来源采购', en: 'single source' },
  INQUIRY: { zh: '询价', en: 'request for quotations' },
};

/** The characters of a unified social credit code (GB 32100-2015): digits and capitals without I, O, Z, S, V. */
export const CREDIT_CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The shape of a 统一社会信用代码: 18 characters of its alphabet (the check character is the decider's). */
export const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

/**
 * The check character (the 18th) of a unified social credit code's first 17 characters: weights
 * 3^i mod 31, the character at (31 − sum mod 31) mod 31. Null when a character is not of the alphabet.
 * @example creditCodeCheckCharacter('91350100M000100Y4') // '3'
 */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  let weight = 1;
  for (const character of first17) {
    const value = CREDIT_CODE_CHARACTERS.indexOf(character);
    if (value < 0) return null;
    sum += value * weight;
    weight = (weight * 3) % 31;
  }
  return CREDIT_CODE_CHARACTERS[(31 - (sum % 31)) % 31]!;
}

/** The lowest and highest quality score the bureau gives an agency's evaluation. */
export const AGENCY_SCORE_RANGE = { min: 0, max: 100 } as const;

/** A day, `YYYY-MM-DD`. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const AgencyRegistered = defineEvent({
  type: 'AgencyRegistered',
  context: 'evaluation',
  description: '第三方机构已登记 — the bureau registered a third-party agency: name, credit code, qualification',
  schemaVersion: 1,
  schema: z.object({
    agencyId: z.string().min(1),
    name: z.string().min(1).max(200),
    creditCode: z.string().regex(CREDIT_CODE_PATTERN),
    qualification: z.string().min(1).max(1000),
    divisionCode: z.string().regex(/^\d{6}$/),
  }),
});

export const AgencyProcurementAnnounced = defineEvent({
  type: 'AgencyProcurementAnnounced',
  context: 'evaluation',
  description: '第三方机构政府采购结果已公告 — the procurement that bought the agency in was announced',
  schemaVersion: 1,
  schema: z.object({
    agencyId: z.string().min(1),
    method: z.enum(PROCUREMENT_METHODS),
    announcedOn: day,
    /** 结果公告编号 or its address. */
    resultRef: z.string().min(1).max(500),
  }),
});

export const AgencyContractSigned = defineEvent({
  type: 'AgencyContractSigned',
  context: 'evaluation',
  description: '第三方机构委托合同已签订 — a contract with the agency: number, period, scope, amount',
  schemaVersion: 1,
  schema: z.object({
    agencyId: z.string().min(1),
    contractNumber: z.string().min(1).max(100),
    signedOn: day,
    from: day,
    to: day,
    /** 委托范围: what the agency evaluates under it. */
    scope: z.string().min(1).max(2000),
    amountFen: fenSchema.positive(),
  }),
});

export const AgencyRated = defineEvent({
  type: 'AgencyRated',
  context: 'evaluation',
  description: '第三方机构评价质量已评定 — the bureau rated the quality of one evaluation the agency carried out',
  schemaVersion: 1,
  schema: z.object({
    agencyId: z.string().min(1),
    evaluationId: z.string().min(1),
    score: z.number().int().min(AGENCY_SCORE_RANGE.min).max(AGENCY_SCORE_RANGE.max),
    comments: z.string().min(1).max(2000),
    ratedOn: day,
  }),
});

/** 第三方机构 — the events of an agency's stream (`agency-<agencyId>`). */
export const agencyEvents = [AgencyRegistered, AgencyProcurementAnnounced, AgencyContractSigned, AgencyRated] as const;
