import {
  AGENCY_SCORE_RANGE,
  CREDIT_CODE_PATTERN,
  creditCodeCheckCharacter,
  IllegalStateError,
  invalid,
  isBlank,
  issueIf,
  NotFoundError,
  PROCUREMENT_METHODS,
  type Decider,
  type FieldIssue,
} from '@jixiao/events';
import type { AgencyEvent } from './agency.events';

/** `agency-<agencyId>`. */
export const agencyStreamId = (agencyId: string): string => `agency-${agencyId}`;

/** Whether `text` is a real day of the calendar, `YYYY-MM-DD`. */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  // an ISO day past its month's end parses as the next month's: it must read back as written
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

/**
 * Whether a 统一社会信用代码 is well formed (GB 32100-2015): 18 characters of its alphabet, the last
 * the check character of the first 17 (weights 3^i mod 31).
 * @example isCreditCode('91350100M000100Y43') // true
 */
export function isCreditCode(code: string): boolean {
  return CREDIT_CODE_PATTERN.test(code) && creditCodeCheckCharacter(code.slice(0, 17)) === code[17];
}

/** 登记第三方机构. `creditCodeHolder`: the agency already registered with this code, if any (the read model's). */
export interface RegisterAgency {
  type: 'RegisterAgency';
  agencyId: string;
  name: string;
  creditCode: string;
  qualification: string;
  divisionCode: string;
  creditCodeHolder: string | null;
}

/** 公告政府采购结果. */
export interface AnnounceAgencyProcurement {
  type: 'AnnounceAgencyProcurement';
  agencyId: string;
  method: string;
  announcedOn: string;
  resultRef: string;
}

/** 签订委托合同. */
export interface SignAgencyContract {
  type: 'SignAgencyContract';
  agencyId: string;
  contractNumber: string;
  signedOn: string;
  from: string;
  to: string;
  scope: string;
  amountFen: number;
}

/** The evaluation being rated, as the key-evaluation read model holds it. */
export interface RatedEvaluationFacts {
  /** The agency it was assigned to (null: none). */
  agencyId: string | null;
  /** Its final report was submitted (stage FINAL or later). */
  finalReached: boolean;
}

/** 评定机构评价质量. `evaluation`: the key evaluation as its read model holds it (null when there is none). */
export interface RateAgency {
  type: 'RateAgency';
  agencyId: string;
  evaluationId: string;
  score: number;
  comments: string;
  ratedOn: string;
  evaluation: RatedEvaluationFacts | null;
}

export type AgencyCommand = RegisterAgency | AnnounceAgencyProcurement | SignAgencyContract | RateAgency;

export interface AgencyState {
  registered: boolean;
  name: string;
  /** The latest procurement's announcement day. */
  announcedOn: string | null;
  contractNumbers: string[];
  ratedEvaluations: string[];
}

const text = (value: string, path: string, zh: string, en: string, max: number): FieldIssue[] => [
  ...issueIf(isBlank(value), path, `请填写${zh}`, `Give the ${en}`),
  ...issueIf(value.trim().length > max, path, `${zh}不能超过 ${max} 字`, `The ${en} must be at most ${max} characters`),
];

const dayIssue = (value: string, path: string, zh: string, en: string): FieldIssue[] =>
  issueIf(!isDay(value), path, `${zh}「${value}」不是有效日期`, `The ${en} "${value}" is not a day (YYYY-MM-DD)`);

function registerIssues(c: RegisterAgency): FieldIssue[] {
  return [
    ...text(c.name, 'name', '机构名称', 'agency name', 200),
    ...issueIf(
      !isCreditCode(c.creditCode),
      'creditCode',
      `统一社会信用代码「${c.creditCode}」无效：应为 18 位数字或大写字母（不含 I、O、Z、S、V），末位为校验码`,
      `The unified social credit code "${c.creditCode}" is not valid: 18 digits or capitals (no I, O, Z, S, V), the last a check character`,
    ),
    ...issueIf(
      c.creditCodeHolder !== null && c.creditCodeHolder !== c.agencyId,
      'creditCode',
      `统一社会信用代码 ${c.creditCode} 已由另一机构登记`,
      `Another agency is registered with credit code ${c.creditCode}`,
    ),
    ...text(c.qualification, 'qualification', '机构资质', 'qualification', 1000),
    ...issueIf(
      !/^\d{6}$/.test(c.divisionCode),
      'divisionCode',
      `行政区划代码「${c.divisionCode}」应为 6 位数字`,
      `The division code "${c.divisionCode}" must be 6 digits`,
    ),
  ];
}

