import {
  creditCodeCheckCharacter,
  ErrorCode,
  EventCatalog,
  evaluationEvents,
  given,
  IllegalStateError,
  NotFoundError,
  ValidationError,
} from '@jixiao/events';
import {
  agencyDecider,
  agencyStreamId,
  isCreditCode,
  isDay,
  type AnnounceAgencyProcurement,
  type RateAgency,
  type RegisterAgency,
  type SignAgencyContract,
} from './agency.decider';
import type {
  AgencyContractSigned,
  AgencyEvent,
  AgencyProcurementAnnounced,
  AgencyRated,
  AgencyRegistered,
} from './agency.events';

const catalog = new EventCatalog(evaluationEvents);
const CODE = '91350100M000100Y43';

const register: RegisterAgency = {
  type: 'RegisterAgency',
  agencyId: 'a1',
  name: ' 湖北天衡会计师事务所 ',
  creditCode: CODE,
  qualification: ' 会计师事务所执业证书 ',
  divisionCode: '429006',
  creditCodeHolder: null,
};
const registered: AgencyRegistered = {
  type: 'AgencyRegistered',
  data: {
    agencyId: 'a1',
    name: '湖北天衡会计师事务所',
    creditCode: CODE,
    qualification: '会计师事务所执业证书',
    divisionCode: '429006',
  },
};
const announce: AnnounceAgencyProcurement = {
  type: 'AnnounceAgencyProcurement',
  agencyId: 'a1',
  method: 'PUBLIC_TENDER',
  announcedOn: '2024-03-01',
  resultRef: ' 天财采〔2024〕12号 ',
};
const announced: AgencyProcurementAnnounced = {
  type: 'AgencyProcurementAnnounced',
  data: { agencyId: 'a1', method: 'PUBLIC_TENDER', announcedOn: '2024-03-01', resultRef: '天财采〔2024〕12号' },
};
const sign: SignAgencyContract = {
  type: 'SignAgencyContract',
  agencyId: 'a1',
  contractNumber: ' TMCZ-2024-001 ',
  signedOn: '2024-03-01',
  from: '2024-03-01',
  to: '2024-03-01',
  scope: ' 2023年度重点项目绩效评价 ',
  amountFen: 1,
};
const signed: AgencyContractSigned = {
  type: 'AgencyContractSigned',
  data: {
    agencyId: 'a1',
    contractNumber: 'TMCZ-2024-001',
    signedOn: '2024-03-01',
    from: '2024-03-01',
    to: '2024-03-01',
    scope: '2023年度重点项目绩效评价',
    amountFen: 1,
  },
};
const rate: RateAgency = {
  type: 'RateAgency',
  agencyId: 'a1',
  evaluationId: 'k1',
  score: 100,
  comments: ' 报告规范 ',
  ratedOn: '2024-12-01',
  evaluation: { agencyId: 'a1', finalReached: true },
};
const rated: AgencyRated = {
  type: 'AgencyRated',
  data: { agencyId: 'a1', evaluationId: 'k1', score: 100, comments: '报告规范', ratedOn: '2024-12-01' },
};

const agency = (history: AgencyEvent[]) => given(agencyDecider, history);
const valid = (history: AgencyEvent[], command: Parameters<typeof agencyDecider.decide>[0]) =>
  agency(history).when(command).thenThrows(ValidationError);
const pathsOf = (error: ValidationError) => error.issues.map((i) => i.path);

describe('the unified social credit code (统一社会信用代码)', () => {
  it('takes 18 characters of its alphabet whose last is the check character', () => {
    expect(isCreditCode(CODE)).toBe(true);
    expect(isCreditCode('91110000802100433B')).toBe(true);
    expect(isCreditCode('91350100M000100Y44')).toBe(false); // wrong check character
    expect(isCreditCode('91350100M000100Y4')).toBe(false); // 17
    expect(isCreditCode('91350100M000100Y433')).toBe(false); // 19
    expect(isCreditCode('x91350100M000100Y43')).toBe(false);
    expect(isCreditCode('91350100I000100Y43')).toBe(false); // I is not in the alphabet
    expect(isCreditCode('91350100m000100Y43')).toBe(false); // lower case
  });

  it('takes the check character 0 when the sum is a multiple of 31', () => {
    // 17 zeros: the sum is 0, the check character is "0" (not the 31st character)
    expect(isCreditCode('000000000000000000')).toBe(true);
    expect(isCreditCode('00000000000000000Y')).toBe(false);
  });
});

describe('isDay', () => {
  it('takes calendar days only', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2023-02-29')).toBe(false);
    expect(isDay('2024-13-01')).toBe(false);
    expect(isDay('2024-01-32')).toBe(false);
    expect(isDay('x2024-01-01')).toBe(false);
    expect(isDay('2024-01-01x')).toBe(false);
    expect(isDay('12024-01-01')).toBe(false);
    expect(isDay('2024-01-011')).toBe(false);
    expect(isDay('2024-04-31')).toBe(false);
    expect(isDay('2024-00-10')).toBe(false);
    expect(isDay('0050-01-01')).toBe(true);
  });
});

