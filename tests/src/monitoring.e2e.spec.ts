import { expectNoWrite, seedFixture } from './support/fixture';
import { as, goalInput, startTestPlatform } from './support/platform';

const performance = as('PERFORMANCE_SECTION', null, 'e2e.performance');
const OPEN = `mutation($input: OpenMonitoringRoundInput!) { openMonitoringRound(input: $input) {
  id fiscalYear throughMonth dueDate executionTolerancePoints goals reported overdue } }`;
const WARNING = 'id kind severity unitId goalId indicatorId figures { name value } corrected';
const FILE = `mutation($input: FileMonitoringReportInput!) { fileMonitoringReport(input: $input) {
  goalId budget executed executionRate late warnings { ${WARNING} } } }`;
const PREVIEW = `query($input: FileMonitoringReportInput!) { previewMonitoringWarnings(input: $input) {
  kind severity indicatorId figures { name value } } }`;
const DECIDE = `mutation($input: DecideMonitoringCorrectionInput!) { decideMonitoringCorrection(input: $input) {
  id kind reason lifted carriedOut warningId } }`;
const LIFT = `mutation($input: LiftFundingStopInput!) { liftFundingStop(input: $input) { id lifted liftReason } }`;
const WARNINGS = `query($filter: MonitoringWarningFilter) { monitoringWarnings(filter: $filter, page: { first: 200 }) {
  totalCount nodes { ${WARNING} corrections { kind lifted } } } }`;
const PROGRESS = `query($id: ID!) { monitoringRoundProgress(roundId: $id) {
  round { reported late overdue } units { unitId goals reported late overdue unreportedGoalIds } } }`;

type Figure = { name: string; value: string };
const figure = (figures: Figure[], name: string) => figures.find((f) => f.name === name)?.value;

