import { expectNoWrite } from './support/fixture';
import {
  ANSWER,
  ASSIGN,
  chinaToday,
  DRAFT,
  EVIDENCE,
  EXPERT_SCORES,
  FEEDBACK,
  FINAL,
  INVITE_EXPERT,
  NOTIFY,
  ONE,
  PLAN,
  registerUnit,
  SCORES,
  uploadPdf,
} from './support/key-evaluation-walk';
import { projectInput, PROPOSE_PROJECT, startTestPlatform } from './support/platform';
import { department, expert, ok, officer, performance } from './support/walk';

type Platform = Awaited<ReturnType<typeof startTestPlatform>>;

const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.['code'];
const pathsOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  ((r.errors?.[0]?.extensions?.['issues'] as { path: string }[] | undefined) ?? []).map((i) => i.path);

const SHEET = [
  { dimension: 'DECISION', indicator: '立项依据充分性', points: 14, maxPoints: 15 },
  { dimension: 'PROCESS', indicator: '资金使用合规性', points: 18, maxPoints: 20 },
  { dimension: 'OUTPUT', indicator: '设备购置完成率', points: 33, maxPoints: 35 },
  { dimension: 'BENEFIT', indicator: '患者满意度', points: 27.5, maxPoints: 30, reason: '问卷满意度 91.6%' },
];

/**
 * 部门评价 through the gateway: the department plans a department evaluation of one of its own units'
 * projects, assigns it to itself and carries it out with the key evaluation's machinery (evidence,
 * scores, an invited expert, draft, the unit's feedback answered, final report graded under the
 * profile); the bureau notifies the results. A department reaching for a unit that is not its own, or
 * for a key evaluation (the bureau's), is refused and nothing is written.
 */