describe('registering an agency (登记)', () => {
  it('records it once, trimmed, in agency-<id>, fitting the catalog', () => {
    expect(agencyStreamId('a1')).toBe('agency-a1');
    agency([])
      .when(register)
      .then([registered])
      .forEach((e) => expect(() => catalog.validate(e)).not.toThrow());
    const error = agency([registered])
      .when(register)
      .thenThrows(IllegalStateError, /已登记/);
    expect(error.code).toBe(ErrorCode.ILLEGAL_STATE);
    expect(error.message).toMatch(/already registered/);
  });

  it('refuses a malformed credit code, and one another agency holds, but not its own', () => {
    expect(pathsOf(valid([], { ...register, creditCode: '91350100M000100Y44' }))).toEqual(['creditCode']);
    const taken = valid([], { ...register, creditCodeHolder: 'a2' });
    expect(pathsOf(taken)).toEqual(['creditCode']);
    expect(taken.message).toMatch(/已由另一机构登记/);
    expect(taken.message).toMatch(/Another agency/);
    agency([])
      .when({ ...register, creditCodeHolder: 'a1' })
      .then([registered]);
  });

  it('refuses a blank or overlong name and qualification, and a division not of 6 digits', () => {
    const error = valid([], { ...register, name: ' ', qualification: '', divisionCode: '42900' });
    expect(pathsOf(error)).toEqual(['name', 'qualification', 'divisionCode']);
    expect(error.message).toMatch(/请填写机构名称/);
    expect(error.message).toMatch(/Give the agency name/);
    expect(pathsOf(valid([], { ...register, name: 'x'.repeat(201) }))).toEqual(['name']);
    // the length counts what is kept: the name trimmed
    agency([])
      .when({ ...register, name: ` ${'x'.repeat(200)} ` })
      .then([{ ...registered, data: { ...registered.data, name: 'x'.repeat(200) } }]);
    const long = { name: 'x'.repeat(200), qualification: 'q'.repeat(1000) };
    agency([])
      .when({ ...register, ...long })
      .then([{ ...registered, data: { ...registered.data, ...long } }]);
    expect(pathsOf(valid([], { ...register, qualification: 'q'.repeat(1001) }))).toEqual(['qualification']);
    expect(pathsOf(valid([], { ...register, divisionCode: '4290061' }))).toEqual(['divisionCode']);
  });
});

describe('before registration', () => {
  it.each([announce, sign, rate])('refuses $type as NOT_FOUND', (command) => {
    const error = agency([])
      .when(command)
      .thenThrows(NotFoundError, /不存在/);
    expect(error.message).toMatch(/Agency a1 does not exist/);
  });
});

describe('announcing the procurement result (采购结果公告)', () => {
  it('records the method, the day and the reference, trimmed', () => {
    agency([registered])
      .when(announce)
      .then([announced])
      .forEach((e) => expect(() => catalog.validate(e)).not.toThrow());
  });

  it('refuses an unknown method, a day not of the calendar and a blank reference', () => {
    const error = valid([registered], { ...announce, method: 'LOTTERY', announcedOn: '2024-02-30', resultRef: ' ' });
    expect(pathsOf(error)).toEqual(['method', 'announcedOn', 'resultRef']);
    expect(error.message).toMatch(/采购方式「LOTTERY」无效/);
  });

  it('takes a later procurement, not one on or before the last', () => {
    const later = { ...announce, announcedOn: '2024-03-02' };
    agency([registered, announced])
      .when(later)
      .then([{ ...announced, data: { ...announced.data, announcedOn: '2024-03-02' } }]);
    const error = valid([registered, announced], announce);
    expect(pathsOf(error)).toEqual(['announcedOn']);
    // a day that is none is said once, not compared with the last as well
    expect(pathsOf(valid([registered, announced], { ...announce, announcedOn: '2024-02-30' }))).toEqual([
      'announcedOn',
    ]);
    expect(error.message).toMatch(/2024-03-01/);
  });
});