function requireRegistered(state: AgencyState, agencyId: string): void {
  if (!state.registered) {
    throw new NotFoundError({ zh: `第三方机构 ${agencyId} 不存在`, en: `Agency ${agencyId} does not exist` });
  }
}

function announce(c: AnnounceAgencyProcurement, state: AgencyState): AgencyEvent[] {
  const issues = [
    ...issueIf(
      !(PROCUREMENT_METHODS as readonly string[]).includes(c.method),
      'method',
      `采购方式「${c.method}」无效`,
      `Procurement method "${c.method}" is not one of ${PROCUREMENT_METHODS.join(', ')}`,
    ),
    ...dayIssue(c.announcedOn, 'announcedOn', '公告日期', 'announcement date'),
    ...issueIf(
      state.announcedOn !== null && isDay(c.announcedOn) && c.announcedOn <= state.announcedOn,
      'announcedOn',
      `公告日期应晚于上次采购结果公告日期 ${state.announcedOn}`,
      `The announcement must come after the previous one (${state.announcedOn})`,
    ),
    ...text(c.resultRef, 'resultRef', '采购结果公告编号', 'result reference', 500),
  ];
  if (issues.length > 0) throw invalid(issues);
  const method = c.method as (typeof PROCUREMENT_METHODS)[number];
  return [
    {
      type: 'AgencyProcurementAnnounced',
      data: { agencyId: c.agencyId, method, announcedOn: c.announcedOn, resultRef: c.resultRef.trim() },
    },
  ];
}

function sign(c: SignAgencyContract, state: AgencyState): AgencyEvent[] {
  if (state.announcedOn === null) {
    throw new IllegalStateError({
      zh: `第三方机构「${state.name}」尚无政府采购结果，不能签订委托合同`,
      en: `Agency "${state.name}" has no announced procurement result; a contract cannot be signed`,
    });
  }
  const number = c.contractNumber.trim();
  const days = isDay(c.signedOn) && isDay(c.from) && isDay(c.to);
  const issues = [
    ...text(c.contractNumber, 'contractNumber', '合同编号', 'contract number', 100),
    ...issueIf(
      state.contractNumbers.includes(number),
      'contractNumber',
      `合同编号 ${number} 已登记在该机构下`,
      `Contract ${number} is already recorded for this agency`,
    ),
    ...dayIssue(c.signedOn, 'signedOn', '签订日期', 'signing date'),
    ...issueIf(
      isDay(c.signedOn) && c.signedOn < state.announcedOn,
      'signedOn',
      `签订日期应不早于采购结果公告日期 ${state.announcedOn}`,
      `The contract cannot be signed before the procurement result was announced (${state.announcedOn})`,
    ),
    ...dayIssue(c.from, 'from', '合同起始日期', 'start of the period'),
    ...dayIssue(c.to, 'to', '合同截止日期', 'end of the period'),
    ...issueIf(
      days && c.from > c.to,
      'to',
      `合同期限截止日期 ${c.to} 早于起始日期 ${c.from}`,
      `The period ends (${c.to}) before it starts (${c.from})`,
    ),
    ...text(c.scope, 'scope', '委托范围', 'scope', 2000),
    ...issueIf(
      !Number.isSafeInteger(c.amountFen) || c.amountFen <= 0,
      'amount',
      '合同金额应大于零',
      'The contract amount must be more than zero',
    ),
  ];
  if (issues.length > 0) throw invalid(issues);
  const { type: _t, ...data } = c;
  return [{ type: 'AgencyContractSigned', data: { ...data, contractNumber: number, scope: c.scope.trim() } }];
}

