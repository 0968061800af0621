/* Runs inside jest: `expect` is jest's global. */
import { executionContext } from '@jixiao/execution';
import { openReadModels, rebuildReadModels, type ReadModelDatabase } from '@jixiao/infra';
import { ProjectionStreamSchema } from '@jixiao/projections';
import type { EntitySchema, MikroORM } from '@mikro-orm/core';
import { rmSync } from 'node:fs';
import { seedFixture } from './fixture';
import { as, startTestPlatform, type TestPlatform } from './platform';

const performance = as('PERFORMANCE_SECTION', null, 'replay.performance');

/** The execution read models' tables and the projections that keep them (every execution projection). */
const PROJECTIONS = executionContext.projections;
const ENTITIES: EntitySchema[] = PROJECTIONS.flatMap((p) => p.entities);
export const EXECUTION_TABLES = ENTITIES.map((e) => e.meta.tableName);

const canonical = (row: unknown) =>
  JSON.stringify(row, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v instanceof Date ? v.toISOString() : v));

/** Every execution read model row for row (in a stable order), and the execution projections' stream records. */
export async function executionRows(orm: MikroORM): Promise<Record<string, unknown[]>> {
  const em = orm.em.fork();
  const dump: Record<string, unknown[]> = {};
  for (const entity of ENTITIES) {
    const rows = await em.find(entity, {}, { disableIdentityMap: true });
    dump[entity.meta.tableName] = rows
      .map((r) => JSON.parse(canonical({ ...(r as object) })) as unknown)
      .sort((a, b) => canonical(a).localeCompare(canonical(b)));
  }
  const records = await em.find(
    ProjectionStreamSchema,
    { projection: { $in: PROJECTIONS.map((p) => p.name) } },
    { orderBy: { projection: 'asc', streamId: 'asc' }, disableIdentityMap: true },
  );
  dump['rm_projection_stream (execution)'] = records.map((r) => JSON.parse(canonical({ ...r })) as unknown);
  return dump;
}

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
async function executionAnswers(p: Pick<TestPlatform, 'gql'>, goalId: string) {
  const answers: Record<string, unknown> = {};
  for (const [name, query, variables] of [
    ['figures', FIGURES, undefined],
    ['queue', QUEUE, undefined],
    ['rounds', ROUNDS, undefined],
    ['warnings', WARNINGS, undefined],
    ['history', HISTORY, { id: goalId }],
  ] as const) {
    const r = await p.gql(query, variables, performance);
    expect({ name, errors: r.errors }).toEqual({ name, errors: undefined });
    answers[name] = r.data;
  }
  return answers;
}

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

/** Waits until no process appends any more (the deadline scheduler and the reactions are done), then until the read models caught up. */
async function settled(p: TestPlatform) {
  let count = -1;
  for (;;) {
    const now = (await p.allEvents()).length;
    if (now === count) break;
    count = now;
    await new Promise((r) => setTimeout(r, 1500));
  }
  expect(await p.caughtUp(60_000)).toBe(true);
  return count;
}

/**
 * Replay equivalence of the execution context's read models: the demo year and a walked monitoring
 * round, every execution read model dumped row for row and the section's answers, then the read
 * models emptied and rebuilt from the event store — the same rows, the same answers, nothing appended.
 */
export async function expectExecutionReplayGivesSameRows(storage?: ReadModelDatabase) {
  // a fixed clock before the walked round's due date: the deadline scheduler raises nothing for it
  const clock = () => new Date('2024-08-05T02:00:00.000Z');
  const first = await startTestPlatform({ seed: 'demo', clock, ...(storage ? { storage } : {}) });
  let firstOpen = true;
  let second: Awaited<ReturnType<typeof startTestPlatform>> | undefined;
  try {
    // the demo year alone holds rows in every execution read model (its generator steps)
    expect(await first.caughtUp(60_000)).toBe(true);
    const demo = await executionRows(first.orm);
    expect(Object.entries(demo).filter(([, rows]) => rows.length === 0)).toEqual([]);
    const goalId = await walkMonitoring(first);
    const events = await settled(first);
    const before = await executionRows(first.orm);
    // every execution read model has rows (a failure names the empty ones)
    expect(Object.entries(before).filter(([, rows]) => rows.length === 0)).toEqual([]);
    // the demo year holds disbursement requests in every state
    const statuses = new Set((before['rm_disbursement_request'] as { status: string }[]).map((r) => r.status));
    expect(statuses).toEqual(new Set(['REQUESTED', 'CLEARED', 'HELD']));
    const answers = await executionAnswers(first, goalId);
    firstOpen = false;
    await first.dispose({ keepData: true });

    const orm = await openReadModels(first.storage);
    await rebuildReadModels(orm);
    expect(Object.values(await executionRows(orm)).every((rows) => rows.length === 0)).toBe(true);
    await orm.close();

    second = await startTestPlatform({ dir: first.dir, storage: first.storage, clock });
    expect(await settled(second)).toBe(events);
    expect(await executionRows(second.orm)).toEqual(before);
    expect(await executionAnswers(second, goalId)).toEqual(answers);
  } finally {
    if (second) await second.dispose();
    else if (firstOpen) await first.dispose();
    else rmSync(first.dir, { recursive: true, force: true });
  }
}
