import { createHash } from 'node:crypto';
import { POLICY } from '@jixiao/contexts';
import type { Fixture, UnitKey } from './fixture';
import { as, type GqlResult, type TestPlatform } from './platform';
import type { Probe, RoleCaller } from './probes';

const NONE = '00000000-0000-4000-8000-000000000000';
const allowed = (operation: string, c: RoleCaller) => POLICY[operation]?.[c.role] !== undefined;
const performance = as('PERFORMANCE_SECTION', null, 'fixture.performance');
const officerOf = (f: Fixture, u: UnitKey) => as('BUDGET_UNIT', f.unitIds[u], `fixture.officer.${u.toLowerCase()}`);
const departmentOf = (f: Fixture) => as('DEPARTMENT', f.unitIds.A, 'fixture.department.a');

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

const ISSUE = `mutation($input: IssueEvaluationNoticeInput!) { issueEvaluationNotice(input: $input) { fiscalYear } }`;
const SUBMIT = `mutation($input: SubmitSelfEvaluationInput!) { submitSelfEvaluation(input: $input) { id status } }`;
const REVIEW = `mutation($input: SelfEvaluationDecisionInput!) { reviewSelfEvaluation(input: $input) { id } }`;
const DECIDE = `mutation($input: SelfEvaluationDecisionInput!) { decideSpotCheck(input: $input) { id } }`;
const DRAW = `mutation($input: DrawSpotCheckInput!) { drawSpotCheck(input: $input) { draw { drawnUnitIds } } }`;
const LIST = `query($filter: SelfEvaluationFilter!) { selfEvaluations(filter: $filter, page: { first: 200 }) {
  nodes { id unitId object } } }`;
/** Notices of the matrix are due far ahead: no due date passes while it runs. */
const DUE = '2099-12-31';
/** The standing notice's year; each fresh notice takes a year of its own after it. */
const STANDING_YEAR = 2024;
let years = 2040;

/** A unit's overall expenditure, stated by the unit: three indicators, all met. */
const overallSheet = (evaluationId: string) => ({
  evaluationId,
  budget: '1000000.00',
  executed: '1000000.00',
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
    { indicatorId: 'k2', name: '社会效益', level1: 'BENEFIT', operator: '>=', target: 90, points: 30, actual: 95 },
    { indicatorId: 'k3', name: '满意度', level1: 'SATISFACTION', operator: '>=', target: 90, points: 20, actual: 95 },
  ],
});

/** Issues the notice of `fiscalYear` and answers each unit's overall-expenditure evaluation id. */
async function notice(p: TestPlatform, fiscalYear: number): Promise<Map<string, string>> {
  await must(p, ISSUE, { input: { divisionCode: '429006', fiscalYear, dueDate: DUE } }, performance);
  const list = await must(p, LIST, { filter: { fiscalYear } }, performance);
  const overall = (list.nodes as { id: string; unitId: string; object: string }[]).filter(
    (n) => n.object === 'DEPT_OVERALL',
  );
  return new Map(overall.map((n) => [n.unitId, n.id]));
}

/** The standing notice of the fixture (made once, the first time a role that may use it asks). */
const standing = new WeakMap<Fixture, Promise<Map<string, string>>>();
function standingOf(p: TestPlatform, f: Fixture) {
  if (!standing.has(f)) standing.set(f, notice(p, STANDING_YEAR));
  return standing.get(f)!;
}

/** A fresh notice's evaluation of the unit's overall expenditure, submitted by the unit (and reviewed, if it has a department). */
async function submittedOverall(p: TestPlatform, f: Fixture, u: UnitKey, review: boolean) {
  const fiscalYear = ++years;
  const ids = await notice(p, fiscalYear);
  const evaluationId = ids.get(f.unitIds[u])!;
  await must(p, SUBMIT, { input: overallSheet(evaluationId) }, officerOf(f, u));
  if (review && u === 'A1') {
    await must(p, REVIEW, { input: { evaluationId, decision: 'ACCEPT' } }, departmentOf(f));
  }
  return { fiscalYear, evaluationId, pool: [...ids.keys()] };
}

/** The units of the pool by sha256(seed + ':' + unitId), as the draw orders them. */
const firstDrawn = (seed: string, pool: string[]) =>
  [...pool].sort((a, b) => {
    const key = (id: string) => createHash('sha256').update(`${seed}:${id}`).digest('hex');
    return key(a) < key(b) ? -1 : 1;
  })[0];

