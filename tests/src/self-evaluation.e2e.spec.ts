import { createHash } from 'node:crypto';
import { expectNoWrite, seedFixture } from './support/fixture';
import { as, startTestPlatform } from './support/platform';

const performance = as('PERFORMANCE_SECTION', null, 'e2e.performance');
const NOTICE =
  'divisionCode fiscalYear dueDate duePassed taskCount ruleProfile { profileId version } draw { seed percent poolUnitIds drawnUnitIds }';
const ISSUE = `mutation($input: IssueEvaluationNoticeInput!) { issueEvaluationNotice(input: $input) { ${NOTICE} } }`;
const DRAW = `mutation($input: DrawSpotCheckInput!) { drawSpotCheck(input: $input) { ${NOTICE} } }`;
const SHEET = `id unitId object goalId name status overdue submission drawn late departmentReview total grade acceptedBasis
  budget executed budgetExecution { weight awarded formula { zh en } }
  lines { indicatorId name actual scaledPoints awarded full formula { zh en } deviationCause }
  parts { part weight awarded } reviews { stage submission decision comment }`;
const SUBMIT = `mutation($input: SubmitSelfEvaluationInput!) { submitSelfEvaluation(input: $input) { ${SHEET} } }`;
const PREVIEW = `query($input: SubmitSelfEvaluationInput!) { previewSelfEvaluationScore(input: $input) {
  total grade budgetExecution { awarded formula { en } } lines { indicatorId awarded full formula { zh en } }
  issues { path zh en } } }`;
const REVIEW = `mutation($input: SelfEvaluationDecisionInput!) { reviewSelfEvaluation(input: $input) { ${SHEET} } }`;
const DECIDE = `mutation($input: SelfEvaluationDecisionInput!) { decideSpotCheck(input: $input) { ${SHEET} } }`;
const LIST = `query($filter: SelfEvaluationFilter!) { selfEvaluations(filter: $filter, page: { first: 50 }) {
  totalCount nodes { id unitId object goalId status overdue } } }`;
const ONE = `query($id: ID!) { selfEvaluation(id: $id) { ${SHEET} } }`;

type Line = { indicatorId: string; awarded: number; full: boolean; formula: { zh: string; en: string } };

/** The spot-check order the notice documents: units by sha256(seed + ':' + unitId); anyone can redraw it. */
const drawOrder = (seed: string, unitIds: string[]) =>
  [...unitIds].sort((a, b) => {
    const ka = createHash('sha256').update(`${seed}:${a}`).digest('hex');
    const kb = createHash('sha256').update(`${seed}:${b}`).digest('hex');
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });

