import { POLICY } from '@jixiao/contexts';
import type { Fixture, UnitKey } from './fixture';
import { as, type GqlResult, type TestPlatform } from './platform';
import type { Probe, RoleCaller } from './probes';

const NONE = '00000000-0000-4000-8000-000000000000';
const allowed = (operation: string, c: RoleCaller) => POLICY[operation]?.[c.role] !== undefined;
const performance = as('PERFORMANCE_SECTION', null, 'fixture.performance');
const officerOf = (f: Fixture, u: UnitKey) => as('BUDGET_UNIT', f.unitIds[u], `fixture.officer.${u.toLowerCase()}`);

async function must(
  p: TestPlatform,
  query: string,
  variables: Record<string, unknown>,
  caller: Parameters<TestPlatform['gql']>[2],
) {
  const r = await p.gql(query, variables, caller);
  if (r.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(r.errors)}`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response shapes vary per operation
  return Object.values(r.data ?? {})[0] as any;
}

const OPEN = `mutation($input: OpenMonitoringRoundInput!) { openMonitoringRound(input: $input) { id } }`;
const FILE = `mutation($input: FileMonitoringReportInput!) { fileMonitoringReport(input: $input) { goalId warnings { id } } }`;
const DECIDE = `mutation($input: DecideMonitoringCorrectionInput!) { decideMonitoringCorrection(input: $input) { id } }`;
/** A round of 2024 due far ahead: its overdue deadline does not pass while the matrix runs. */
const roundInput = {
  divisionCode: '429006',
  fiscalYear: 2024,
  name: '2024年1—7月绩效运行监控（权限矩阵）',
  throughMonth: 7,
  dueDate: '2099-12-31',
};

/** A report of an issued goal: nothing executed (behind 7/12: one warning), every indicator on track. */
async function reportInput(p: TestPlatform, roundId: string, goalId: string) {
  const goal = await must(
    p,
    'query($id: ID!) { goal(id: $id) { indicators { id operator targetValue } } }',
    { id: goalId },
    performance,
  );
  return {
    roundId,
    goalId,
    executed: '0.00',
    indicators: (goal.indicators as { id: string; operator: string; targetValue: number | null }[]).map((i) => ({
      indicatorId: i.id,
      valueSoFar: i.operator === 'QUALITATIVE' ? null : 0,
      forecast: i.operator === 'QUALITATIVE' ? null : i.targetValue,
      likelihood: 'ON_TRACK',
      deviationCause: null,
    })),
  };
}

interface Standing {
  roundId: string;
  /** Per unit: an issued goal reported in the round, and its warning. */
  reports: Map<UnitKey, Promise<{ goalId: string; warningId: string }>>;
}

/** The round and one report per unit, made once per fixture (the first time a role that may use them asks). */
const standing = new WeakMap<Fixture, Promise<Standing>>();
function standingOf(p: TestPlatform, f: Fixture): Promise<Standing> {
  if (!standing.has(f)) {
    standing.set(
      f,
      must(p, OPEN, { input: roundInput }, performance).then((r) => ({ roundId: r.id as string, reports: new Map() })),
    );
  }
  return standing.get(f)!;
}
async function reportOf(p: TestPlatform, f: Fixture, u: UnitKey) {
  const s = await standingOf(p, f);
  if (!s.reports.has(u)) {
    s.reports.set(
      u,
      (async () => {
        const goal = await f.issuedGoal(u);
        const filed = await must(p, FILE, { input: await reportInput(p, s.roundId, goal.id) }, officerOf(f, u));
        return { goalId: goal.id, warningId: filed.warnings[0].id as string };
      })(),
    );
  }
  return s.reports.get(u)!;
}

const notListed = (r: GqlResult<unknown>): GqlResult<unknown> => ({
  ...r,
  errors: [{ message: 'not listed', extensions: { code: 'NOT_LISTED' } }],
});

/** `ok` when the answer names a row of the target unit, NOT_LISTED otherwise. */
async function listed(
  p: TestPlatform,
  f: Fixture,
  c: RoleCaller,
  u: UnitKey,
  query: string,
  variables: Record<string, unknown>,
  unitIdsOf: (data: never) => string[],
) {
  const r = await p.gql<never>(query, variables, c);
  if (r.errors) return r;
  return unitIdsOf(r.data!).includes(f.unitIds[u]) ? r : notListed(r);
}

/** The probes of monitoring's operations (see PROBES): each on the target unit's goals, reports and warnings. */
export const MONITORING_PROBES: Record<string, Probe> = {
  'Mutation.openMonitoringRound': (p, _f, c) =>
    p.gql(OPEN, { input: { ...roundInput, name: `${roundInput.name} ${c.role}` } }, c),
  'Mutation.fileMonitoringReport': async (p, f, c, u) => {
    if (!allowed('Mutation.fileMonitoringReport', c)) {
      return p.gql(FILE, { input: { roundId: NONE, goalId: NONE, executed: '0.00', indicators: [] } }, c);
    }
    const { roundId } = await standingOf(p, f);
    const goal = await f.issuedGoal(u);
    return p.gql(FILE, { input: await reportInput(p, roundId, goal.id) }, c);
  },
  'Query.previewMonitoringWarnings': async (p, f, c, u) => {
    const query = `query($input: FileMonitoringReportInput!) { previewMonitoringWarnings(input: $input) { kind } }`;
    if (!allowed('Query.previewMonitoringWarnings', c)) {
      return p.gql(query, { input: { roundId: NONE, goalId: NONE, executed: '0.00', indicators: [] } }, c);
    }
    const { roundId } = await standingOf(p, f);
    const { goalId } = await reportOf(p, f, u);
    return p.gql(query, { input: await reportInput(p, roundId, goalId) }, c);
  },
  'Mutation.decideMonitoringCorrection': async (p, f, c, u) => {
    const warningId = allowed('Mutation.decideMonitoringCorrection', c) ? (await reportOf(p, f, u)).warningId : NONE;
    return p.gql(DECIDE, { input: { warningId, kind: 'ADJUST_GOAL', reason: '目标值偏高，随预算调整下调' } }, c);
  },
  'Mutation.liftFundingStop': async (p, f, c, u) => {
    let correctionId = NONE;
    if (allowed('Mutation.liftFundingStop', c)) {
      const { warningId } = await reportOf(p, f, u);
      correctionId = (
        await must(p, DECIDE, { input: { warningId, kind: 'STOP_FUNDING', reason: '暂停拨款' } }, performance)
      ).id;
    }
    return p.gql(
      `mutation($input: LiftFundingStopInput!) { liftFundingStop(input: $input) { id } }`,
      { input: { correctionId, reason: '已整改' } },
      c,
    );
  },
  // the rounds are no unit's rows: listed for whoever may read them
  'Query.monitoringRounds': async (p, f, c) => {
    const roundId = allowed('Query.monitoringRounds', c) ? (await standingOf(p, f)).roundId : NONE;
    const r = await p.gql<{ monitoringRounds: { id: string }[] }>(
      '{ monitoringRounds(fiscalYear: 2024) { id } }',
      undefined,
      c,
    );
    if (r.errors) return r;
    return r.data!.monitoringRounds.some((round) => round.id === roundId) ? r : notListed(r);
  },
  'Query.monitoringRoundProgress': async (p, f, c, u) => {
    const may = allowed('Query.monitoringRoundProgress', c);
    if (may) await reportOf(p, f, u);
    const roundId = may ? (await standingOf(p, f)).roundId : NONE;
    return listed(
      p,
      f,
      c,
      u,
      'query($id: ID!) { monitoringRoundProgress(roundId: $id) { units { unitId reported } } }',
      { id: roundId },
      (d: { monitoringRoundProgress: { units: { unitId: string; reported: number }[] } }) =>
        d.monitoringRoundProgress.units.filter((x) => x.reported > 0).map((x) => x.unitId),
    );
  },
  'Query.monitoringWarnings': async (p, f, c, u) => {
    const may = allowed('Query.monitoringWarnings', c);
    if (may) await reportOf(p, f, u);
    const roundId = may ? (await standingOf(p, f)).roundId : NONE;
    return listed(
      p,
      f,
      c,
      u,
      'query($filter: MonitoringWarningFilter) { monitoringWarnings(filter: $filter, page: { first: 200 }) { nodes { unitId } } }',
      { filter: { roundId } },
      (d: { monitoringWarnings: { nodes: { unitId: string }[] } }) => d.monitoringWarnings.nodes.map((n) => n.unitId),
    );
  },
  'Query.goalMonitoringHistory': async (p, f, c, u) => {
    const goalId = allowed('Query.goalMonitoringHistory', c) ? (await reportOf(p, f, u)).goalId : NONE;
    return p.gql('query($id: ID!) { goalMonitoringHistory(goalId: $id) { round { id } } }', { id: goalId }, c);
  },
};