function rate(c: RateAgency, state: AgencyState): AgencyEvent[] {
  if (state.ratedEvaluations.includes(c.evaluationId)) {
    throw new IllegalStateError({
      zh: `评价 ${c.evaluationId} 的机构工作质量已评定，每次评价只评定一次`,
      en: `The agency's work on evaluation ${c.evaluationId} was already rated; each evaluation is rated once`,
    });
  }
  const { evaluation } = c;
  if (evaluation === null) {
    throw new NotFoundError({
      zh: `重点评价 ${c.evaluationId} 不存在`,
      en: `Key evaluation ${c.evaluationId} does not exist`,
    });
  }
  if (evaluation.agencyId !== c.agencyId) {
    throw new IllegalStateError({
      zh: `重点评价 ${c.evaluationId} 不是委托该机构开展的`,
      en: `Key evaluation ${c.evaluationId} was not assigned to this agency`,
    });
  }
  if (!evaluation.finalReached) {
    throw new IllegalStateError({
      zh: `重点评价 ${c.evaluationId} 尚未形成最终报告，报告定稿后才能评定机构工作质量`,
      en: `Key evaluation ${c.evaluationId} has no final report yet; rate the agency once it is final`,
    });
  }
  const { min, max } = AGENCY_SCORE_RANGE;
  const issues = [
    ...issueIf(
      !Number.isInteger(c.score) || c.score < min || c.score > max,
      'score',
      `质量评分 ${c.score} 无效，应为 ${min}–${max} 的整数`,
      `The score ${c.score} must be a whole number from ${min} to ${max}`,
    ),
    ...text(c.comments, 'comments', '评价意见', 'comments', 2000),
    ...dayIssue(c.ratedOn, 'ratedOn', '评定日期', 'rating date'),
  ];
  if (issues.length > 0) throw invalid(issues);
  const data = { agencyId: c.agencyId, evaluationId: c.evaluationId, score: c.score, ratedOn: c.ratedOn };
  return [{ type: 'AgencyRated', data: { ...data, comments: c.comments.trim() } }];
}

/** An agency (stream `agency-<agencyId>`): registered once; procurement results, contracts and quality ratings after. */
export const agencyDecider: Decider<AgencyCommand, AgencyEvent, AgencyState> = {
  initialState: () => ({ registered: false, name: '', announcedOn: null, contractNumbers: [], ratedEvaluations: [] }),
  evolve(state, event) {
    switch (event.type) {
      case 'AgencyRegistered':
        return { ...state, registered: true, name: event.data.name };
      case 'AgencyProcurementAnnounced':
        return { ...state, announcedOn: event.data.announcedOn };
      case 'AgencyContractSigned':
        return { ...state, contractNumbers: [...state.contractNumbers, event.data.contractNumber] };
      case 'AgencyRated':
        return { ...state, ratedEvaluations: [...state.ratedEvaluations, event.data.evaluationId] };
      default: {
        const _exhaustive: never = event;
        return state;
      }
    }
  },
  decide(c, state) {
    if (c.type === 'RegisterAgency') {
      if (state.registered) {
        throw new IllegalStateError({
          zh: `第三方机构 ${c.agencyId} 已登记`,
          en: `Agency ${c.agencyId} is already registered`,
        });
      }
      const issues = registerIssues(c);
      if (issues.length > 0) throw invalid(issues);
      const { type: _t, creditCodeHolder: _h, ...data } = c;
      return [
        {
          type: 'AgencyRegistered',
          data: { ...data, name: c.name.trim(), qualification: c.qualification.trim() },
        },
      ];
    }
    requireRegistered(state, c.agencyId);
    switch (c.type) {
      case 'AnnounceAgencyProcurement':
        return announce(c, state);
      case 'SignAgencyContract':
        return sign(c, state);
      case 'RateAgency':
        return rate(c, state);
      default: {
        const _exhaustive: never = c;
        return [];
      }
    }
  },
};
