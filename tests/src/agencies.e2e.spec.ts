import { expectNoWrite } from './support/fixture';
import { as, startTestPlatform } from './support/platform';

const performance = as('PERFORMANCE_SECTION', null, 'e2e.performance');
const AGENCY = `id name creditCode qualification divisionCode procurement { method announcedOn resultRef }
  contracts { contractNumber signedOn from to scope amount } ratings { evaluationId score comments ratedOn }
  ratingCount averageScore`;
const REGISTER = `mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { ${AGENCY} } }`;
const ANNOUNCE = `mutation($input: AnnounceAgencyProcurementInput!) { announceAgencyProcurement(input: $input) { ${AGENCY} } }`;
const SIGN = `mutation($input: SignAgencyContractInput!) { signAgencyContract(input: $input) { ${AGENCY} } }`;
const RATE = `mutation($input: RateAgencyInput!) { rateAgency(input: $input) { ${AGENCY} } }`;
const LIST = `query($filter: AgencyFilter) { agencies(filter: $filter, page: { first: 50 }) { totalCount nodes { id name } } }`;
const ONE = `query($id: ID!) { agency(id: $id) { ${AGENCY} } }`;

const tianheng = {
  name: '湖北天衡会计师事务所',
  creditCode: '91350100M000100Y43',
  qualification: '会计师事务所执业证书',
  divisionCode: '429006',
};
const contract = {
  contractNumber: 'TMCZ-2024-001',
  signedOn: '2024-03-05',
  from: '2024-03-05',
  to: '2024-12-31',
  scope: '2023年度财政重点绩效评价（18 个单位和项目）',
  amount: '360000.00',
};

