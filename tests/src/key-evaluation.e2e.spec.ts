import { expectNoWrite } from './support/fixture';
import {
  agencyUser,
  agencyWithContract,
  ANSWER,
  ASSIGN,
  chinaToday,
  DRAFT,
  EVIDENCE,
  FEEDBACK,
  FINAL,
  NOTIFY,
  ONE,
  PLAN,
  registerUnit,
  SCORES,
  uploadPdf,
} from './support/key-evaluation-walk';
import { startTestPlatform } from './support/platform';
import { ok, officer, performance } from './support/walk';

type Platform = Awaited<ReturnType<typeof startTestPlatform>>;

const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.['code'];
const pathsOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  ((r.errors?.[0]?.extensions?.['issues'] as { path: string }[] | undefined) ?? []).map((i) => i.path);

const SCORESHEET = [
  { dimension: 'DECISION', indicator: '立项依据充分性', points: 13.5, maxPoints: 15 },
  { dimension: 'PROCESS', indicator: '资金使用合规性', points: 17, maxPoints: 20 },
  { dimension: 'OUTPUT', indicator: '改造校舍面积', points: 31, maxPoints: 35 },
  { dimension: 'BENEFIT', indicator: '师生满意度', points: 26, maxPoints: 30, reason: '问卷满意度 86.7%' },
];