/** A fresh evaluation of the unit, reviewed and drawn for the spot check: what the bureau decides on. */
async function drawnOverall(p: TestPlatform, f: Fixture, u: UnitKey) {
  const { fiscalYear, evaluationId, pool } = await submittedOverall(p, f, u, true);
  const seed = Array.from({ length: 200 }, (_, i) => `matrix-${i}`).find((s) => firstDrawn(s, pool) === f.unitIds[u])!;
  const input = { commandId: `matrix-draw-${fiscalYear}`, divisionCode: '429006', fiscalYear, seed };
  let drawn = await p.gql(DRAW, { input }, performance);
  // the draw's reaction may hold the read models back past the mutation's wait: retry with the same command id
  for (let i = 0; i < 3 && drawn.errors?.[0]?.extensions?.code === 'NOT_YET_VISIBLE'; i++) {
    drawn = await p.gql(DRAW, { input }, performance);
  }
  if (drawn.errors) throw new Error(`drawSpotCheck: ${JSON.stringify(drawn.errors)}`);
  const stream = `selfevaluation-${evaluationId}`;
  for (let i = 0; i < 200; i++) {
    if ((await p.store.readStream(stream)).some((e) => e.type === 'SelfEvaluationDrawNoted')) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await p.caughtUp(10_000);
  return evaluationId;
}

const notListed = (r: GqlResult<unknown>): GqlResult<unknown> => ({
  ...r,
  errors: [{ message: 'not listed', extensions: { code: 'NOT_LISTED' } }],
});

/** The probes of self-evaluation's operations (see PROBES): each on the target unit's evaluations. */
export const SELF_EVALUATION_PROBES: Record<string, Probe> = {
  'Mutation.issueEvaluationNotice': (p, _f, c) => {
    const fiscalYear = allowed('Mutation.issueEvaluationNotice', c) ? ++years : STANDING_YEAR;
    return p.gql(ISSUE, { input: { divisionCode: '429006', fiscalYear, dueDate: DUE } }, c);
  },
  'Mutation.submitSelfEvaluation': async (p, f, c, u) => {
    const id = allowed('Mutation.submitSelfEvaluation', c) ? (await notice(p, ++years)).get(f.unitIds[u])! : NONE;
    return p.gql(SUBMIT, { input: overallSheet(id) }, c);
  },
  'Query.previewSelfEvaluationScore': async (p, f, c, u) => {
    const id = allowed('Query.previewSelfEvaluationScore', c) ? (await standingOf(p, f)).get(f.unitIds[u])! : NONE;
    return p.gql(
      `query($input: SubmitSelfEvaluationInput!) { previewSelfEvaluationScore(input: $input) { total } }`,
      { input: overallSheet(id) },
      c,
    );
  },
  'Mutation.reviewSelfEvaluation': async (p, f, c, u) => {
    const id = allowed('Mutation.reviewSelfEvaluation', c)
      ? (await submittedOverall(p, f, u, false)).evaluationId
      : NONE;
    return p.gql(REVIEW, { input: { evaluationId: id, decision: 'ACCEPT' } }, c);
  },
  'Mutation.drawSpotCheck': async (p, _f, c) => {
    const may = allowed('Mutation.drawSpotCheck', c);
    const fiscalYear = may ? ++years : STANDING_YEAR;
    if (may) await must(p, ISSUE, { input: { divisionCode: '429006', fiscalYear, dueDate: DUE } }, performance);
    const input = { commandId: `matrix-draw-${fiscalYear}-${c.role}`, divisionCode: '429006', fiscalYear };
    let r = await p.gql(DRAW, { input }, c);
    for (let i = 0; i < 3 && r.errors?.[0]?.extensions?.code === 'NOT_YET_VISIBLE'; i++)
      r = await p.gql(DRAW, { input }, c);
    return r;
  },
  'Mutation.decideSpotCheck': async (p, f, c, u) => {
    const id = allowed('Mutation.decideSpotCheck', c) ? await drawnOverall(p, f, u) : NONE;
    return p.gql(DECIDE, { input: { evaluationId: id, decision: 'ACCEPT' } }, c);
  },
  'Query.selfEvaluations': async (p, f, c, u) => {
    if (allowed('Query.selfEvaluations', c)) await standingOf(p, f);
    const r = await p.gql<{ selfEvaluations: { nodes: { unitId: string }[] } }>(
      LIST,
      { filter: { fiscalYear: STANDING_YEAR } },
      c,
    );
    if (r.errors) return r;
    return r.data!.selfEvaluations.nodes.some((n) => n.unitId === f.unitIds[u]) ? r : notListed(r);
  },
  'Query.selfEvaluation': async (p, f, c, u) => {
    const id = allowed('Query.selfEvaluation', c) ? (await standingOf(p, f)).get(f.unitIds[u])! : NONE;
    return p.gql('query($id: ID!) { selfEvaluation(id: $id) { id status } }', { id }, c);
  },
  // the notice is no unit's row: answered to whoever may read it
  'Query.evaluationNotice': async (p, f, c) => {
    if (allowed('Query.evaluationNotice', c)) await standingOf(p, f);
    const r = await p.gql<{ evaluationNotice: { fiscalYear: number } | null }>(
      `{ evaluationNotice(fiscalYear: ${STANDING_YEAR}, divisionCode: "429006") { fiscalYear } }`,
      undefined,
      c,
    );
    if (r.errors) return r;
    return r.data!.evaluationNotice ? r : notListed(r);
  },
};