/** 单位自评 through the gateway: notice → unit fills → department reviews → spot check returns → resubmit → accepted. */
describe('self-evaluation (单位自评) through the gateway (embedded platform, a fake clock)', () => {
  let clock = new Date('2025-03-10T02:00:00.000Z');
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  let f: Awaited<ReturnType<typeof seedFixture>>;
  let goal: { id: string; indicators: { id: string; name: string }[] };
  let projectEval: string;
  let overallB: string;
  const officer = (u: 'A' | 'A1' | 'B') => as('BUDGET_UNIT', f.unitIds[u], `e2e.officer.${u}`);
  const department = () => as('DEPARTMENT', f.unitIds.A, 'e2e.department.A');
  /** A1's sheet of its project: 9 of 12 schools (below full: cause and measure), the rest met; 4.5 of 5 million executed. */
  const sheet = (patch: (lines: Record<string, unknown>[]) => Record<string, unknown>[] = (l) => l) => {
    const [schools, quality, conditions, satisfaction] = goal.indicators;
    return {
      evaluationId: projectEval,
      executed: '4500000.00',
      indicators: patch([
        {
          indicatorId: schools!.id,
          actual: 9,
          deviationCause: '三所学校征地延迟',
          improvementMeasure: '提前完成征地手续',
        },
        { indicatorId: quality!.id, actual: 100 },
        {
          indicatorId: conditions!.id,
          qualitative: { level: 'ACHIEVED', percent: 90 },
          reason: '验收显示办学条件明显改善',
          deviationCause: '个别学校设备未到位',
          improvementMeasure: '督促供货',
        },
        { indicatorId: satisfaction!.id, actual: 95 },
      ]),
    };
  };
  const errorOf = (r: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) => r.errors?.[0];

  beforeAll(async () => {
    p = await startTestPlatform({ clock: () => clock });
    f = await seedFixture(p);
    goal = await f.issuedGoal('A1');
  }, 120_000);
  afterAll(() => p.dispose());

  it('the performance section issues the notice: every unit’s overall expenditure and each project with an issued goal', async () => {
    const refused = await p.gql(
      ISSUE,
      { input: { divisionCode: '429006', fiscalYear: 2024, dueDate: '2025-03-31' } },
      officer('A'),
    );
    expect(errorOf(refused)?.extensions?.code).toBe('FORBIDDEN');
    const early = await expectNoWrite(p, () =>
      p.gql(ISSUE, { input: { divisionCode: '429006', fiscalYear: 2024, dueDate: '2024-12-31' } }, performance),
    );
    expect(errorOf(early)?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errorOf(early)?.message).toMatch(/截止日期应在该年度结束之后.*after that year ends/);

    const issued = await p.gql(
      ISSUE,
      { input: { divisionCode: '429006', fiscalYear: 2024, dueDate: '2025-03-31' } },
      performance,
    );
    expect(issued.errors).toBeUndefined();
    expect(issued.data!.issueEvaluationNotice).toMatchObject({
      fiscalYear: 2024,
      dueDate: '2025-03-31',
      duePassed: false,
      // 429006 lies in Hubei: the built-in Hubei profile (20 / 40 / 40) is in force
      ruleProfile: { profileId: 'builtin-hubei', version: 1 },
      draw: null,
    });
    const list = await p.gql(LIST, { filter: { fiscalYear: 2024, unitId: f.unitIds.A1 } }, officer('A1'));
    const nodes = list.data!.selfEvaluations.nodes as {
      id: string;
      object: string;
      goalId: string | null;
      status: string;
    }[];
    expect(nodes.map((n) => n.object).sort()).toEqual(['DEPT_OVERALL', 'PROJECT']);
    expect(nodes.every((n) => n.status === 'ISSUED')).toBe(true);
    projectEval = nodes.find((n) => n.goalId === goal.id)!.id;
    const all = await p.gql(LIST, { filter: { fiscalYear: 2024 } }, performance);
    const units = new Set((all.data!.selfEvaluations.nodes as { unitId: string }[]).map((n) => n.unitId));
    expect([...units].sort()).toEqual([f.unitIds.A, f.unitIds.A1, f.unitIds.B].sort());
    expect(all.data!.selfEvaluations.totalCount).toBe(issued.data!.issueEvaluationNotice.taskCount);
    overallB = (all.data!.selfEvaluations.nodes as { id: string; unitId: string; object: string }[]).find(
      (n) => n.unitId === f.unitIds.B && n.object === 'DEPT_OVERALL',
    )!.id;
    // another unit does not see A1's tasks
    const other = await p.gql(LIST, { filter: { fiscalYear: 2024, unitId: f.unitIds.A1 } }, officer('B'));
    expect(other.data!.selfEvaluations).toEqual({ totalCount: 0, nodes: [] });
  });

  it('bad input gets a clear bilingual error and writes nothing', async () => {
    const refuse = async (input: unknown, caller = officer('A1')) => {
      const r = await expectNoWrite(p, () => p.gql(SUBMIT, { input }, caller));
      return errorOf(r)!;
    };
    const lacks = await refuse(sheet((l) => [...l, { indicatorId: 'no-such-indicator', actual: 1 }]));
    expect(lacks.extensions?.code).toBe('BAD_USER_INPUT');
    expect(lacks.message).toMatch(/绩效目标没有指标 no-such-indicator.*The goal has no indicator no-such-indicator/);
    const band = await refuse(
      sheet((l) => l.map((x, i) => (i === 2 ? { ...x, qualitative: { level: 'PARTLY', percent: 85 } } : x))),
    );
    expect(band.message).toMatch(/得分比例应在 50% 至 80（不含）% 之间.*scores from 50 % to below 80 %/);
    const cause = await refuse(sheet((l) => l.map((x, i) => (i === 0 ? { ...x, deviationCause: ' ' } : x))));
    expect(cause.message).toMatch(/须说明偏差原因.*needs the cause of its deviation/);
    expect((cause.extensions?.issues as { path: string }[]).map((i) => i.path)).toEqual([
      'indicators.0.deviationCause',
    ]);
    // another unit filling A1's evaluation: not told it exists
    const stranger = await refuse(sheet(), officer('B'));
    expect(stranger.extensions?.code).toBe('NOT_FOUND');
    // a department fills nothing for its unit
    expect((await refuse(sheet(), department())).extensions?.code).toBe('FORBIDDEN');
  });

  it('the unit sees its score as it types, then submits: the same score recorded, each line with its formula', async () => {
    const preview = await expectNoWrite(p, () => p.gql(PREVIEW, { input: sheet() }, officer('A1')));
    expect(preview.errors).toBeUndefined();
    const scored = preview.data!.previewSelfEvaluationScore;
    // Hubei: output 40 over 30 + 20 points → the schools line is worth 24; 24 × min(9 / 12, 1) = 18
    const schools = (scored.lines as Line[])[0]!;
    expect(schools).toMatchObject({ awarded: 18, full: false });
    expect(schools.formula.en).toContain('24 × min(9 / 12, 1) = 18');
    expect(scored.budgetExecution.awarded).toBe(18);
    expect(scored).toMatchObject({ total: 89.6, grade: 'GOOD', issues: [] });

    // the cause and measure not typed yet: the same score, and what submission would refuse listed beside it
    const unexplained = sheet((l) =>
      l.map((x, i) => (i === 0 ? { ...x, deviationCause: null, improvementMeasure: '  ' } : x)),
    );
    const owed = await expectNoWrite(p, () => p.gql(PREVIEW, { input: unexplained }, officer('A1')));
    expect(owed.errors).toBeUndefined();
    expect(owed.data!.previewSelfEvaluationScore).toMatchObject({ total: 89.6, grade: 'GOOD' });
    const refusedFor = errorOf(await expectNoWrite(p, () => p.gql(SUBMIT, { input: unexplained }, officer('A1'))));
    expect(refusedFor?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(owed.data!.previewSelfEvaluationScore.issues).toEqual(refusedFor?.extensions?.issues);
    expect(owed.data!.previewSelfEvaluationScore.issues).toEqual([
      {
        path: 'indicators.0.deviationCause',
        zh: '未得满分的指标须说明偏差原因',
        en: 'An indicator below full points needs the cause of its deviation',
      },
      {
        path: 'indicators.0.improvementMeasure',
        zh: '未得满分的指标须提出改进措施',
        en: 'An indicator below full points needs an improvement measure',
      },
    ]);
    // a value outside its band keeps the sheet from being scored: the preview refuses as submission does
    const outside = await expectNoWrite(p, () =>
      p.gql(
        PREVIEW,
        {
          input: sheet((l) => l.map((x, i) => (i === 2 ? { ...x, qualitative: { level: 'PARTLY', percent: 85 } } : x))),
        },
        officer('A1'),
      ),
    );
    expect(errorOf(outside)?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errorOf(outside)?.message).toMatch(/得分比例应在 50% 至 80（不含）% 之间/);

    const submitted = await p.gql(SUBMIT, { input: sheet() }, officer('A1'));
    expect(submitted.errors).toBeUndefined();
    const evaluation = submitted.data!.submitSelfEvaluation;
    expect(evaluation).toMatchObject({
      status: 'FILLED',
      submission: 1,
      total: 89.6,
      grade: 'GOOD',
      late: false,
      departmentReview: true,
      budget: '5000000.00',
      executed: '4500000.00',
    });
    expect(evaluation.lines.map((l: Line) => l.awarded)).toEqual((scored.lines as Line[]).map((l) => l.awarded));
    expect(evaluation.lines[0].formula.zh).toContain('24 × min(9 / 12, 1) = 18');
    expect(evaluation.lines[0].deviationCause).toBe('三所学校征地延迟');
    const again = await expectNoWrite(p, () => p.gql(SUBMIT, { input: sheet() }, officer('A1')));
    expect(errorOf(again)?.extensions?.code).toBe('ILLEGAL_STATE');
  });

  it('the spot check draws the profile’s share reproducibly; a unit not drawn is accepted without it', async () => {
    const pool = [f.unitIds.A, f.unitIds.A1, f.unitIds.B];
    // a seed under which A1 comes first: the 10 % of three units is one unit
    const seed = Array.from({ length: 50 }, (_, i) => `2024-抽查-${i}`).find(
      (s) => drawOrder(s, pool)[0] === f.unitIds.A1,
    )!;
    // the draw's reaction notes it on every evaluation; on SQLite its appends can hold the read models
    // back past the mutation's wait (NOT_YET_VISIBLE): the documented answer is a retry with the same command id
    const input = { commandId: 'e2e-draw-2024', divisionCode: '429006', fiscalYear: 2024, seed };
    let drawn = await p.gql(DRAW, { input }, performance);
    for (let i = 0; i < 3 && errorOf(drawn)?.extensions?.code === 'NOT_YET_VISIBLE'; i++) {
      drawn = await p.gql(DRAW, { input }, performance);
    }
    expect(drawn.errors).toBeUndefined();
    expect(drawn.data!.drawSpotCheck.draw).toMatchObject({ seed, percent: 10, drawnUnitIds: [f.unitIds.A1] });
    expect([...drawn.data!.drawSpotCheck.draw.poolUnitIds].sort()).toEqual([...pool].sort());
    const twice = await expectNoWrite(p, () =>
      p.gql(DRAW, { input: { divisionCode: '429006', fiscalYear: 2024, seed: 'other' } }, performance),
    );
    expect(errorOf(twice)?.extensions?.code).toBe('ILLEGAL_STATE');
    // the draw is noted on every evaluation (a reaction)
    for (let i = 0; i < 200 && (await p.store.readStream(`selfevaluation-${overallB}`)).length < 1; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(await p.caughtUp(10_000)).toBe(true);

    // B (first level, no department, not drawn) states its overall expenditure: accepted at once
    const overall = await p.gql(
      SUBMIT,
      {
        input: {
          evaluationId: overallB,
          budget: '20000000.00',
          executed: '19000000.00',
          indicators: [
            {
              indicatorId: 'k1',
              name: '重点工作完成率',
              level1: 'OUTPUT',
              operator: '>=',
              target: 100,
              points: 50,
              actual: 100,
            },
            {
              indicatorId: 'k2',
              name: '群众出行改善',
              level1: 'BENEFIT',
              operator: '>=',
              target: 90,
              points: 30,
              actual: 92,
            },
            {
              indicatorId: 'k3',
              name: '服务对象满意度',
              level1: 'SATISFACTION',
              operator: '>=',
              target: 90,
              points: 20,
              actual: 93,
            },
          ],
        },
      },
      officer('B'),
    );
    expect(overall.errors).toBeUndefined();
    expect(overall.data!.submitSelfEvaluation).toMatchObject({
      status: 'ACCEPTED',
      acceptedBasis: 'NOT_DRAWN',
      drawn: false,
      total: 99,
    });
  });

  it('the department reviews; the bureau’s spot check returns; the unit resubmits; reviewed again and accepted', async () => {
    const stranger = await expectNoWrite(p, () =>
      p.gql(REVIEW, { input: { evaluationId: overallB, decision: 'ACCEPT' } }, department()),
    );
    expect(errorOf(stranger)?.extensions?.code).toBe('NOT_FOUND');
    const reviewed = await p.gql(
      REVIEW,
      { input: { evaluationId: projectEval, decision: 'ACCEPT', comment: '同意' } },
      department(),
    );
    expect(reviewed.errors).toBeUndefined();
    expect(reviewed.data!.reviewSelfEvaluation).toMatchObject({ status: 'DEPARTMENT_REVIEWED', drawn: true });

    const bare = await expectNoWrite(p, () =>
      p.gql(DECIDE, { input: { evaluationId: projectEval, decision: 'RETURN' } }, performance),
    );
    expect(errorOf(bare)?.message).toMatch(/退回须说明意见.*A return needs comments/);
    const returned = await p.gql(
      DECIDE,
      { input: { evaluationId: projectEval, decision: 'RETURN', comment: '学校数量佐证材料不足' } },
      performance,
    );
    expect(returned.data!.decideSpotCheck).toMatchObject({ status: 'RETURNED' });

    const corrected = sheet((l) =>
      l.map((x, i) => (i === 0 ? { ...x, actual: 12, deviationCause: null, improvementMeasure: null } : x)),
    );
    const resubmitted = await p.gql(SUBMIT, { input: corrected }, officer('A1'));
    expect(resubmitted.errors).toBeUndefined();
    expect(resubmitted.data!.submitSelfEvaluation).toMatchObject({
      status: 'FILLED',
      submission: 2,
      total: 95.6,
      grade: 'EXCELLENT',
    });
    await p.gql(REVIEW, { input: { evaluationId: projectEval, decision: 'ACCEPT' } }, department());
    const accepted = await p.gql(DECIDE, { input: { evaluationId: projectEval, decision: 'ACCEPT' } }, performance);
    expect(accepted.errors).toBeUndefined();
    const final = accepted.data!.decideSpotCheck;
    expect(final).toMatchObject({ status: 'ACCEPTED', acceptedBasis: 'SPOT_CHECK', submission: 2 });
    expect(
      final.reviews.map((r: { stage: string; submission: number; decision: string }) => [
        r.stage,
        r.submission,
        r.decision,
      ]),
    ).toEqual([
      ['DEPARTMENT', 1, 'ACCEPT'],
      ['SPOT_CHECK', 1, 'RETURN'],
      ['DEPARTMENT', 2, 'ACCEPT'],
      ['SPOT_CHECK', 2, 'ACCEPT'],
    ]);
    // auditors and congress read it; the unit reads its own
    for (const reader of [as('AUDITOR', null, 'e2e.auditor'), as('NPC', null, 'e2e.npc'), officer('A1')]) {
      const read = await p.gql(ONE, { id: projectEval }, reader);
      expect(read.data?.selfEvaluation.status).toBe('ACCEPTED');
    }
  });

  it('past the due date the notice passes it once, and what was not submitted shows overdue', async () => {
    clock = new Date('2025-03-31T16:00:00.000Z'); // midnight after 31 March, China time
    const stream = 'evaluationnotice-429006-2024';
    for (
      let i = 0;
      i < 200 && !(await p.store.readStream(stream)).some((e) => e.type === 'EvaluationNoticeDuePassed');
      i++
    )
      await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1500));
    expect(await p.caughtUp(10_000)).toBe(true);
    expect((await p.store.readStream(stream)).map((e) => e.type)).toEqual([
      'EvaluationNoticeIssued',
      'SpotCheckDrawn',
      'EvaluationNoticeDuePassed',
    ]);
    const list = await p.gql(LIST, { filter: { fiscalYear: 2024 } }, performance);
    const nodes = list.data!.selfEvaluations.nodes as { id: string; status: string; overdue: boolean }[];
    expect(nodes.filter((n) => n.overdue).every((n) => n.status === 'ISSUED')).toBe(true);
    expect(nodes.find((n) => n.id === projectEval)?.overdue).toBe(false);
    expect(nodes.find((n) => n.id === overallB)?.overdue).toBe(false);
    expect(nodes.filter((n) => n.overdue)).toHaveLength(nodes.length - 2);
    const issuedOnly = await p.gql(LIST, { filter: { fiscalYear: 2024, status: 'ISSUED' } }, performance);
    expect(issuedOnly.data!.selfEvaluations.totalCount).toBe(nodes.length - 2);
  });
});