/** 第三方机构 through the gateway: register, procurement, contract, the directory as the bureau and as the agency's own user. */
describe('agencies (第三方机构) through the gateway (embedded platform)', () => {
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  let agencyId: string;
  let otherId: string;

  beforeAll(async () => {
    p = await startTestPlatform({ clock: () => new Date('2024-12-10T02:00:00.000Z') });
  }, 120_000);
  afterAll(() => p.dispose());

  it('the performance section registers an agency, records its procurement result and signs a contract', async () => {
    const registered = await p.gql(REGISTER, { input: tianheng }, performance);
    expect(registered.errors).toBeUndefined();
    agencyId = registered.data!.registerAgency.id;
    expect(registered.data!.registerAgency).toMatchObject({ ...tianheng, procurement: null, contracts: [] });

    const announced = await p.gql(
      ANNOUNCE,
      { input: { agencyId, method: 'PUBLIC_TENDER', announcedOn: '2024-03-01', resultRef: '天财采〔2024〕12号' } },
      performance,
    );
    expect(announced.errors).toBeUndefined();
    expect(announced.data!.announceAgencyProcurement.procurement).toEqual({
      method: 'PUBLIC_TENDER',
      announcedOn: '2024-03-01',
      resultRef: '天财采〔2024〕12号',
    });

    const signed = await p.gql(SIGN, { input: { agencyId, ...contract } }, performance);
    expect(signed.errors).toBeUndefined();
    expect(signed.data!.signAgencyContract.contracts).toEqual([contract]);

    const rated = await p.gql(
      RATE,
      { input: { agencyId, evaluationId: 'k-2023-01', score: 88, comments: '报告规范，问题揭示充分' } },
      performance,
    );
    expect(rated.errors).toBeUndefined();
    expect(rated.data!.rateAgency).toMatchObject({
      ratingCount: 1,
      averageScore: 88,
      ratings: [{ evaluationId: 'k-2023-01', score: 88, comments: '报告规范，问题揭示充分', ratedOn: '2024-12-10' }],
    });

    const other = await p.gql(
      REGISTER,
      {
        input: {
          ...tianheng,
          name: '天门正信资产评估有限公司',
          creditCode: '91110000802100433B',
          qualification: '资产评估资质',
        },
      },
      performance,
    );
    expect(other.errors).toBeUndefined();
    otherId = other.data!.registerAgency.id;
  });

  it('the bureau, congress and auditors read the directory, filtered by name and qualification', async () => {
    for (const role of ['PERFORMANCE_SECTION', 'BUDGET_SECTION', 'AUDITOR', 'NPC'] as const) {
      const all = await p.gql(LIST, {}, as(role));
      expect(all.errors).toBeUndefined();
      expect(all.data!.agencies.totalCount).toBe(2);
    }
    const byName = await p.gql(LIST, { filter: { name: '天衡' } }, performance);
    expect(byName.data!.agencies.nodes).toEqual([{ id: agencyId, name: tianheng.name }]);
    const byQualification = await p.gql(LIST, { filter: { qualification: '资产评估' } }, performance);
    expect(byQualification.data!.agencies.nodes).toEqual([{ id: otherId, name: '天门正信资产评估有限公司' }]);
    const one = await p.gql(ONE, { id: agencyId }, as('AUDITOR'));
    expect(one.data!.agency).toMatchObject({ name: tianheng.name, contracts: [contract], ratingCount: 1 });
  });

  it('an agency user (its token’s unit is the agency id) reads its own agency and nothing of another', async () => {
    const own = as('AGENCY', agencyId, 'agency.tianheng');
    const list = await p.gql(LIST, {}, own);
    expect(list.errors).toBeUndefined();
    expect(list.data!.agencies).toEqual({ totalCount: 1, nodes: [{ id: agencyId, name: tianheng.name }] });
    expect((await p.gql(ONE, { id: agencyId }, own)).data!.agency.contracts).toEqual([contract]);

    const stranger = as('AGENCY', otherId, 'agency.zhengxin');
    const theirs = await p.gql(LIST, { filter: { name: '天衡' } }, stranger);
    expect(theirs.data!.agencies).toEqual({ totalCount: 0, nodes: [] });
    const read = await p.gql(ONE, { id: agencyId }, stranger);
    expect(read.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(read.errors?.[0]?.message).toMatch(/不存在或不在您的权限范围内/);
    // an agency user without an agency id in its token reaches none
    expect((await p.gql(LIST, {}, as('AGENCY'))).data!.agencies.totalCount).toBe(0);
    // and writes nothing
    const refused = await p.gql(SIGN, { input: { agencyId, ...contract, contractNumber: 'X-1' } }, own);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // budget units do not read the directory
    const unit = await p.gql(LIST, {}, as('BUDGET_UNIT', 'u-any'));
    expect(unit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses bad input with a bilingual error and writes nothing', async () => {
    const refusal = async (query: string, input: Record<string, unknown>, path: string, message: RegExp) => {
      const answer = await expectNoWrite(p, () => p.gql(query, { input }, performance));
      const error = answer.errors?.[0];
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.message).toMatch(message);
      expect(JSON.stringify(error?.extensions)).toContain(`"${path}"`);
    };
    await refusal(REGISTER, { ...tianheng, creditCode: '91350100M000100Y44' }, 'creditCode', /统一社会信用代码/);
    await refusal(REGISTER, { ...tianheng, name: '另一机构' }, 'creditCode', /已由另一机构登记/);
    await refusal(
      SIGN,
      { agencyId, ...contract, contractNumber: 'TMCZ-2024-002', from: '2024-12-31', to: '2024-03-05' },
      'to',
      /早于起始日期.*before it starts/,
    );
    await refusal(SIGN, { agencyId, ...contract }, 'contractNumber', /TMCZ-2024-001 已登记/);
    for (const score of [-1, 101]) {
      await refusal(RATE, { agencyId, evaluationId: 'k-2023-02', score, comments: '好' }, 'score', /0–100/);
    }
    // the same evaluation is rated once
    const again = await expectNoWrite(p, () =>
      p.gql(RATE, { input: { agencyId, evaluationId: 'k-2023-01', score: 90, comments: '再评' } }, performance),
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('ILLEGAL_STATE');
    // a contract before any procurement result
    const bare = await p.gql(
      REGISTER,
      { input: { ...tianheng, name: '新机构', creditCode: '000000000000000000' } },
      performance,
    );
    const early = await expectNoWrite(p, () =>
      p.gql(SIGN, { input: { agencyId: bare.data!.registerAgency.id, ...contract } }, performance),
    );
    expect(early.errors?.[0]?.message).toMatch(/尚无政府采购结果/);
    const missing = await expectNoWrite(p, () =>
      p.gql(SIGN, { input: { agencyId: 'nope', ...contract } }, performance),
    );
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(missing.errors?.[0]?.message).toMatch(/请先登记机构/);
  });

  it('repeats a registration sent again with its command id, once', async () => {
    const input = { ...tianheng, name: '幂等机构', creditCode: '91440300708461136T', commandId: 'e2e-agency-once' };
    const first = await p.gql(REGISTER, { input }, performance);
    const second = await expectNoWrite(p, () => p.gql(REGISTER, { input }, performance));
    expect(second.data!.registerAgency.id).toBe(first.data!.registerAgency.id);
  });
});
