import { expectNoWrite } from './support/fixture';
import {
  agencyUser,
  agencyWithContract,
  ANSWER,
  chinaToday,
  DRAFT,
  EVIDENCE,
  FEEDBACK,
  FINAL,
  PLAN,
  ASSIGN,
  registerUnit,
  SCORES,
  uploadPdf,
} from './support/key-evaluation-walk';
import { as, startTestPlatform } from './support/platform';
import { ok, officer } from './support/walk';

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
    p = await startTestPlatform();
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
    expect(one.data!.agency).toMatchObject({ name: tianheng.name, contracts: [contract], ratingCount: 0 });
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

  it('rates an agency’s key evaluation once its final report is in, once, 0–100', async () => {
    const unitId = await registerUnit(p, '701', '天门市卫生健康委员会');
    const evaluator = await agencyWithContract(p, '湖北众信会计师事务所', 71, 'TMCZ-RATE-01');
    const by = agencyUser(evaluator);
    const rating = (evaluationId: string, score = 92, agency = evaluator) =>
      p.gql(
        RATE,
        { input: { agencyId: agency, evaluationId, score, comments: '报告规范，问题揭示充分' } },
        performance,
      );
    const planned = await ok(p, PLAN, {
      input: {
        kind: 'FINANCE_KEY',
        object: 'POLICY',
        unitId,
        subject: '基层医疗卫生机构能力提升政策',
        fiscalYear: 2025,
      },
    });
    const id = planned.id as string;
    await ok(p, ASSIGN, {
      input: { evaluationId: id, evaluatorId: evaluator, contractNumber: 'TMCZ-RATE-01', scope: '政策全过程' },
    });
    const scores = [
      { dimension: 'DECISION', indicator: '政策依据', points: 14, maxPoints: 15 },
      { dimension: 'PROCESS', indicator: '资金管理', points: 18, maxPoints: 20 },
      { dimension: 'OUTPUT', indicator: '服务能力', points: 30, maxPoints: 35 },
      { dimension: 'BENEFIT', indicator: '群众满意度', points: 27, maxPoints: 30 },
    ];
    const questionnaire = { sent: 200, returned: 180, satisfactionPercent: 91.1 };
    await ok(
      p,
      EVIDENCE,
      { input: { evaluationId: id, kind: 'QUESTIONNAIRE', date: chinaToday(), questionnaire } },
      by,
    );
    await ok(p, SCORES, { input: { evaluationId: id, scores } }, by);
    const draft = await uploadPdf(p, by, '评价报告（征求意见稿）.pdf');
    await ok(p, DRAFT, { input: { evaluationId: id, attachmentId: draft.attachmentId } }, by);

    // before the final report, for an evaluation on no record, or for an agency it was not assigned to: refused, nothing written
    const early = await expectNoWrite(p, () => rating(id));
    expect(early.errors?.[0]?.extensions?.code).toBe('ILLEGAL_STATE');
    expect(early.errors?.[0]?.message).toMatch(/尚未形成最终报告.*no final report yet/);
    const none = await expectNoWrite(p, () => rating('00000000-0000-4000-8000-000000000000'));
    expect(none.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const fed = await ok(p, FEEDBACK, { input: { evaluationId: id, text: '请补充乡镇卫生院数据' } }, officer(unitId));
    await ok(
      p,
      ANSWER,
      { input: { evaluationId: id, feedbackId: fed.feedback[0].id, adopted: true, answer: '已补充' } },
      by,
    );
    const report = await uploadPdf(p, by, '评价报告（正式）.pdf', 3000);
    expect((await ok(p, FINAL, { input: { evaluationId: id, attachmentId: report.attachmentId } }, by)).stage).toBe(
      'FINAL',
    );

    const stranger = await expectNoWrite(p, () => rating(id, 92, agencyId));
    expect(stranger.errors?.[0]?.message).toMatch(/不是委托该机构/);
    for (const score of [-1, 101]) {
      const refused = await expectNoWrite(p, () => rating(id, score));
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]?.message).toMatch(/0–100.*from 0 to 100/);
    }
    const rated = await rating(id, 100);
    expect(rated.errors).toBeUndefined();
    expect(rated.data!.rateAgency).toMatchObject({
      ratingCount: 1,
      averageScore: 100,
      ratings: [{ evaluationId: id, score: 100, comments: '报告规范，问题揭示充分', ratedOn: chinaToday() }],
    });
    // the same evaluation is rated once
    const again = await expectNoWrite(p, () => rating(id, 90));
    expect(again.errors?.[0]?.extensions?.code).toBe('ILLEGAL_STATE');
    expect(again.errors?.[0]?.message).toMatch(/已评定.*rated once/);
    // the agency's own user reads its rating
    expect((await p.gql(ONE, { id: evaluator }, by)).data!.agency.ratings).toHaveLength(1);
  });

  it('repeats a registration sent again with its command id, once', async () => {
    const input = { ...tianheng, name: '幂等机构', creditCode: '91440300708461136T', commandId: 'e2e-agency-once' };
    const first = await p.gql(REGISTER, { input }, performance);
    const second = await expectNoWrite(p, () => p.gql(REGISTER, { input }, performance));
    expect(second.data!.registerAgency.id).toBe(first.data!.registerAgency.id);
  });
});
