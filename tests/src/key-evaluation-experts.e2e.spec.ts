import { expectNoWrite } from './support/fixture';
import {
  agencyUser,
  agencyWithContract,
  ANSWER,
  ASSIGN,
  chinaToday,
  DRAFT,
  EVIDENCE,
  EXPERT_SCORES,
  FEEDBACK,
  FINAL,
  INVITE_EXPERT,
  ONE,
  PLAN,
  registerUnit,
  SCORES,
  uploadPdf,
  WITHDRAW_EXPERT,
} from './support/key-evaluation-walk';
import { startTestPlatform } from './support/platform';
import { expert, ok, officer, performance } from './support/walk';

type Platform = Awaited<ReturnType<typeof startTestPlatform>>;

const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.['code'];

const AGENCY_SHEET = [
  { dimension: 'DECISION', indicator: '立项依据充分性', points: 13.5, maxPoints: 15 },
  { dimension: 'PROCESS', indicator: '资金使用合规性', points: 17, maxPoints: 20 },
  { dimension: 'OUTPUT', indicator: '改造校舍面积', points: 31, maxPoints: 35 },
  { dimension: 'BENEFIT', indicator: '师生满意度', points: 26, maxPoints: 30 },
];

describe('experts invited to score a key evaluation (专家评分), through the gateway', () => {
  let p: Platform;
  let education: string;
  let agency: string;
  let otherAgency: string;
  const today = chinaToday();

  beforeAll(async () => {
    p = await startTestPlatform();
    education = await registerUnit(p, '611', '天门市卫生健康委员会');
    agency = await agencyWithContract(p, '湖北中审会计师事务所', 11, 'TMCZ-ZJ-01');
    otherAgency = await agencyWithContract(p, '天门正信资产评估公司', 12, 'TMCZ-ZJ-02');
  }, 180_000);
  afterAll(async () => p.dispose());

  /** A key evaluation of the unit assigned to the agency, with fieldwork evidence recorded. */
  async function inFieldwork(subject: string): Promise<string> {
    const planned = await ok(p, PLAN, {
      input: { kind: 'FINANCE_KEY', object: 'POLICY', unitId: education, subject, fiscalYear: 2025 },
    });
    const id = planned.id as string;
    await ok(p, ASSIGN, {
      input: { evaluationId: id, evaluatorId: agency, contractNumber: 'TMCZ-ZJ-01', scope: '全过程' },
    });
    await ok(
      p,
      EVIDENCE,
      { input: { evaluationId: id, kind: 'DOCUMENTS', date: today, documents: ['会计凭证'] } },
      agencyUser(agency),
    );
    return id;
  }

  it('the section invites an expert, who reads and scores beside the agency; the final score stays the agency’s', async () => {
    const id = await inFieldwork('基层医疗卫生机构能力提升政策');
    const by = agencyUser(agency);
    // not invited yet: the evaluation is not the expert's to see (as for an agency not assigned)
    expect(codeOf(await p.gql(ONE, { id }, expert(1)))).toBe('NOT_FOUND');

    const invited = await ok(p, INVITE_EXPERT, {
      input: { evaluationId: id, userId: 'expert.1', reason: '从评审专家库抽取' },
    });
    expect(invited.expertIds).toEqual(['expert.1']);
    // the agency assigned invites a second expert itself
    const second = await ok(
      p,
      INVITE_EXPERT,
      { input: { evaluationId: id, userId: 'expert.2', reason: '机构邀请的行业专家' } },
      by,
    );
    expect(second.expertIds).toEqual(['expert.1', 'expert.2']);
    expect((await ok(p, ONE, { id }, expert(1))).stage).toBe('FIELDWORK');

    await ok(p, SCORES, { input: { evaluationId: id, scores: AGENCY_SHEET } }, by);
    const scored = await ok(
      p,
      EXPERT_SCORES,
      {
        input: {
          evaluationId: id,
          scores: [
            { dimension: 'OUTPUT', indicator: '改造校舍面积', points: 28, maxPoints: 35, reason: '抽查 2 所未完工' },
            { dimension: 'BENEFIT', indicator: '师生满意度', points: 27, maxPoints: 30 },
          ],
        },
      },
      expert(1),
    );
    expect(scored.expertScores).toEqual([
      {
        expertId: 'expert.1',
        dimension: 'OUTPUT',
        indicator: '改造校舍面积',
        points: 28,
        maxPoints: 35,
        reason: '抽查 2 所未完工',
      },
      { expertId: 'expert.1', dimension: 'BENEFIT', indicator: '师生满意度', points: 27, maxPoints: 30, reason: null },
    ]);
    // the agency's sheet is untouched
    expect(scored.scores.map((s: { points: number }) => s.points)).toEqual([13.5, 17, 31, 26]);
    await ok(
      p,
      EXPERT_SCORES,
      {
        input: {
          evaluationId: id,
          scores: [{ dimension: 'OUTPUT', indicator: '改造校舍面积', points: 20, maxPoints: 35 }],
        },
      },
      expert(2),
    );

    const draft = await uploadPdf(p, by, '卫生健康政策评价报告（征求意见稿）.pdf');
    await ok(p, DRAFT, { input: { evaluationId: id, attachmentId: draft.attachmentId } }, by);
    const fed = await ok(p, FEEDBACK, { input: { evaluationId: id, text: '满意度样本偏少' } }, officer(education));
    await ok(
      p,
      ANSWER,
      { input: { evaluationId: id, feedbackId: fed.feedback[0].id, adopted: true, answer: '已补充样本' } },
      by,
    );
    const report = await uploadPdf(p, by, '卫生健康政策评价报告（正式）.pdf');
    const final = await ok(p, FINAL, { input: { evaluationId: id, attachmentId: report.attachmentId } }, by);
    // 13.5 + 17 + 31 + 26 = 87.5: the agency's sheet; the experts' 28, 27 and 20 are beside it
    expect(final.final).toMatchObject({ total: 87.5, grade: 'GOOD' });
    expect(final.expertScores).toHaveLength(3);

    // after the final report no one is invited and no expert scores
    const late = await expectNoWrite(p, () =>
      p.gql(INVITE_EXPERT, { input: { evaluationId: id, userId: 'expert.3', reason: '补充' } }, performance),
    );
    expect(codeOf(late)).toBe('ILLEGAL_STATE');
    const lateScore = await expectNoWrite(p, () =>
      p.gql(
        EXPERT_SCORES,
        {
          input: {
            evaluationId: id,
            scores: [{ dimension: 'OUTPUT', indicator: '改造校舍面积', points: 30, maxPoints: 35 }],
          },
        },
        expert(1),
      ),
    );
    expect(codeOf(lateScore)).toBe('ILLEGAL_STATE');
  }, 180_000);

  it('refuses, writing nothing: an expert not invited, a withdrawn expert, another agency inviting, the unit inviting', async () => {
    const id = await inFieldwork('公立医院综合改革补助政策');
    const score = { dimension: 'OUTPUT', indicator: '改造校舍面积', points: 30, maxPoints: 35 };
    await ok(p, INVITE_EXPERT, { input: { evaluationId: id, userId: 'expert.1', reason: '抽取' } });

    const stranger = await expectNoWrite(p, () =>
      p.gql(EXPERT_SCORES, { input: { evaluationId: id, scores: [score] } }, expert(9)),
    );
    expect(codeOf(stranger)).toBe('NOT_FOUND');

    // only an expert scores as an expert: the agency itself is refused by the policy
    const agencyAsExpert = await expectNoWrite(p, () =>
      p.gql(EXPERT_SCORES, { input: { evaluationId: id, scores: [score] } }, agencyUser(agency)),
    );
    expect(codeOf(agencyAsExpert)).toBe('FORBIDDEN');

    const overMax = await expectNoWrite(p, () =>
      p.gql(EXPERT_SCORES, { input: { evaluationId: id, scores: [{ ...score, points: 36 }] } }, expert(1)),
    );
    expect(codeOf(overMax)).toBe('BAD_USER_INPUT');

    const byOtherAgency = await expectNoWrite(p, () =>
      p.gql(
        INVITE_EXPERT,
        { input: { evaluationId: id, userId: 'expert.5', reason: '邀请' } },
        agencyUser(otherAgency),
      ),
    );
    expect(codeOf(byOtherAgency)).toBe('NOT_FOUND');
    const byUnit = await expectNoWrite(p, () =>
      p.gql(INVITE_EXPERT, { input: { evaluationId: id, userId: 'expert.5', reason: '邀请' } }, officer(education)),
    );
    expect(codeOf(byUnit)).toBe('FORBIDDEN');

    const withdrawn = await ok(p, WITHDRAW_EXPERT, {
      input: { evaluationId: id, userId: 'expert.1', reason: '回避：与被评价单位有利害关系' },
    });
    expect(withdrawn.expertIds).toEqual([]);
    const afterWithdrawal = await expectNoWrite(p, () =>
      p.gql(EXPERT_SCORES, { input: { evaluationId: id, scores: [score] } }, expert(1)),
    );
    expect(codeOf(afterWithdrawal)).toBe('NOT_FOUND');
  }, 180_000);
});