describe('key evaluation (财政重点评价) through the gateway', () => {
  let p: Platform;
  let education: string;
  let agency: string;
  let otherAgency: string;
  const today = chinaToday();

  beforeAll(async () => {
    p = await startTestPlatform();
    education = await registerUnit(p, '601', '天门市教育局');
    agency = await agencyWithContract(p, '湖北众联会计师事务所', 1, 'TMCZ-PJ-01');
    otherAgency = await agencyWithContract(p, '天门信达资产评估公司', 2, 'TMCZ-PJ-02');
  }, 180_000);
  afterAll(async () => p.dispose());

  const plan = (overrides: Record<string, unknown> = {}) =>
    ok(p, PLAN, {
      input: {
        kind: 'FINANCE_KEY',
        object: 'POLICY',
        unitId: education,
        subject: '义务教育薄弱环节改善政策',
        fiscalYear: 2025,
        ...overrides,
      },
    });

  it('walks plan → assign → evidence → scores → draft v1 → feedback → answered → draft v2 → final → results notified', async () => {
    const planned = await plan();
    expect(planned).toMatchObject({
      stage: 'PLANNED',
      evaluatorId: null,
      split: [
        { dimension: 'DECISION', points: 15 },
        { dimension: 'PROCESS', points: 20 },
        { dimension: 'OUTPUT', points: 35 },
        { dimension: 'BENEFIT', points: 30 },
      ],
    });
    const id = planned.id as string;
    const by = agencyUser(agency);

    const assigned = await ok(p, ASSIGN, {
      input: {
        evaluationId: id,
        evaluatorId: agency,
        contractNumber: 'TMCZ-PJ-01',
        scope: '政策决策、过程、产出与效益',
      },
    });
    expect(assigned).toMatchObject({ stage: 'AGENCY_ASSIGNED', evaluatorId: agency, contractNumber: 'TMCZ-PJ-01' });

    const photo = await uploadPdf(p, by, '龙尾山村小学现场照片.pdf');
    const visited = await ok(
      p,
      EVIDENCE,
      {
        input: {
          evaluationId: id,
          kind: 'SITE_VISIT',
          date: today,
          place: '龙尾山村小学',
          attachmentIds: [photo.attachmentId],
        },
      },
      by,
    );
    expect(visited.stage).toBe('FIELDWORK');
    expect(visited.evidence[0]).toMatchObject({
      kind: 'SITE_VISIT',
      place: '龙尾山村小学',
      attachments: [{ attachmentId: photo.attachmentId, sha256: photo.sha256 }],
    });
    const surveyed = await ok(
      p,
      EVIDENCE,
      {
        input: {
          evaluationId: id,
          kind: 'QUESTIONNAIRE',
          date: today,
          questionnaire: { sent: 300, returned: 270, satisfactionPercent: 86.7 },
        },
      },
      by,
    );
    expect(surveyed.evidence[1].questionnaire).toEqual({ sent: 300, returned: 270, satisfactionPercent: 86.7 });

    const scored = await ok(p, SCORES, { input: { evaluationId: id, scores: SCORESHEET } }, by);
    expect(scored.scores).toHaveLength(4);

    const v1 = await uploadPdf(p, by, '评价报告（征求意见稿）.pdf', 3000);
    const drafted = await ok(p, DRAFT, { input: { evaluationId: id, attachmentId: v1.attachmentId } }, by);
    expect(drafted).toMatchObject({ stage: 'DRAFT_REPORT', reports: [{ version: 1, report: { sha256: v1.sha256 } }] });

    const fed = await ok(
      p,
      FEEDBACK,
      { input: { evaluationId: id, text: '改造面积应按竣工验收口径计算' } },
      officer(education),
    );
    expect(fed).toMatchObject({
      stage: 'UNIT_FEEDBACK',
      openFeedback: 1,
      feedback: [{ source: 'UNIT', onVersion: 1, answer: null }],
    });
    const feedbackId = fed.feedback[0].id as string;

    const answered = await ok(
      p,
      ANSWER,
      { input: { evaluationId: id, feedbackId, adopted: true, answer: '已按竣工验收口径修改' } },
      by,
    );
    expect(answered).toMatchObject({
      openFeedback: 0,
      feedback: [{ answer: { adopted: true, text: '已按竣工验收口径修改' } }],
    });

    const v2 = await uploadPdf(p, by, '评价报告（修改稿）.pdf', 3100);
    const redrafted = await ok(
      p,
      DRAFT,
      { input: { evaluationId: id, attachmentId: v2.attachmentId, summary: '采纳单位意见' } },
      by,
    );
    expect(redrafted.reports.map((r: { version: number }) => r.version)).toEqual([1, 2]);
    expect(redrafted.reports[1].report.sha256).toBe(v2.sha256);

    const report = await uploadPdf(p, by, '评价报告（正式）.pdf', 3200);
    const final = await ok(p, FINAL, { input: { evaluationId: id, attachmentId: report.attachmentId } }, by);
    // 13.5 + 17 + 31 + 26 = 87.5: GOOD under the bands in force in Tianmen (Hubei's built-in profile: 80 ≤ 87.5 < 90)
    expect(final).toMatchObject({
      stage: 'FINAL',
      final: { total: 87.5, grade: 'GOOD', ruleProfile: 'builtin-hubei@1' },
    });
    expect(final.final.dimensions).toEqual([
      { dimension: 'DECISION', maxPoints: 15, awarded: 13.5 },
      { dimension: 'PROCESS', maxPoints: 20, awarded: 17 },
      { dimension: 'OUTPUT', maxPoints: 35, awarded: 31 },
      { dimension: 'BENEFIT', maxPoints: 30, awarded: 26 },
    ]);

    const notified = await ok(p, NOTIFY, { input: { evaluationId: id, note: '请于 30 日内报送整改方案' } });
    expect(notified.stage).toBe('RESULTS_NOTIFIED');
    expect(notified.notifiedAt).not.toBeNull();

    // the unit reads its own; the agency its assignment; another agency nothing
    expect((await ok(p, ONE, { id }, officer(education))).final.grade).toBe('GOOD');
    expect((await ok(p, ONE, { id }, by)).stage).toBe('RESULTS_NOTIFIED');
    expect(codeOf(await p.gql(ONE, { id }, agencyUser(otherAgency)))).toBe('NOT_FOUND');

    const board = await ok(
      p,
      `query { keyEvaluationBoard(fiscalYear: 2025) { stages { stage count } items { daysInStage evaluation { id stage } } } }`,
      {},
    );
    expect(board.stages.find((s: { stage: string }) => s.stage === 'RESULTS_NOTIFIED').count).toBeGreaterThanOrEqual(1);
    expect(board.items.find((i: { evaluation: { id: string } }) => i.evaluation.id === id)).toEqual({
      daysInStage: 0,
      evaluation: { id, stage: 'RESULTS_NOTIFIED' },
    });
    const listed = await ok(
      p,
      `query($f: KeyEvaluationFilter) { keyEvaluations(filter: $f) { totalCount nodes { id } } }`,
      { f: { evaluatorId: agency, stage: 'RESULTS_NOTIFIED' } },
      by,
    );
    expect(listed.nodes.map((n: { id: string }) => n.id)).toContain(id);
  }, 120_000);

  it('refuses, writing nothing: a split below 60 %, an agency not assigned, points above a max, a final report with feedback unanswered', async () => {
    const below = await expectNoWrite(p, () =>
      p.gql(
        PLAN,
        {
          input: {
            kind: 'FINANCE_KEY',
            object: 'POLICY',
            unitId: education,
            subject: '学生资助政策',
            fiscalYear: 2025,
            split: { DECISION: 25, PROCESS: 20, OUTPUT: 30, BENEFIT: 25 },
          },
        },
        performance,
      ),
    );
    expect(codeOf(below)).toBe('BAD_USER_INPUT');
    expect(pathsOf(below).some((path) => path.startsWith('split'))).toBe(true);
    expect(below.errors![0]!.message).toMatch(/60/);

    const { id } = await plan({ subject: '农村义务教育营养改善计划' });
    await ok(p, ASSIGN, {
      input: { evaluationId: id, evaluatorId: agency, contractNumber: 'TMCZ-PJ-01', scope: '全过程' },
    });
    const by = agencyUser(agency);
    await ok(
      p,
      EVIDENCE,
      { input: { evaluationId: id, kind: 'DOCUMENTS', date: today, documents: ['会计凭证', '验收报告'] } },
      by,
    );

    const stranger = await expectNoWrite(p, () =>
      p.gql(SCORES, { input: { evaluationId: id, scores: SCORESHEET } }, agencyUser(otherAgency)),
    );
    expect(codeOf(stranger)).toBe('NOT_FOUND');

    const tooMany = await expectNoWrite(p, () =>
      p.gql(
        SCORES,
        {
          input: {
            evaluationId: id,
            scores: [{ dimension: 'OUTPUT', indicator: '供餐天数', points: 36, maxPoints: 35 }],
          },
        },
        by,
      ),
    );
    expect(codeOf(tooMany)).toBe('BAD_USER_INPUT');
    expect(pathsOf(tooMany)).toEqual(['scores[0].points']);

    await ok(p, SCORES, { input: { evaluationId: id, scores: SCORESHEET } }, by);
    const draft = await uploadPdf(p, by, '营养改善计划评价报告（征求意见稿）.pdf');
    await ok(p, DRAFT, { input: { evaluationId: id, attachmentId: draft.attachmentId } }, by);
    await ok(p, FEEDBACK, { input: { evaluationId: id, text: '供餐覆盖率数据需更新' } }, officer(education));
    const report = await uploadPdf(p, by, '营养改善计划评价报告（正式）.pdf');
    const early = await expectNoWrite(p, () =>
      p.gql(FINAL, { input: { evaluationId: id, attachmentId: report.attachmentId } }, by),
    );
    expect(codeOf(early)).toBe('ILLEGAL_STATE');
    expect(early.errors![0]!.message).toMatch(/未回复/);
  }, 120_000);
});
