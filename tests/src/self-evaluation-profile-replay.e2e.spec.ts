import { evaluationContext } from '@jixiao/evaluation';
import { openReadModels, rebuildReadModels } from '@jixiao/infra';
import { rmSync } from 'node:fs';
import { answersTo, contextRows, settled, type Question } from './support/context-replay';
import { seedFixture } from './support/fixture';
import { as, startTestPlatform } from './support/platform';

const performance = as('PERFORMANCE_SECTION', null, 'e2e.performance');
const PUBLISH = `mutation($input: PublishRuleProfileInput!) { publishRuleProfile(input: $input) { ref { profileId version } } }`;
const ISSUE = `mutation($input: IssueEvaluationNoticeInput!) { issueEvaluationNotice(input: $input) {
  ruleProfile { profileId version } } }`;
const SHEET = `id status submission total grade ruleProfile { profileId version }
  budgetExecution { weight awarded formula { en } }
  lines { indicatorId scaledPoints awarded full formula { en } }
  parts { part weight awarded }`;
const SUBMIT = `mutation($input: SubmitSelfEvaluationInput!) { submitSelfEvaluation(input: $input) { ${SHEET} } }`;
const PREVIEW = `query($input: SubmitSelfEvaluationInput!) { previewSelfEvaluationScore(input: $input) { total grade } }`;
const ONE = `query($id: ID!) { selfEvaluation(id: $id) { ${SHEET} } }`;
const LIST = `query($filter: SelfEvaluationFilter!) { selfEvaluations(filter: $filter, page: { first: 50 }) {
  totalCount nodes { id goalId status total grade } } }`;

type Sheet = {
  total: number;
  grade: string;
  ruleProfile: { profileId: string; version: number };
  budgetExecution: { weight: number; awarded: number; formula: { en: string } };
  lines: { indicatorId: string; scaledPoints: number; awarded: number; formula: { en: string } }[];
  parts: { part: string; weight: number; awarded: number }[];
};

/** The rules a division publishes for the year: the weights and the grade bands, the rest as in force. */
const profile = (
  name: string,
  [budgetExecution, output, benefit, satisfaction]: number[],
  [EXCELLENT, GOOD, FAIR]: number[],
) => ({
  divisionCode: '429006',
  fiscalYear: 2024,
  name,
  reason: '调整自评权重与等级分数线',
  selfEvaluationWeights: { budgetExecution, output, benefit, satisfaction },
  gradeBands: { EXCELLENT, GOOD, FAIR },
});

/**
 * "A profile published later changes future scores but never a past one on replay" (issue 16). Which
 * profile a sheet is scored under: the one in force for its division and fiscal year when it is
 * submitted (services/kit: the latest published version, a year's profile applying to the whole year),
 * recorded on `SelfEvaluationSubmitted` with the score it gave; the read models copy the recorded score
 * and never score again. Two projects of one unit, the same sheet each: the first submitted under P1
 * (national weights 10/50/30/10, bands 90/80/60), then P2 published (20/40/30/10, bands 85/75/60), then
 * the second submitted under P2; then the read models are emptied and rebuilt from the event store.
 */