/** 双监控 through the gateway: a round, a unit's report with computed warnings, a late unit's overdue warning, corrections. */
describe('monitoring (绩效监控) through the gateway (embedded platform, a fake clock)', () => {
  let clock = new Date('2024-08-05T02:00:00.000Z'); // 5 August, 10:00 in China
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  let f: Awaited<ReturnType<typeof seedFixture>>;
  let roundId: string;
  let goalA: { id: string; indicators: { id: string; name: string }[] };
  let goalB: { id: string };
  let goalBIndicators: string[] = [];
  const officer = (u: 'A' | 'B') => as('BUDGET_UNIT', f.unitIds[u], `e2e.officer.${u}`);
  /** A's report: 2,500,000.00 of 5,000,000.00 yuan executed (50 % < 7/12), 10 schools forecast against 12. */
  const reportOfA = () => ({
    roundId,
    goalId: goalA.id,
    executed: '2500000.00',
    indicators: goalA.indicators.map((i, n) => ({
      indicatorId: i.id,
      valueSoFar: n === 2 ? null : n === 0 ? 6 : 95,
      forecast: n === 2 ? null : n === 0 ? 10 : 100,
      likelihood: n === 0 ? 'AT_RISK' : 'ON_TRACK',
      deviationCause: n === 0 ? '两所学校征地延迟' : null,
    })),
  });

  beforeAll(async () => {
    p = await startTestPlatform({ clock: () => clock });
    f = await seedFixture(p);
    goalA = await f.issuedGoal('A');
    goalB = await f.issuedGoal('B');
    const r = await p.gql('query($id: ID!) { goal(id: $id) { indicators { id } } }', { id: goalB.id }, performance);
    goalBIndicators = (r.data!.goal.indicators as { id: string }[]).map((i) => i.id);
  }, 120_000);
  afterAll(() => p.dispose());

  it('the performance section opens a January–July round with the tolerance in force (none by default)', async () => {
    const opened = await p.gql(
      OPEN,
      {
        input: {
          divisionCode: '429006',
          fiscalYear: 2024,
          name: '2024年1—7月绩效运行监控',
          throughMonth: 7,
          dueDate: '2024-08-10',
        },
      },
      performance,
    );
    expect(opened.errors).toBeUndefined();
    roundId = opened.data!.openMonitoringRound.id;
    expect(opened.data!.openMonitoringRound).toMatchObject({
      fiscalYear: 2024,
      throughMonth: 7,
      dueDate: '2024-08-10',
      executionTolerancePoints: 0,
      reported: 0,
      overdue: 0,
    });
    expect(opened.data!.openMonitoringRound.goals).toBeGreaterThanOrEqual(2);
    // the tolerance of the profile the division publishes for the year
    const published = await p.gql(
      'mutation($input: PublishRuleProfileInput!) { publishRuleProfile(input: $input) { executionTolerancePoints } }',
      {
        input: {
          divisionCode: '429006',
          fiscalYear: 2025,
          name: '天门市 2025 年规则',
          reason: '执行进度允许 5 个百分点的容差',
          executionTolerancePoints: 5,
        },
      },
      as('ADMIN'),
    );
    expect(published.data?.publishRuleProfile).toEqual({ executionTolerancePoints: 5 });
    const next = await p.gql(
      OPEN,
      {
        input: {
          divisionCode: '429006',
          fiscalYear: 2025,
          name: '2025年1—6月',
          throughMonth: 6,
          dueDate: '2025-07-15',
        },
      },
      performance,
    );
    expect(next.data?.openMonitoringRound.executionTolerancePoints).toBe(5);
    // a unit may not open one
    const refused = await p.gql(
      OPEN,
      { input: { divisionCode: '429006', fiscalYear: 2024, name: 'x', throughMonth: 7, dueDate: '2024-08-10' } },
      officer('A'),
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a unit previews the warnings as it types (nothing written), then files: the warnings computed with their numbers', async () => {
    const preview = await expectNoWrite(p, () => p.gql(PREVIEW, { input: reportOfA() }, officer('A')));
    expect(preview.errors).toBeUndefined();
    const warnings = preview.data!.previewMonitoringWarnings as {
      kind: string;
      indicatorId: string;
      figures: Figure[];
    }[];
    expect(warnings.map((w) => w.kind)).toEqual(['EXECUTION_BEHIND', 'FORECAST_MISSES_TARGET']);
    expect(figure(warnings[0]!.figures, 'executionRate')).toBe('50.00');
    expect(figure(warnings[0]!.figures, 'elapsedRate')).toBe('58.33');
    expect(warnings[1]).toMatchObject({ indicatorId: goalA.indicators[0]!.id });
    expect([figure(warnings[1]!.figures, 'targetValue'), figure(warnings[1]!.figures, 'forecast')]).toEqual([
      '12',
      '10',
    ]);

    const filed = await p.gql(FILE, { input: reportOfA() }, officer('A'));
    expect(filed.errors).toBeUndefined();
    const report = filed.data!.fileMonitoringReport;
    expect(report).toMatchObject({
      goalId: goalA.id,
      budget: '5000000.00',
      executed: '2500000.00',
      executionRate: '50.00',
      late: false,
    });
    expect(
      report.warnings.map((w: { kind: string; severity: string; corrected: boolean }) => [
        w.kind,
        w.severity,
        w.corrected,
      ]),
    ).toEqual([
      ['EXECUTION_BEHIND', 'WARNING', false],
      ['FORECAST_MISSES_TARGET', 'WARNING', false],
    ]);
  });

  it('bad input is refused with a bilingual error and writes nothing', async () => {
    // a goal that is not ISSUED (B's fixture goal is in review)
    const notIssued = await expectNoWrite(p, () =>
      p.gql(FILE, { input: { ...reportOfA(), goalId: f.goalIds.B } }, officer('B')),
    );
    const e1 = notIssued.errors?.[0];
    expect(e1?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(e1?.extensions?.issues.map((i: { path: string }) => i.path)).toContain('goalId');
    expect(e1?.extensions?.messageZh).toMatch(/已下达/);
    expect(e1?.extensions?.messageEn).toMatch(/issued/);
    // a forecast for an indicator the goal does not have
    const input = reportOfA();
    const bogus = { ...input.indicators[0]!, indicatorId: 'no-such-indicator' };
    const unknown = await expectNoWrite(p, () =>
      p.gql(FILE, { input: { ...input, goalId: goalB.id, indicators: [...input.indicators, bogus] } }, officer('B')),
    );
    const e2 = unknown.errors?.[0];
    expect(e2?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(e2?.extensions?.issues.map((i: { path: string }) => i.path)).toContain('indicators[4].indicatorId');
    expect(e2?.extensions?.messageZh).toMatch(/没有指标 no-such-indicator/);
    // another unit's goal: out of the unit's reach, as if there were none
    const other = await expectNoWrite(p, () =>
      p.gql(FILE, { input: { ...reportOfA(), goalId: goalB.id } }, officer('A')),
    );
    expect(other.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      messageZh: `绩效目标 ${goalB.id} 不存在或不在您的权限范围内`,
    });
    // filed twice
    const twice = await expectNoWrite(p, () => p.gql(FILE, { input: reportOfA() }, officer('A')));
    expect(twice.errors?.[0]?.extensions?.code).toBe('ILLEGAL_STATE');
  });

  it('past the due date the late unit gets its overdue warning exactly once; the unit sees it', async () => {
    const streamB = `monitoring-${roundId}-${goalB.id}`;
    const streamA = `monitoring-${roundId}-${goalA.id}`;
    expect(await p.store.readStream(streamB)).toEqual([]);
    clock = new Date('2024-08-10T16:00:00.000Z'); // midnight after 10 August, China time
    for (let i = 0; i < 200 && (await p.store.readStream(streamB)).length < 1; i++)
      await new Promise((r) => setTimeout(r, 50));
    // the scheduler and the reaction get time to run again: still one
    await new Promise((r) => setTimeout(r, 2500));
    expect(await p.caughtUp(10_000)).toBe(true);
    const events = await p.store.readStream(streamB);
    expect(events.map((e) => [e.type, (e.data as { kind: string }).kind])).toEqual([
      ['MonitoringWarningRaised', 'REPORT_OVERDUE'],
    ]);
    expect(events[0]!.data).toMatchObject({
      unitId: f.unitIds.B,
      goalId: goalB.id,
      figures: { dueDate: '2024-08-10' },
    });
    expect((await p.store.readStream(`monitoringround-${roundId}`)).map((e) => e.type)).toEqual([
      'MonitoringRoundOpened',
      'MonitoringRoundDuePassed',
    ]);
    const rounds = await p.gql(
      '{ monitoringRounds(fiscalYear: 2024) { id duePassed overdue } }',
      undefined,
      performance,
    );
    expect(rounds.data!.monitoringRounds.find((r: { id: string }) => r.id === roundId)).toMatchObject({
      duePassed: true,
      overdue: 1,
    });
    // A reported in time: no overdue warning
    expect((await p.store.readStream(streamA)).map((e) => e.type)).toEqual([
      'MonitoringReportFiled',
      'MonitoringWarningRaised',
      'MonitoringWarningRaised',
    ]);

    const seen = await p.gql(WARNINGS, { filter: { kind: 'REPORT_OVERDUE' } }, officer('B'));
    expect(seen.errors).toBeUndefined();
    const nodes = seen.data!.monitoringWarnings.nodes as { unitId: string; goalId: string }[];
    expect(nodes.map((n) => n.goalId)).toContain(goalB.id);
    expect(new Set(nodes.map((n) => n.unitId))).toEqual(new Set([f.unitIds.B]));
    // A's officer sees none of B's
    const ofA = await p.gql(WARNINGS, {}, officer('A'));
    expect(new Set((ofA.data!.monitoringWarnings.nodes as { unitId: string }[]).map((n) => n.unitId))).toEqual(
      new Set([f.unitIds.A]),
    );

    const progress = await p.gql(PROGRESS, { id: roundId }, performance);
    expect(progress.errors).toBeUndefined();
    const units = progress.data!.monitoringRoundProgress.units as {
      unitId: string;
      reported: number;
      overdue: number;
      unreportedGoalIds: string[];
    }[];
    expect(units.find((u) => u.unitId === f.unitIds.A)).toMatchObject({ reported: 1, overdue: 0 });
    const b = units.find((u) => u.unitId === f.unitIds.B)!;
    expect(b).toMatchObject({ reported: 0, overdue: 1 });
    expect(b.unreportedGoalIds).toContain(goalB.id);

    // B files after the due date: late, its overdue warning stands
    const input = reportOfA();
    const late = await p.gql(
      FILE,
      {
        input: {
          roundId,
          goalId: goalB.id,
          executed: '3000000.00',
          indicators: input.indicators.map((i, n) => ({
            ...i,
            indicatorId: goalBIndicators[n]!,
            likelihood: 'ON_TRACK',
            forecast: n === 0 ? 12 : i.forecast,
            deviationCause: null,
          })),
        },
      },
      officer('B'),
    );
    expect(late.errors).toBeUndefined();
    expect(late.data!.fileMonitoringReport).toMatchObject({ late: true, executionRate: '60.00' });
    expect(late.data!.fileMonitoringReport.warnings.map((w: { kind: string }) => w.kind)).toEqual(['REPORT_OVERDUE']);
  });

  it('the bureau stops funding on a warning, with its reason, then lifts it; the warning shows it corrected', async () => {
    const all = await p.gql(WARNINGS, { filter: { roundId, kind: 'EXECUTION_BEHIND' } }, performance);
    const warning = (all.data!.monitoringWarnings.nodes as { id: string; goalId: string }[]).find(
      (w) => w.goalId === goalA.id,
    )!;
    const noReason = await expectNoWrite(p, () =>
      p.gql(DECIDE, { input: { warningId: warning.id, kind: 'STOP_FUNDING', reason: ' ' } }, performance),
    );
    expect(noReason.errors?.[0]?.extensions?.issues.map((i: { path: string }) => i.path)).toEqual(['reason']);
    const stop = await p.gql(
      DECIDE,
      { input: { warningId: warning.id, kind: 'STOP_FUNDING', reason: '执行进度严重滞后，暂停拨款' } },
      performance,
    );
    expect(stop.errors).toBeUndefined();
    expect(stop.data!.decideMonitoringCorrection).toMatchObject({
      kind: 'STOP_FUNDING',
      lifted: false,
      warningId: warning.id,
      carriedOut: true,
    });
    const unitMayNot = await p.gql(
      DECIDE,
      { input: { warningId: warning.id, kind: 'ADJUST_GOAL', reason: 'x' } },
      officer('A'),
    );
    expect(unitMayNot.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const correctionId = stop.data!.decideMonitoringCorrection.id;
    const lifted = await p.gql(LIFT, { input: { correctionId, reason: '单位已整改，恢复拨款' } }, performance);
    expect(lifted.errors).toBeUndefined();
    expect(lifted.data!.liftFundingStop).toEqual({
      id: correctionId,
      lifted: true,
      liftReason: '单位已整改，恢复拨款',
    });
    const again = await expectNoWrite(p, () =>
      p.gql(LIFT, { input: { correctionId, reason: '再次解除' } }, performance),
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('ILLEGAL_STATE');

    const history = await p.gql(
      `query($id: ID!) { goalMonitoringHistory(goalId: $id) { round { id } report { late } warnings { kind corrected corrections { kind lifted } } } }`,
      { id: goalA.id },
      officer('A'),
    );
    expect(history.errors).toBeUndefined();
    expect(history.data!.goalMonitoringHistory).toEqual([
      {
        round: { id: roundId },
        report: { late: false },
        warnings: [
          { kind: 'EXECUTION_BEHIND', corrected: true, corrections: [{ kind: 'STOP_FUNDING', lifted: true }] },
          { kind: 'FORECAST_MISSES_TARGET', corrected: false, corrections: [] },
        ],
      },
    ]);
  });
});

describe('a correction adjusting the goal (调整目标) is carried out through planning’s budget adjustment', () => {
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  let f: Awaited<ReturnType<typeof seedFixture>>;
  beforeAll(async () => {
    p = await startTestPlatform({ clock: () => new Date('2024-08-05T02:00:00.000Z') });
    f = await seedFixture(p);
  }, 120_000);
  afterAll(() => p.dispose());

  it('shows the decision not carried out until a GoalAdjusted of the goal follows, then with its reference', async () => {
    const goal = await f.issuedGoal('A');
    const input = {
      divisionCode: '429006',
      fiscalYear: 2024,
      name: '2024年1—7月',
      throughMonth: 7,
      dueDate: '2024-08-10',
    };
    const roundId = (await p.gql(OPEN, { input }, performance)).data!.openMonitoringRound.id;
    const filed = await p.gql(
      FILE,
      {
        input: {
          roundId,
          goalId: goal.id,
          executed: '3000000.00',
          indicators: goal.indicators.map((i, n) => ({
            indicatorId: i.id,
            valueSoFar: n === 2 ? null : 5,
            forecast: n === 2 ? null : n === 0 ? 9 : 100,
            likelihood: n === 0 ? 'AT_RISK' : 'ON_TRACK',
            deviationCause: n === 0 ? '部分学校并入新建校区' : null,
          })),
        },
      },
      as('BUDGET_UNIT', f.unitIds.A),
    );
    expect(filed.errors).toBeUndefined();
    const warning = filed.data!.fileMonitoringReport.warnings[0];
    expect(warning.kind).toBe('FORECAST_MISSES_TARGET');
    const decided = await p.gql(
      DECIDE,
      { input: { warningId: warning.id, kind: 'ADJUST_GOAL', reason: '目标值偏高，随预算调整下调为 9 所' } },
      performance,
    );
    expect(decided.data!.decideMonitoringCorrection).toMatchObject({ kind: 'ADJUST_GOAL', carriedOut: false });
    const CORRECTIONS = `query($f: MonitoringWarningFilter) { monitoringWarnings(filter: $f) { nodes { id corrections { kind carriedOut budgetAdjustmentRef } } } }`;

    const adjusted = await p.gql(
      'mutation($input: AdjustGoalInput!) { adjustGoal(input: $input) { id } }',
      {
        input: {
          goalId: goal.id,
          budgetAdjustmentRef: '天财预调〔2024〕3号',
          reason: '根据绩效监控纠偏决定下调目标',
          amount: '5000000.00',
          indicators: goalInput('').indicators.map((i, n) => (n === 0 ? { ...i, targetValue: 9 } : i)),
        },
      },
      performance,
    );
    expect(adjusted.errors).toBeUndefined();
    const after = await p.gql(CORRECTIONS, { f: { roundId, kind: 'FORECAST_MISSES_TARGET' } }, performance);
    expect(after.data!.monitoringWarnings.nodes).toEqual([
      {
        id: warning.id,
        corrections: [{ kind: 'ADJUST_GOAL', carriedOut: true, budgetAdjustmentRef: '天财预调〔2024〕3号' }],
      },
    ]);
  });
});
