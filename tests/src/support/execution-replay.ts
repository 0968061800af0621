/* Runs inside jest: `expect` is jest's global. */
import { executionContext } from '@jixiao/execution';
import type { ReadModelDatabase } from '@jixiao/infra';
import { expectReplayGivesSameRows, type Question } from './context-replay';
import { seedFixture } from './fixture';
import { as, type TestPlatform } from './platform';

const performance = as('PERFORMANCE_SECTION', null, 'replay.performance');

const FIGURES = `{ disbursementFigures(fiscalYear: 2023) {
  total { requests amount cleared clearedAmount held heldAmount waiting documentsReceived allocated executed executionRate }
  byUnit { unitId requests amount clearedAmount allocated executed executionRate } byMonth { month requests amount } } }`;
const QUEUE = `{ disbursementQueue(page: { first: 500 }) { totalCount nodes { daysWaiting request { id status submission } } } }`;
const ROUND = 'id fiscalYear throughMonth dueDate duePassed goals reported late overdue warnings';
const ROUNDS = `{ y2023: monitoringRounds(fiscalYear: 2023) { ${ROUND} } y2024: monitoringRounds(fiscalYear: 2024) { ${ROUND} } }`;
const WARNINGS = `{ monitoringWarnings(page: { first: 500 }) { totalCount
  nodes { id kind severity unitId goalId indicatorId figures { name value } corrected corrections { kind lifted } } } }`;
const HISTORY = `query($id: ID!) { goalMonitoringHistory(goalId: $id) {
  round { id } report { executed executionRate late } warnings { kind corrected corrections { kind lifted } } } }`;

/** What the section reads of the execution context: the year's figures, the queue, the rounds, the warnings, a goal's history. */
const executionQuestions = (goalId: string): Question[] => [
  ['figures', FIGURES, undefined, performance],
  ['queue', QUEUE, undefined, performance],
  ['rounds', ROUNDS, undefined, performance],
  ['warnings', WARNINGS, undefined, performance],
  ['history', HISTORY, { id: goalId }, performance],
];

/**
 * On top of the demo year (its disbursement requests, its January–July round with reports, warnings
 * and corrections), a 2024 round walked through the gateway: a report that raises warnings, a stop-funding
 * correction on one, lifted, and a recovery on another — so every execution read model has rows.
 */
async function walkMonitoring(p: TestPlatform) {
  const f = await seedFixture(p, '97');
  const goal = await f.issuedWithBudget('A');
  const must = async (query: string, variables: Record<string, unknown>, caller = performance) => {
    const r = await p.gql(query, variables, caller);
    expect(r.errors).toBeUndefined();
    return Object.values(r.data!)[0] as Record<string, unknown> & { id: string };
  };
  const round = await must(
    `mutation($input: OpenMonitoringRoundInput!) { openMonitoringRound(input: $input) { id } }`,
    {
      input: {
        divisionCode: '429006',
        fiscalYear: 2024,
        name: '2024年1—7月绩效运行监控',
        throughMonth: 7,
        dueDate: '2024-08-10',
      },
    },
  );
  // 2,400,000.00 of 4,800,000.00 executed (50 % < 7/12) and the first indicator forecast short of its target
  const report = await must(
    `mutation($input: FileMonitoringReportInput!) { fileMonitoringReport(input: $input) { warnings { id kind } } }`,
    {
      input: {
        roundId: round.id,
        goalId: goal.id,
        executed: '2400000.00',
        indicators: goal.indicators.map((i, n) => ({
          indicatorId: i.id,
          valueSoFar: n === 2 ? null : n === 0 ? 6 : 95,
          forecast: n === 2 ? null : n === 0 ? 10 : 100,
          likelihood: n === 0 ? 'AT_RISK' : 'ON_TRACK',
          deviationCause: n === 0 ? '两所学校征地延迟' : null,
        })),
      },
    },
    as('BUDGET_UNIT', f.unitIds.A, 'replay.officer'),
  );
  const warnings = report['warnings'] as { id: string; kind: string }[];
  expect(warnings.map((w) => w.kind)).toEqual(['EXECUTION_BEHIND', 'FORECAST_MISSES_TARGET']);
  const DECIDE = `mutation($input: DecideMonitoringCorrectionInput!) { decideMonitoringCorrection(input: $input) { id } }`;
  const stop = await must(DECIDE, {
    input: { warningId: warnings[0]!.id, kind: 'STOP_FUNDING', reason: '执行进度滞后，暂停拨款' },
  });
  await must(`mutation($input: LiftFundingStopInput!) { liftFundingStop(input: $input) { id } }`, {
    input: { correctionId: stop.id, reason: '单位已整改，恢复拨款' },
  });
  await must(DECIDE, { input: { warningId: warnings[1]!.id, kind: 'ADJUST_GOAL', reason: '按实际进度调整目标' } });
  return goal.id;
}

/**
 * Replay equivalence of the execution context's read models: the demo year and a walked monitoring
 * round (context-replay.ts), with the demo year's disbursement requests in every state.
 */
export async function expectExecutionReplayGivesSameRows(storage?: ReadModelDatabase) {
  await expectReplayGivesSameRows(
    {
      context: executionContext,
      // a fixed clock before the walked round's due date: the deadline scheduler raises nothing for it
      clock: () => new Date('2024-08-05T02:00:00.000Z'),
      walk: walkMonitoring,
      questions: executionQuestions,
      check: (rows) => {
        const statuses = new Set((rows['rm_disbursement_request'] as { status: string }[]).map((r) => r.status));
        expect(statuses).toEqual(new Set(['REQUESTED', 'CLEARED', 'HELD']));
      },
    },
    storage,
  );
}