describe('signing a contract (委托合同)', () => {
  const ready = [registered, announced];

  it('is refused before a procurement result', () => {
    const error = agency([registered])
      .when(sign)
      .thenThrows(IllegalStateError, /尚无政府采购结果/);
    expect(error.message).toMatch(/湖北天衡会计师事务所/);
  });

  it('records number, days, scope and amount, on the day of the announcement and a one-day period', () => {
    agency(ready)
      .when(sign)
      .then([signed])
      .forEach((e) => expect(() => catalog.validate(e)).not.toThrow());
  });

  it('refuses a contract number the agency already has, and takes another', () => {
    const error = valid([...ready, signed], sign);
    expect(pathsOf(error)).toEqual(['contractNumber']);
    expect(error.message).toMatch(/TMCZ-2024-001 已登记/);
    const other = { ...sign, contractNumber: 'TMCZ-2024-002' };
    agency([...ready, signed])
      .when(other)
      .then([{ ...signed, data: { ...signed.data, contractNumber: 'TMCZ-2024-002' } }]);
  });

  it('refuses a period that ends before it starts', () => {
    const error = valid(ready, { ...sign, from: '2024-03-02', to: '2024-03-01' });
    expect(pathsOf(error)).toEqual(['to']);
    expect(error.message).toMatch(/早于起始日期/);
    expect(error.message).toMatch(/ends \(2024-03-01\) before it starts \(2024-03-02\)/);
  });

  it('refuses a signing before the announcement', () => {
    const error = valid(ready, { ...sign, signedOn: '2024-02-29' });
    expect(pathsOf(error)).toEqual(['signedOn']);
  });

  it('refuses bad days without comparing them', () => {
    const error = valid(ready, { ...sign, signedOn: 'x', from: '2024-02-30', to: '' });
    expect(pathsOf(error)).toEqual(['signedOn', 'from', 'to']);
    expect(pathsOf(valid(ready, { ...sign, from: '2024-13-01' }))).toEqual(['from']);
  });

  it('refuses a blank number or scope, and an amount of zero or not whole', () => {
    const error = valid(ready, { ...sign, contractNumber: ' ', scope: '', amountFen: 0 });
    expect(pathsOf(error)).toEqual(['contractNumber', 'scope', 'amount']);
    expect(error.message).toMatch(/合同金额应大于零/);
    expect(pathsOf(valid(ready, { ...sign, amountFen: 1.5 }))).toEqual(['amount']);
    expect(pathsOf(valid(ready, { ...sign, amountFen: -1 }))).toEqual(['amount']);
    expect(pathsOf(valid(ready, { ...sign, scope: 's'.repeat(2001) }))).toEqual(['scope']);
    expect(pathsOf(valid(ready, { ...sign, contractNumber: 'n'.repeat(101) }))).toEqual(['contractNumber']);
  });
});

describe('rating the agency’s work (质量评定)', () => {
  const ready = [registered, announced, signed];

  it('records a score from 0 to 100 with comments, once per evaluation', () => {
    agency(ready)
      .when(rate)
      .then([rated])
      .forEach((e) => expect(() => catalog.validate(e)).not.toThrow());
    agency(ready)
      .when({ ...rate, score: 0 })
      .then([{ ...rated, data: { ...rated.data, score: 0 } }]);
    const again = agency([...ready, rated])
      .when(rate)
      .thenThrows(IllegalStateError, /已评定/);
    expect(again.message).toMatch(/rated once/);
    agency([...ready, rated])
      .when({ ...rate, evaluationId: 'k2' })
      .then([{ ...rated, data: { ...rated.data, evaluationId: 'k2' } }]);
  });

  it('refuses a score out of range or not whole, blank comments and a bad day', () => {
    for (const score of [-1, 101, 80.5]) {
      const error = valid(ready, { ...rate, score });
      expect(pathsOf(error)).toEqual(['score']);
      expect(error.message).toMatch(/0–100/);
    }
    expect(pathsOf(valid(ready, { ...rate, comments: ' ', ratedOn: '2024-1-1' }))).toEqual(['comments', 'ratedOn']);
  });

  it('rates only a key evaluation on record, assigned to this agency, whose final report is in', () => {
    const final = { agencyId: 'a1', finalReached: true };
    agency(ready)
      .when({ ...rate, evaluation: final })
      .then([rated]);
    const missing = agency(ready)
      .when({ ...rate, evaluation: null })
      .thenThrows(NotFoundError, /重点评价 k1 不存在/);
    expect(missing.message).toMatch(/Key evaluation k1 does not exist/);
    const other = agency(ready)
      .when({ ...rate, evaluation: { ...final, agencyId: 'a2' } })
      .thenThrows(IllegalStateError, /不是委托该机构/);
    expect(other.message).toMatch(/not assigned to this agency/);
    agency(ready)
      .when({ ...rate, evaluation: { ...final, agencyId: null } })
      .thenThrows(IllegalStateError, /不是委托该机构/);
    const early = agency(ready)
      .when({ ...rate, evaluation: { ...final, finalReached: false } })
      .thenThrows(IllegalStateError, /尚未形成最终报告/);
    expect(early.message).toMatch(/no final report yet/);
  });
});

describe('evolve', () => {
  it('keeps the state through an event it does not know', () => {
    const state = agencyDecider.evolve(agencyDecider.initialState(), registered);
    expect(agencyDecider.evolve(state, { type: 'Unknown', data: {} } as unknown as AgencyEvent)).toBe(state);
  });
});

describe('creditCodeCheckCharacter', () => {
  it('is the 18th character of a valid code, null for a wrong length or a character outside the alphabet', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckCharacter('91110000802100433')).toBe('B');
    expect(creditCodeCheckCharacter('9135010M000100Y4')).toBeNull();
    expect(creditCodeCheckCharacter('91350100M000100Y43')).toBeNull();
    expect(creditCodeCheckCharacter('91350100O000100Y4')).toBeNull();
  });
});