describe('department evaluation (部门评价) through the gateway', () => {
  let p: Platform;
  let health: string;
  let hospital: string;
  let transport: string;
  let station: string;
  const today = chinaToday();

  beforeAll(async () => {
    p = await startTestPlatform();
    health = await registerUnit(p, '621', '天门市卫生健康委员会');
    hospital = await registerUnit(p, '621001', '天门市第一人民医院', health);
    transport = await registerUnit(p, '622', '天门市交通运输局');
    station = await registerUnit(p, '622001', '天门市公路养护中心', transport);
  }, 180_000);
  afterAll(async () => p.dispose());

  const projectOf = async (unitId: string, name: string) =>
    (await ok(p, PROPOSE_PROJECT, { input: projectInput(unitId, { name }) }, officer(unitId))).id as string;

  it('the department plans, assigns to itself and evaluates its unit’s project up to the final report; the bureau notifies', async () => {
    const projectId = await projectOf(hospital, '县域医疗设备更新项目');
    // a role caller (not a raw token): uploads mint their own token for it
    const by = { role: 'DEPARTMENT' as const, unitId: health, userId: 'zhao.lei' };

    const planned = await ok(
      p,
      PLAN,
      {
        input: {
          kind: 'DEPARTMENT',
          object: 'PROJECT',
          unitId: hospital,
          projectId,
          subject: '县域医疗设备更新项目部门评价',
          fiscalYear: 2024,
        },
      },
      by,
    );
    expect(planned).toMatchObject({ kind: 'DEPARTMENT', stage: 'PLANNED', unitId: hospital, projectId });
    const id = planned.id as string;

    const assigned = await ok(p, ASSIGN, { input: { evaluationId: id, evaluatorId: health, scope: '项目全过程' } }, by);
    expect(assigned).toMatchObject({ stage: 'AGENCY_ASSIGNED', evaluatorId: health, contractNumber: null });

    const minutes = await uploadPdf(p, by, '医院座谈会纪要.pdf');
    const met = await ok(
      p,
      EVIDENCE,
      {
        input: {
          evaluationId: id,
          kind: 'SYMPOSIUM',
          date: today,
          participants: ['医院院长', '设备科', '卫健委规财科'],
          attachmentIds: [minutes.attachmentId],
        },
      },
      by,
    );
    expect(met.stage).toBe('FIELDWORK');

    // the department invites an expert too, who scores beside it
    await ok(p, INVITE_EXPERT, { input: { evaluationId: id, userId: 'expert.7', reason: '医疗设备专家' } }, by);
    await ok(p, SCORES, { input: { evaluationId: id, scores: SHEET } }, by);
    const withExpert = await ok(
      p,
      EXPERT_SCORES,
      {
        input: {
          evaluationId: id,
          scores: [{ dimension: 'OUTPUT', indicator: '设备购置完成率', points: 30, maxPoints: 35 }],
        },
      },
      expert(7),
    );
    expect(withExpert.expertScores).toEqual([
      expect.objectContaining({ expertId: 'expert.7', indicator: '设备购置完成率', points: 30 }),
    ]);

    const v1 = await uploadPdf(p, by, '部门评价报告（征求意见稿）.pdf');
    await ok(p, DRAFT, { input: { evaluationId: id, attachmentId: v1.attachmentId } }, by);
    const fed = await ok(
      p,
      FEEDBACK,
      { input: { evaluationId: id, text: '设备到货验收时间口径需统一' } },
      officer(hospital),
    );
    await ok(
      p,
      ANSWER,
      { input: { evaluationId: id, feedbackId: fed.feedback[0].id, adopted: true, answer: '已按验收单口径修改' } },
      by,
    );
    const report = await uploadPdf(p, by, '部门评价报告（正式）.pdf');
    const final = await ok(p, FINAL, { input: { evaluationId: id, attachmentId: report.attachmentId } }, by);
    // 14 + 18 + 33 + 27.5 = 92.5: EXCELLENT (≥ 90) under Hubei's profile in force in Tianmen; the expert's 30 is beside it
    expect(final.final).toMatchObject({ total: 92.5, grade: 'EXCELLENT', ruleProfile: 'builtin-hubei@1' });

    const notified = await ok(p, NOTIFY, { input: { evaluationId: id, note: '请落实评价意见' } }, performance);
    expect(notified.stage).toBe('RESULTS_NOTIFIED');
    // the evaluated unit and the department read it; another department does not
    expect((await ok(p, ONE, { id }, officer(hospital))).final.grade).toBe('EXCELLENT');
    expect((await ok(p, ONE, { id }, by)).stage).toBe('RESULTS_NOTIFIED');
    expect(codeOf(await p.gql(ONE, { id }, department(transport)))).toBe('NOT_FOUND');
  }, 180_000);

  it('refuses, writing nothing: another department’s unit, a key evaluation, an evaluator not itself, another department’s work', async () => {
    const projectId = await projectOf(station, '农村公路养护项目');
    const plan = (unitId: string, kind = 'DEPARTMENT', pid: string | null = null) => ({
      input: {
        kind,
        object: pid ? 'PROJECT' : 'POLICY',
        unitId,
        projectId: pid,
        subject: '部门评价',
        fiscalYear: 2024,
      },
    });

    // the health commission plans for the transport bureau's unit: not its own, as if it did not exist
    const notOwn = await expectNoWrite(p, () =>
      p.gql(PLAN, plan(station, 'DEPARTMENT', projectId), department(health)),
    );
    expect(codeOf(notOwn)).toBe('NOT_FOUND');
    // a key evaluation by an agency is the bureau's to plan
    const keyEvaluation = await expectNoWrite(p, () => p.gql(PLAN, plan(hospital, 'FINANCE_KEY'), department(health)));
    expect(codeOf(keyEvaluation)).toBe('FORBIDDEN');

    // the transport bureau's own department evaluation of its unit
    const own = await ok(p, PLAN, plan(station, 'DEPARTMENT', projectId), department(transport));
    const id = own.id as string;
    const intruder = await expectNoWrite(p, () =>
      p.gql(ASSIGN, { input: { evaluationId: id, evaluatorId: health, scope: '全过程' } }, department(health)),
    );
    expect(codeOf(intruder)).toBe('NOT_FOUND');
    // a department assigns its evaluation only to itself
    const toTheUnit = await expectNoWrite(p, () =>
      p.gql(ASSIGN, { input: { evaluationId: id, evaluatorId: station, scope: '全过程' } }, department(transport)),
    );
    expect(codeOf(toTheUnit)).toBe('BAD_USER_INPUT');
    expect(pathsOf(toTheUnit)).toEqual(['evaluatorId']);
    // nor may the bureau give it to a department that does not supervise the unit
    const wrongDepartment = await expectNoWrite(p, () =>
      p.gql(ASSIGN, { input: { evaluationId: id, evaluatorId: health, scope: '全过程' } }, performance),
    );
    expect(codeOf(wrongDepartment)).toBe('BAD_USER_INPUT');
    expect(pathsOf(wrongDepartment)).toEqual(['evaluatorId']);

    await ok(
      p,
      ASSIGN,
      { input: { evaluationId: id, evaluatorId: transport, scope: '全过程' } },
      department(transport),
    );
    // another department cannot do the evaluator's work on it
    const foreignWork = await expectNoWrite(p, () =>
      p.gql(
        EVIDENCE,
        { input: { evaluationId: id, kind: 'SITE_VISIT', date: today, place: '省道 S311 养护路段' } },
        department(health),
      ),
    );
    expect(codeOf(foreignWork)).toBe('NOT_FOUND');
    await ok(
      p,
      EVIDENCE,
      { input: { evaluationId: id, kind: 'SITE_VISIT', date: today, place: '省道 S311 养护路段' } },
      department(transport),
    );
  }, 180_000);
});
