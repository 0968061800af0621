import { ASSERTION_HEADER, signAssertion, type Role } from '@jixiao/service-kit';
import type { Fixture, UnitKey } from './fixture';
import {
  goalInput,
  REGISTER_UNIT,
  REVISE_INDICATOR,
  SUBMIT_GOAL,
  validIndicators,
  type GqlResult,
  type TestPlatform,
} from './platform';

/** A caller with a role (not a raw token). */
export type RoleCaller = { role: Role; unitId?: string | null; userId?: string };

/** What one call did: succeeded, or the error code it got. */
export type Outcome = 'ok' | string;

/** Runs an operation on one target unit's row as `caller` (operations without a unit ignore the target). */
export type Probe = (p: TestPlatform, f: Fixture, caller: RoleCaller, unit: UnitKey) => Promise<GqlResult<unknown>>;

const outcomeOf = (r: GqlResult<unknown>): Outcome =>
  r.errors?.length ? String(r.errors[0]!.extensions?.['code'] ?? 'NO_CODE') : 'ok';

/** Calls `probe` for the target and classifies the answer. */
export async function probeOutcome(probe: Probe, ...args: Parameters<Probe>): Promise<Outcome> {
  return outcomeOf(await probe(...args));
}

/** Which of the fixture's units a list answer contains. */
export const listed = (ids: string[], f: Fixture): UnitKey[] =>
  (Object.keys(f.unitIds) as UnitKey[]).filter((key) => ids.includes(f.unitIds[key]));

/** Goal.history, asked of the audit subgraph the way the gateway would, with a signed assertion. */
async function goalHistoryDirect(p: TestPlatform, goalId: string, caller: RoleCaller) {
  const assertion = await signAssertion(p.assertionSecret, {
    userId: caller.userId ?? `test.${caller.role.toLowerCase()}`,
    role: caller.role,
    unitId: caller.unitId ?? null,
  });
  const response = await fetch(p.subgraphUrls['audit']!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [ASSERTION_HEADER]: assertion },
    body: JSON.stringify({
      query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Goal { history { type } } } }',
      variables: { r: [{ __typename: 'Goal', id: goalId }] },
    }),
  });
  const raw = await response.text();
  return { status: response.status, raw, ...JSON.parse(raw) } as GqlResult<unknown>;
}

let registered = 0;

/**
 * One probe per operation of the policy table. Per-unit probes act on the target unit's rows; the
 * list probes report the fixture units they saw as `ok` only when the target unit is among them.
 */
export const PROBES: Record<string, Probe> = {
  'Query.budgetUnit': (p, f, c, u) => p.gql('query($id: ID!) { budgetUnit(id: $id) { id } }', { id: f.unitIds[u] }, c),
  'Query.budgetUnits': async (p, f, c, u) => {
    const r = await p.gql<{ budgetUnits: { nodes: { id: string }[] } }>(
      '{ budgetUnits(page: { first: 200 }) { nodes { id } totalCount } }',
      undefined,
      c,
    );
    if (r.errors) return r;
    const seen = listed(
      r.data!.budgetUnits.nodes.map((n) => n.id),
      f,
    );
    return seen.includes(u) ? r : { ...r, errors: [{ message: 'not listed', extensions: { code: 'NOT_LISTED' } }] };
  },
  'Mutation.registerBudgetUnit': (p, _f, c) =>
    p.gql(
      REGISTER_UNIT,
      { input: { code: `8${++registered}`, name: '天门市测试单位', level: 'FIRST', divisionCode: '429006' } },
      c,
    ),
  'Query.goal': (p, f, c, u) => p.gql('query($id: ID!) { goal(id: $id) { id } }', { id: f.goalIds[u] }, c),
  'Query.goals': async (p, f, c, u) => {
    const r = await p.gql<{ goals: { nodes: { unit: { id: string } }[] } }>(
      '{ goals(page: { first: 200 }) { nodes { unit { id } } totalCount } }',
      undefined,
      c,
    );
    if (r.errors) return r;
    const seen = listed(
      r.data!.goals.nodes.map((n) => n.unit.id),
      f,
    );
    return seen.includes(u) ? r : { ...r, errors: [{ message: 'not listed', extensions: { code: 'NOT_LISTED' } }] };
  },
  'Mutation.submitGoal': (p, f, c, u) => p.gql(SUBMIT_GOAL, { input: goalInput(f.unitIds[u]) }, c),
  'Mutation.reviseIndicator': async (p, f, c, u) => {
    const goal = await f.freshGoal(u);
    const indicator = { ...validIndicators()[0], id: goal.indicators[0]!.id, targetValue: 20 };
    return p.gql(REVISE_INDICATOR, { input: { goalId: goal.id, reason: '调整目标值', indicator } }, c);
  },
  'Mutation.reviewGoal': async (p, f, c, u) => {
    const goal = await f.freshGoal(u);
    return p.gql(
      'mutation($input: ReviewGoalInput!) { reviewGoal(input: $input) { status } }',
      { input: { goalId: goal.id, result: 'RETURN', comment: '请补充依据' } },
      c,
    );
  },
  'Query.streamHistory': (p, f, c, u) =>
    p.gql('query($s: String!) { streamHistory(streamId: $s) { type } }', { s: `goal-${f.goalIds[u]}` }, c),
  'Query.verifyStream': (p, f, c, u) =>
    p.gql('query($s: String!) { verifyStream(streamId: $s) { ok } }', { s: `goal-${f.goalIds[u]}` }, c),
  'Goal.history': (p, f, c, u) => goalHistoryDirect(p, f.goalIds[u], c),
};