describe('self-evaluation scores under a rule profile published later, before and after a replay', () => {
  const clock = () => new Date('2025-03-10T02:00:00.000Z');
  let p: Awaited<ReturnType<typeof startTestPlatform>> | undefined;

  afterAll(async () => {
    if (p) await p.dispose();
  });

  it('keeps the first score under P1 and scores the later one under P2, the same after the read models are rebuilt', async () => {
    const first = await startTestPlatform({ clock });
    p = first;
    const f = await seedFixture(first);
    const goals = [await f.issuedGoal('A1'), await f.issuedGoal('A1')];
    const officer = as('BUDGET_UNIT', f.unitIds.A1, 'e2e.officer.A1');
    const ok = async (query: string, variables: Record<string, unknown>, caller = performance) => {
      const r = await first.gql(query, variables, caller);
      expect(r.errors).toBeUndefined();
      return Object.values(r.data!)[0] as Record<string, unknown>;
    };

    const p1 = (
      await ok(
        PUBLISH,
        { input: profile('天门市 2024 年规则（国家权重）', [10, 50, 30, 10], [90, 80, 60]) },
        as('ADMIN'),
      )
    ).ref as Sheet['ruleProfile'];
    expect(await ok(ISSUE, { input: { divisionCode: '429006', fiscalYear: 2024, dueDate: '2025-03-31' } })).toEqual({
      ruleProfile: p1,
    });
    const tasks = (await ok(LIST, { filter: { fiscalYear: 2024, unitId: f.unitIds.A1 } }, officer)).nodes as {
      id: string;
      goalId: string | null;
    }[];
    const [early, later] = goals.map((g) => tasks.find((t) => t.goalId === g.id)!.id);
    /** The same sheet for either project: 9 of 12 schools, the rest met, 4.5 of 5 million executed. */
    const sheet = (evaluationId: string, goal: (typeof goals)[number]) => {
      const [schools, quality, conditions, satisfaction] = goal.indicators;
      return {
        evaluationId,
        executed: '4500000.00',
        indicators: [
          { indicatorId: schools!.id, actual: 9, deviationCause: '三所学校征地延迟', improvementMeasure: '提前征地' },
          { indicatorId: quality!.id, actual: 100 },
          {
            indicatorId: conditions!.id,
            qualitative: { level: 'ACHIEVED', percent: 90 },
            reason: '验收显示办学条件明显改善',
            deviationCause: '个别学校设备未到位',
            improvementMeasure: '督促供货',
          },
          { indicatorId: satisfaction!.id, actual: 95 },
        ],
      };
    };

    // P1, national weights: budget 10 × 0.9 = 9; output 50 over 30 + 20 points → 30 × 9 / 12 = 22.5 and 20;
    // benefit 30 × 90 % = 27; satisfaction 10; 88.5 is GOOD (below 90)
    const underP1 = (await ok(SUBMIT, { input: sheet(early!, goals[0]!) }, officer)) as unknown as Sheet;
    const p1Score = {
      total: 88.5,
      grade: 'GOOD',
      ruleProfile: p1,
      budgetExecution: { weight: 10, awarded: 9 },
      parts: [
        { part: 'BUDGET_EXECUTION', weight: 10, awarded: 9 },
        { part: 'OUTPUT', weight: 50, awarded: 42.5 },
        { part: 'BENEFIT', weight: 30, awarded: 27 },
        { part: 'SATISFACTION', weight: 10, awarded: 10 },
      ],
    };
    expect(underP1).toMatchObject(p1Score);
    expect(underP1.lines.map((l) => [l.scaledPoints, l.awarded])).toEqual([
      [30, 22.5],
      [20, 20],
      [30, 27],
      [10, 10],
    ]);
    expect(underP1.lines[0]!.formula.en).toContain('30 × min(9 / 12, 1) = 22.5');

    const p2 = (
      await ok(PUBLISH, { input: profile('天门市 2024 年规则（调整）', [20, 40, 30, 10], [85, 75, 60]) }, as('ADMIN'))
    ).ref as Sheet['ruleProfile'];
    expect(p2).toEqual({ profileId: p1.profileId, version: p1.version + 1 });

    // P2: budget 20 × 0.9 = 18; output 40 over 50 points → 24 × 9 / 12 = 18 and 16; benefit 27; satisfaction 10;
    // 89 is EXCELLENT (85 and above). The preview of the first project's sheet is scored under P2 now too
    expect(await ok(PREVIEW, { input: sheet(early!, goals[0]!) }, officer)).toEqual({ total: 89, grade: 'EXCELLENT' });
    const underP2 = (await ok(SUBMIT, { input: sheet(later!, goals[1]!) }, officer)) as unknown as Sheet;
    const p2Score = {
      total: 89,
      grade: 'EXCELLENT',
      ruleProfile: p2,
      budgetExecution: { weight: 20, awarded: 18 },
      parts: [
        { part: 'BUDGET_EXECUTION', weight: 20, awarded: 18 },
        { part: 'OUTPUT', weight: 40, awarded: 34 },
        { part: 'BENEFIT', weight: 30, awarded: 27 },
        { part: 'SATISFACTION', weight: 10, awarded: 10 },
      ],
    };
    expect(underP2).toMatchObject(p2Score);
    expect(underP2.lines.map((l) => [l.scaledPoints, l.awarded])).toEqual([
      [24, 18],
      [16, 16],
      [30, 27],
      [10, 10],
    ]);
    expect(underP2.lines[0]!.formula.en).toContain('24 × min(9 / 12, 1) = 18');
    // the first sheet keeps what P1 gave it (under P2's bands 88.5 would be EXCELLENT)
    expect(await ok(ONE, { id: early })).toMatchObject({ ...p1Score, status: 'FILLED', submission: 1 });

    const questions: Question[] = [
      ['early sheet', ONE, { id: early }, performance],
      ['later sheet', ONE, { id: later }, officer],
      ['list', LIST, { filter: { fiscalYear: 2024 } }, as('AUDITOR', null, 'e2e.auditor')],
    ];
    const events = await settled(first);
    const rows = await contextRows(evaluationContext, first.orm);
    const answers = await answersTo(first, questions);
    p = undefined;
    await first.dispose({ keepData: true });

    try {
      // the read models emptied and rebuilt from the log, with P2 the profile in force throughout
      const orm = await openReadModels(first.storage);
      await rebuildReadModels(orm);
      await orm.close();
      const second = await startTestPlatform({ dir: first.dir, storage: first.storage, clock });
      p = second;
      expect(await settled(second)).toBe(events);
      expect(await contextRows(evaluationContext, second.orm)).toEqual(rows);
      expect(await answersTo(second, questions)).toEqual(answers);
      const replayed = await second.gql(ONE, { id: early }, performance);
      expect(replayed.data!.selfEvaluation).toMatchObject(p1Score);
      const later2 = await second.gql(ONE, { id: later }, performance);
      expect(later2.data!.selfEvaluation).toMatchObject(p2Score);
    } finally {
      if (!p) rmSync(first.dir, { recursive: true, force: true });
    }
  }, 240_000);
});
