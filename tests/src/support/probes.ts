import { POLICY } from '@jixiao/contexts';
import { ASSERTION_HEADER, PUBLIC, PUBLIC_CALLER, signAssertion, type Role } from '@jixiao/service-kit';
import { AGENCY_PROBES } from './agency-probes';
import { DISBURSEMENT_PROBES } from './disbursement-probes';
import { FIGURES_PROBES } from './figures-probes';
import { KEY_EVALUATION_PROBES } from './key-evaluation-probes';
import { FIXTURE_EXPERT_ID, type Fixture, type UnitKey } from './fixture';
import { MONITORING_PROBES } from './monitoring-probes';
import { SELF_EVALUATION_PROBES } from './self-evaluation-probes';
import { subscribeLive } from './subscribe';
import { TREE_HEAD_PROBES } from './tree-head-probes';
import {
  goalInput,
  OPINION,
  projectInput,
  PROPOSE_PROJECT,
  REGISTER_UNIT,
  REVIEW,
  REVISE_INDICATOR,
  SUBMIT_GOAL,
  validIndicators,
  type GqlResult,
  type TestPlatform,
} from './platform';

/** A caller with a role (not a raw token); the matrix's PUBLIC column passes PUBLIC for a caller without one. */
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

/** `<type>.history` (Goal, Project, BudgetUnit), asked of the audit subgraph the way the gateway would, with a signed assertion. */
async function historyDirect(p: TestPlatform, type: string, id: string, caller: RoleCaller) {
  const assertion = await signAssertion(
    p.assertionSecret,
    (caller.role as string) === PUBLIC
      ? PUBLIC_CALLER
      : {
          userId: caller.userId ?? `test.${caller.role.toLowerCase()}`,
          role: caller.role,
          unitId: caller.unitId ?? null,
        },
  );
  const response = await fetch(p.subgraphUrls['audit']!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [ASSERTION_HEADER]: assertion },
    body: JSON.stringify({
      query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${type} { history { type } } } }`,
      variables: { r: [{ __typename: type, id }] },
    }),
  });
  const raw = await response.text();
  return { status: response.status, raw, ...JSON.parse(raw) } as GqlResult<unknown>;
}

let registered = 0;
let published = 0;
let assigned = 0;

/**
 * Whether the caller's role may run the operation at all. Probes prepare state (a goal in the
 * right stage, say) only then: a refused role gets FORBIDDEN before any state is read, so a
 * placeholder id serves — and if the guard were gone, the placeholder would show it (NOT_FOUND).
 */
const allowed = (operation: string, c: RoleCaller) => POLICY[operation]?.[c.role] !== undefined;
const NONE = '00000000-0000-4000-8000-000000000000';

/** A project of the unit with no goal yet, for a role that may make one (a project has one annual goal). */
const projectWithoutGoal = (operation: string, f: Fixture, c: RoleCaller, u: UnitKey): Promise<string> =>
  allowed(operation, c) ? f.freshProject(u) : Promise.resolve(NONE);

/** A list probe: `ok` when the target unit's row is among those listed, NOT_LISTED otherwise. */
async function listProbe(
  p: TestPlatform,
  f: Fixture,
  c: RoleCaller,
  u: UnitKey,
  query: string,
  unitIdsOf: (data: never) => string[],
  variables?: Record<string, unknown>,
): Promise<GqlResult<unknown>> {
  const r = await p.gql<never>(query, variables, c);
  if (r.errors) return r;
  const seen = listed(unitIdsOf(r.data!), f);
  return seen.includes(u) ? r : { ...r, errors: [{ message: 'not listed', extensions: { code: 'NOT_LISTED' } }] };
}

const notListed = (r: GqlResult<unknown>): GqlResult<unknown> => ({
  ...r,
  errors: [{ message: 'not listed', extensions: { code: 'NOT_LISTED' } }],
});

/**
 * A subscription probe: subscribes as the caller, then (if the subscription started) makes a change
 * the caller should hear of; `ok` when it arrives, the refusal's code, or NOT_LISTED after a quiet
 * second and a half (the change was not for this caller).
 */
async function subscriptionProbe(
  p: TestPlatform,
  c: RoleCaller,
  query: string,
  variables: Record<string, unknown> | undefined,
  change: () => Promise<string | null>,
  heard: (data: never, goalId: string) => boolean,
): Promise<GqlResult<unknown>> {
  const live = await subscribeLive(p, await p.mint(c), query, variables);
  try {
    if (live.pending() || live.completed) return await live.next(1000);
    const goalId = await change();
    if (!goalId) return notListed({ status: 200, raw: '' });
    const deadline = Date.now() + 1500;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) return notListed({ status: 200, raw: '' });
      const message = await live.next(left).catch(() => null);
      if (!message) return notListed({ status: 200, raw: '' });
      if (message.errors || heard(message.data as never, goalId)) return message;
    }
  } finally {
    await live.close();
  }
}

const goalMutation = (name: string, fields = 'id') =>
  `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${fields} } }`;
const indicator = () => ({ ...validIndicators()[0], name: '新增学位数', targetValue: 300, unit: '个' });

/**
 * One probe per operation of the policy table. Per-unit probes act on the target unit's rows; the
 * list probes report the fixture units they saw as `ok` only when the target unit is among them.
 */
export const PROBES: Record<string, Probe> = {
  'Query.budgetUnit': (p, f, c, u) => p.gql('query($id: ID!) { budgetUnit(id: $id) { id } }', { id: f.unitIds[u] }, c),
  'Query.budgetUnits': (p, f, c, u) =>
    listProbe(
      p,
      f,
      c,
      u,
      '{ budgetUnits(page: { first: 200 }) { nodes { id } } }',
      (d: { budgetUnits: { nodes: { id: string }[] } }) => d.budgetUnits.nodes.map((n) => n.id),
    ),
  'Mutation.registerBudgetUnit': (p, _f, c) =>
    p.gql(
      REGISTER_UNIT,
      { input: { code: `8${++registered}`, name: '天门市测试单位', level: 'FIRST', divisionCode: '429006' } },
      c,
    ),
  // alternates between two sectors so that every allowed call records a change
  'Mutation.changeBudgetUnitSector': (p, f, c, u) =>
    p.gql(
      'mutation($input: ChangeBudgetUnitSectorInput!) { changeBudgetUnitSector(input: $input) { id sector } }',
      { input: { unitId: f.unitIds[u], sector: ++registered % 2 === 0 ? '综合' : '民政' } },
      c,
    ),
  'Query.goal': (p, f, c, u) => p.gql('query($id: ID!) { goal(id: $id) { id } }', { id: f.goalIds[u] }, c),
  'Query.goals': (p, f, c, u) =>
    listProbe(
      p,
      f,
      c,
      u,
      '{ goals(page: { first: 200 }) { nodes { unit { id } } } }',
      (d: { goals: { nodes: { unit: { id: string } }[] } }) => d.goals.nodes.map((n) => n.unit.id),
    ),
  'Query.reviewQueue': async (p, f, c, u) => {
    // put a goal where this role's queue looks: the department's subordinates' submissions,
    // a unit's own drafts, otherwise the joint finance review
    if (allowed('Query.reviewQueue', c)) {
      if (c.role === 'DEPARTMENT') await f.freshGoal(u);
      else if (c.role === 'BUDGET_UNIT') await f.draftGoal(u);
      else await f.goalInFinanceReview(u);
    }
    return listProbe(
      p,
      f,
      c,
      u,
      '{ reviewQueue(page: { first: 200 }) { nodes { unit { id } } } }',
      (d: { reviewQueue: { nodes: { unit: { id: string } }[] } }) => d.reviewQueue.nodes.map((n) => n.unit.id),
    );
  },
  'Subscription.goalStateChanged': async (p, f, c, u) => {
    // a draft of the target unit, then a change its officer makes to it
    const goal = allowed('Subscription.goalStateChanged', c) ? await f.draftGoal(u) : { id: NONE };
    return subscriptionProbe(
      p,
      c,
      'subscription($id: ID!) { goalStateChanged(goalId: $id) { id version } }',
      { id: goal.id },
      async () => {
        const added = await p.gql(
          goalMutation('addIndicator'),
          { input: { goalId: goal.id, indicator: indicator() } },
          { role: 'BUDGET_UNIT', unitId: f.unitIds[u] },
        );
        return added.errors ? null : goal.id;
      },
      (d: { goalStateChanged: { id: string } }, id) => d.goalStateChanged.id === id,
    );
  },
  'Subscription.myReviewQueueChanged': (p, f, c, u) =>
    // the goal enters the queue the same way as in the reviewQueue probe
    subscriptionProbe(
      p,
      c,
      'subscription { myReviewQueueChanged { goalId inQueue } }',
      undefined,
      async () => {
        if (c.role === 'DEPARTMENT') return (await f.freshGoal(u)).id;
        if (c.role === 'BUDGET_UNIT') return (await f.draftGoal(u)).id;
        return (await f.goalInFinanceReview(u)).id;
      },
      (d: { myReviewQueueChanged: { goalId: string; inQueue: boolean } }, id) =>
        d.myReviewQueueChanged.goalId === id && d.myReviewQueueChanged.inQueue,
    ),
  'Mutation.submitGoal': async (p, f, c, u) =>
    p.gql(SUBMIT_GOAL, { input: goalInput(await projectWithoutGoal('Mutation.submitGoal', f, c, u)) }, c),
  'Mutation.draftGoal': async (p, f, c, u) =>
    p.gql(goalMutation('draftGoal'), { input: goalInput(await projectWithoutGoal('Mutation.draftGoal', f, c, u)) }, c),
  'Mutation.draftGoalFromSample': async (p, f, c, u) =>
    p.gql(
      goalMutation('draftGoalFromSample'),
      {
        input: {
          sampleGoalId: f.sampleGoalId,
          projectId: await projectWithoutGoal('Mutation.draftGoalFromSample', f, c, u),
        },
      },
      c,
    ),
  'Mutation.submitDraft': async (p, f, c, u) => {
    const goal = allowed('Mutation.submitDraft', c) ? (await f.draftGoal(u)).id : NONE;
    return p.gql(goalMutation('submitDraft'), { input: { goalId: goal } }, c);
  },
  'Mutation.addIndicator': async (p, f, c, u) => {
    const goal = allowed('Mutation.addIndicator', c) ? (await f.draftGoal(u)).id : NONE;
    return p.gql(goalMutation('addIndicator'), { input: { goalId: goal, indicator: indicator() } }, c);
  },
  'Mutation.addIndicatorFromTemplate': async (p, f, c, u) => {
    const goal = allowed('Mutation.addIndicatorFromTemplate', c) ? (await f.draftGoal(u)).id : NONE;
    const input = { goalId: goal, templateId: f.templateId, targetValue: 100, points: 10 };
    return p.gql(goalMutation('addIndicatorFromTemplate'), { input }, c);
  },
  'Mutation.reviseIndicator': async (p, f, c, u) => {
    const goal = allowed('Mutation.reviseIndicator', c)
      ? await f.draftGoal(u)
      : { id: NONE, indicators: [{ id: 'x' }] };
    const revised = { ...validIndicators()[0], id: goal.indicators[0]!.id, targetValue: 20 };
    return p.gql(REVISE_INDICATOR, { input: { goalId: goal.id, reason: '调整目标值', indicator: revised } }, c);
  },
  'Mutation.removeIndicator': async (p, f, c, u) => {
    const goal = allowed('Mutation.removeIndicator', c)
      ? await f.draftGoal(u)
      : { id: NONE, indicators: [{ id: 'x' }] };
    const input = { goalId: goal.id, indicatorId: goal.indicators[0]!.id, reason: '与其他指标重复' };
    return p.gql(goalMutation('removeIndicator'), { input }, c);
  },
  'Mutation.recordReviewOpinion': async (p, f, c, u) => {
    const goal = allowed('Mutation.recordReviewOpinion', c) ? (await f.goalInFinanceReview(u)).id : NONE;
    return p.gql(OPINION, { input: { goalId: goal, opinion: 'APPROVE' } }, c);
  },
  'Mutation.reviewGoal': async (p, f, c, u) => {
    // the department decides at its stage; the performance section concludes the joint review
    let goal = NONE;
    if (allowed('Mutation.reviewGoal', c))
      goal = (c.role === 'DEPARTMENT' ? await f.freshGoal(u) : await f.goalReadyToConclude(u)).id;
    return p.gql(REVIEW, { input: { goalId: goal, result: 'RETURN', comment: '请补充依据' } }, c);
  },
  'Mutation.issueGoal': async (p, f, c, u) => {
    const goal = allowed('Mutation.issueGoal', c) ? (await f.approvedGoal(u)).id : NONE;
    return p.gql(
      goalMutation('issueGoal'),
      { input: { goalId: goal, budgetDocument: '天财预〔2024〕2号', issuedAmount: '1.00' } },
      c,
    );
  },
  'Mutation.adjustGoal': async (p, f, c, u) => {
    const goal = allowed('Mutation.adjustGoal', c) ? (await f.issuedGoal(u)).id : NONE;
    const input = {
      goalId: goal,
      budgetAdjustmentRef: '天财预调〔2024〕1号',
      reason: '追加',
      amount: '6000000.00',
      indicators: validIndicators(),
    };
    return p.gql(goalMutation('adjustGoal'), { input }, c);
  },
  'Mutation.markGoalExemplary': async (p, f, c, u) => {
    const goal = allowed('Mutation.markGoalExemplary', c) ? (await f.approvedGoal(u)).id : NONE;
    return p.gql(goalMutation('markGoalExemplary'), { input: { goalId: goal, reason: '可作范本' } }, c);
  },
  'Query.project': (p, f, c, u) => p.gql('query($id: ID!) { project(id: $id) { id } }', { id: f.projectIds[u] }, c),
  'Query.projects': (p, f, c, u) =>
    listProbe(
      p,
      f,
      c,
      u,
      '{ projects(page: { first: 200 }) { nodes { unit { id } } } }',
      (d: { projects: { nodes: { unit: { id: string } }[] } }) => d.projects.nodes.map((n) => n.unit.id),
    ),
  'Mutation.proposeProject': (p, f, c, u) => p.gql(PROPOSE_PROJECT, { input: projectInput(f.unitIds[u]) }, c),
  'Mutation.admitProjectToLibrary': async (p, f, c, u) => {
    const project = allowed('Mutation.admitProjectToLibrary', c) ? await f.projectWithApprovedGoal(u) : NONE;
    const query = `mutation($input: AdmitProjectInput!) { admitProjectToLibrary(input: $input) { id } }`;
    return p.gql(query, { input: { projectId: project } }, c);
  },
  'Mutation.allocateBudget': async (p, f, c, u) => {
    const project = allowed('Mutation.allocateBudget', c) ? await f.projectWithApprovedGoal(u, true) : NONE;
    return p.gql(
      goalMutation('allocateBudget'),
      { input: { projectId: project, amount: '1000.00', budgetDocument: '天财预〔2024〕5号' } },
      c,
    );
  },
  'Query.preAssessment': async (p, f, c, u) => {
    const id = allowed('Query.preAssessment', c) ? await f.preAssessment(u) : NONE;
    return p.gql('query($id: ID!) { preAssessment(id: $id) { id } }', { id }, c);
  },
  'Query.preAssessmentsOfProject': async (p, f, c, u) => {
    if (allowed('Query.preAssessmentsOfProject', c)) await f.preAssessment(u);
    const r = await p.gql<{ preAssessmentsOfProject: unknown[] }>(
      'query($id: ID!) { preAssessmentsOfProject(projectId: $id) { id } }',
      { id: f.projectIds[u] },
      c,
    );
    if (r.errors || r.data!.preAssessmentsOfProject.length > 0) return r;
    return { ...r, errors: [{ message: 'not listed', extensions: { code: 'NOT_LISTED' } }] };
  },
  'Mutation.openPreAssessment': (p, f, c, u) =>
    p.gql(goalMutation('openPreAssessment'), { input: { projectId: f.projectIds[u], scorerIds: ['someone'] } }, c),
  'Mutation.giveScore': async (p, f, c, u) => {
    // the matrix callers are not among the assigned scorers: an unassigned expert reaches nothing
    const id = allowed('Mutation.giveScore', c) ? await f.preAssessment(u) : NONE;
    return p.gql(
      goalMutation('giveScore'),
      { input: { preAssessmentId: id, dimension: 'NECESSITY', points: 18, reason: '立项依据充分' } },
      c,
    );
  },
  'Mutation.concludePreAssessment': async (p, f, c, u) => {
    const id = allowed('Mutation.concludePreAssessment', c) ? await f.preAssessment(u, true) : NONE;
    return p.gql(
      goalMutation('concludePreAssessment'),
      { input: { preAssessmentId: id, conclusion: 'SUPPORT', report: '立项必要' } },
      c,
    );
  },
  'Mutation.assignPreAssessmentScorer': async (p, f, c, u) => {
    const id = allowed('Mutation.assignPreAssessmentScorer', c) ? await f.preAssessment(u) : NONE;
    return p.gql(
      'mutation($input: PreAssessmentScorerInput!) { assignPreAssessmentScorer(input: $input) { id } }',
      { input: { preAssessmentId: id, userId: `matrix.scorer.${++assigned}`, reason: '增派专家' } },
      c,
    );
  },
  'Mutation.revokePreAssessmentScorer': async (p, f, c, u) => {
    const id = allowed('Mutation.revokePreAssessmentScorer', c) ? await f.preAssessment(u) : NONE;
    return p.gql(
      'mutation($input: PreAssessmentScorerInput!) { revokePreAssessmentScorer(input: $input) { id } }',
      { input: { preAssessmentId: id, userId: FIXTURE_EXPERT_ID, reason: '回避' } },
      c,
    );
  },
  'Query.assignments': async (p, f, c, u) => {
    // the fixture expert's assignment to the unit's pre-assessment: listed to whoever sees others' assignments
    const id = allowed('Query.assignments', c) ? await f.preAssessment(u) : NONE;
    const r = await p.gql<{ assignments: { subjectId: string }[] }>(
      'query($userId: ID) { assignments(userId: $userId, kind: PRE_ASSESSMENT) { subjectId } }',
      { userId: FIXTURE_EXPERT_ID },
      c,
    );
    if (r.errors || r.data!.assignments.some((a) => a.subjectId === id)) return r;
    return { ...r, errors: [{ message: 'not listed', extensions: { code: 'NOT_LISTED' } }] };
  },
  'Query.indicatorTemplates': (p, _f, c) => p.gql('{ indicatorTemplates { totalCount } }', undefined, c),
  'Mutation.addIndicatorTemplate': (p, _f, c) =>
    p.gql(
      goalMutation('addIndicatorTemplate'),
      {
        input: { scope: 'COMMON', level1: 'OUTPUT', level2: 'QUANTITY', name: '受益人数', operator: 'GTE', unit: '人' },
      },
      c,
    ),
  'Query.ruleProfile': (p, _f, c) =>
    p.gql('{ ruleProfile(divisionCode: "429006", fiscalYear: 2024) { passMark } }', undefined, c),
  'Mutation.publishRuleProfile': (p, _f, c) =>
    p.gql(
      goalMutation('publishRuleProfile', 'passMark'),
      {
        input: {
          divisionCode: '429006',
          fiscalYear: 2030 + (++published % 50),
          name: '测试规则',
          reason: '测试',
          passMark: 85,
        },
      },
      c,
    ),
  'Mutation.publishGoals': async (p, f, c, u) => {
    // something new to publish, each time: a goal issued with its project's budget
    if (allowed('Mutation.publishGoals', c)) await f.issuedWithBudget(u);
    const input = { unitId: f.unitIds[u], fiscalYear: 2024, reason: '补充公开新下达的目标' };
    return p.gql('mutation($input: PublishGoalsInput!) { publishGoals(input: $input) { publication } }', { input }, c);
  },
  'Query.publishedGoals': async (p, f, c, u) => {
    if (allowed('Query.publishedGoals', c)) await f.publishedUnit(u);
    return listProbe(
      p,
      f,
      c,
      u,
      '{ publishedGoals(fiscalYear: 2024, page: { first: 200 }) { nodes { unitId } } }',
      (d: { publishedGoals: { nodes: { unitId: string }[] } }) => d.publishedGoals.nodes.map((n) => n.unitId),
    );
  },
  'Query.publishedUnitYears': async (p, f, c, u) => {
    if (allowed('Query.publishedUnitYears', c)) await f.publishedUnit(u);
    return listProbe(
      p,
      f,
      c,
      u,
      '{ publishedUnitYears(fiscalYear: 2024) { unitId } }',
      (d: { publishedUnitYears: { unitId: string }[] }) => d.publishedUnitYears.map((n) => n.unitId),
    );
  },
  'Query.goalCoverage': (p, f, c, u) =>
    listProbe(
      p,
      f,
      c,
      u,
      '{ goalCoverage(fiscalYear: 2024) { unit { id } } }',
      (d: { goalCoverage: { unit: { id: string } }[] }) => d.goalCoverage.map((n) => n.unit.id),
    ),
  // an aggregate names no unit: asked for the probed unit, its goals counted (some) or not (none)
  'Query.goalStatusCounts': async (p, f, c, u) => {
    const r = await p.gql<{ goalStatusCounts: { count: number }[] }>(
      'query($u: ID) { goalStatusCounts(fiscalYear: 2024, unitId: $u) { count } }',
      { u: f.unitIds[u] },
      c,
    );
    if (r.errors) return r;
    return r.data!.goalStatusCounts.some((s) => s.count > 0) ? r : notListed(r);
  },
  'Query.reviewStatistics': (p, _f, c) =>
    p.gql('{ reviewStatistics(fiscalYear: 2024) { goalsReviewed } }', undefined, c),
  'Query.returnReasons': (p, _f, c) => p.gql('{ returnReasons(fiscalYear: 2024) { returnDecisions } }', undefined, c),
  'Query.streamHistory': (p, f, c, u) =>
    p.gql('query($s: String!) { streamHistory(streamId: $s) { type } }', { s: `goal-${f.goalIds[u]}` }, c),
  'Query.verifyStream': (p, f, c, u) =>
    p.gql('query($s: String!) { verifyStream(streamId: $s) { ok } }', { s: `goal-${f.goalIds[u]}` }, c),
  'Goal.history': (p, f, c, u) => historyDirect(p, 'Goal', f.goalIds[u], c),
  'Project.history': (p, f, c, u) => historyDirect(p, 'Project', f.projectIds[u], c),
  'BudgetUnit.history': (p, f, c, u) => historyDirect(p, 'BudgetUnit', f.unitIds[u], c),
  ...DISBURSEMENT_PROBES,
  ...MONITORING_PROBES,
  ...AGENCY_PROBES,
  ...TREE_HEAD_PROBES,
  ...KEY_EVALUATION_PROBES,
  ...SELF_EVALUATION_PROBES,
  ...FIGURES_PROBES,
};
