import { POLICY } from '@jixiao/contexts';
import type { Fixture, UnitKey } from './fixture';
import { as, type GqlResult, type TestPlatform } from './platform';
import type { Probe, RoleCaller } from './probes';

const NONE = '00000000-0000-4000-8000-000000000000';
const allowed = (operation: string, c: RoleCaller) => POLICY[operation]?.[c.role] !== undefined;
const performance = as('PERFORMANCE_SECTION', null, 'fixture.performance');
const officerOf = (f: Fixture, u: UnitKey) => as('BUDGET_UNIT', f.unitIds[u], `fixture.officer.${u.toLowerCase()}`);

const SUBMIT = `mutation($input: SubmitDisbursementRequestInput!) { submitDisbursementRequest(input: $input) { id } }`;

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

/** A document of the unit in the attachment store, as its officer would upload it. */
async function documentOf(p: TestPlatform, f: Fixture, u: UnitKey): Promise<string> {
  const bytes = Buffer.from('%PDF-1.4\n% 拨款审批表\n%%EOF\n', 'utf8');
  const stored = await p.attachments.store.put(
    { name: '拨款审批表.pdf', contentType: 'application/pdf', bytes },
    { actorId: `fixture.officer.${u.toLowerCase()}`, unitId: f.unitIds[u] },
  );
  return stored.attachmentId;
}

/** What a request of the unit names: a fresh goal issued with its project's budget, and a document. */
async function requestInput(p: TestPlatform, f: Fixture, u: UnitKey) {
  const goal = await f.issuedWithBudget(u);
  const { projectId } = await must(p, 'query($id: ID!) { goal(id: $id) { projectId } }', { id: goal.id }, performance);
  return {
    unitId: f.unitIds[u],
    projectId,
    goalId: goal.id,
    fiscalYear: 2024,
    amount: '1000.00',
    purpose: '项目进度款',
    batch: '2024年第1批',
    attachmentIds: [await documentOf(p, f, u)],
  };
}

/** A fresh request of the unit, submitted by its officer, waiting (REQUESTED) or HELD. */
async function freshRequest(p: TestPlatform, f: Fixture, u: UnitKey, held = false): Promise<string> {
  const request = await must(p, SUBMIT, { input: await requestInput(p, f, u) }, officerOf(f, u));
  if (held) {
    await must(
      p,
      `mutation($input: SignDisbursementOpinionInput!) { signDisbursementOpinion(input: $input) { id } }`,
      { input: { requestId: request.id, outcome: 'HELD', reasons: ['缺少合同'] } },
      performance,
    );
  }
  return request.id as string;
}

/** One request per unit for the reads, made once per fixture (the first time a role that may read asks). */
const standing = new WeakMap<Fixture, Map<UnitKey, Promise<string>>>();
function requestOf(p: TestPlatform, f: Fixture, u: UnitKey): Promise<string> {
  const made = standing.get(f) ?? new Map<UnitKey, Promise<string>>();
  standing.set(f, made);
  if (!made.has(u)) made.set(u, freshRequest(p, f, u));
  return made.get(u)!;
}

const notListed = (r: GqlResult<unknown>): GqlResult<unknown> => ({
  ...r,
  errors: [{ message: 'not listed', extensions: { code: 'NOT_LISTED' } }],
});

/** `ok` when the answer lists a request of the target unit, NOT_LISTED otherwise. */
async function listed(
  p: TestPlatform,
  f: Fixture,
  c: RoleCaller,
  u: UnitKey,
  query: string,
  unitIdsOf: (data: never) => string[],
) {
  const r = await p.gql<never>(query, undefined, c);
  if (r.errors) return r;
  return unitIdsOf(r.data!).includes(f.unitIds[u]) ? r : notListed(r);
}

/** The probes of the disbursement review's operations (see PROBES): each on the target unit's requests. */
export const DISBURSEMENT_PROBES: Record<string, Probe> = {
  'Mutation.submitDisbursementRequest': async (p, f, c, u) => {
    const input = allowed('Mutation.submitDisbursementRequest', c)
      ? await requestInput(p, f, u)
      : {
          unitId: f.unitIds[u],
          projectId: NONE,
          goalId: NONE,
          fiscalYear: 2024,
          amount: '1000.00',
          purpose: '进度款',
          batch: '第1批',
          attachmentIds: [NONE],
        };
    return p.gql(SUBMIT, { input }, c);
  },
  'Mutation.resubmitDisbursementRequest': async (p, f, c, u) => {
    const may = allowed('Mutation.resubmitDisbursementRequest', c);
    const requestId = may ? await freshRequest(p, f, u, true) : NONE;
    const attachmentIds = [may ? await documentOf(p, f, u) : NONE];
    return p.gql(
      `mutation($input: ResubmitDisbursementRequestInput!) { resubmitDisbursementRequest(input: $input) { id } }`,
      {
        input: { requestId, amount: '900.00', purpose: '项目进度款（补附合同）', batch: '2024年第2批', attachmentIds },
      },
      c,
    );
  },
  'Mutation.signDisbursementOpinion': async (p, f, c, u) => {
    const requestId = allowed('Mutation.signDisbursementOpinion', c) ? await freshRequest(p, f, u) : NONE;
    return p.gql(
      `mutation($input: SignDisbursementOpinionInput!) { signDisbursementOpinion(input: $input) { id } }`,
      { input: { requestId, outcome: 'CLEARED' } },
      c,
    );
  },
  'Query.disbursementOpinionForm': async (p, f, c, u) => {
    const id = allowed('Query.disbursementOpinionForm', c) ? await requestOf(p, f, u) : NONE;
    return p.gql('query($id: ID!) { disbursementOpinionForm(requestId: $id) { facts { goalSet } } }', { id }, c);
  },
  'Query.disbursementRequest': async (p, f, c, u) => {
    const id = allowed('Query.disbursementRequest', c) ? await requestOf(p, f, u) : NONE;
    return p.gql('query($id: ID!) { disbursementRequest(id: $id) { id } }', { id }, c);
  },
  'Query.disbursementQueue': async (p, f, c, u) => {
    if (allowed('Query.disbursementQueue', c)) await requestOf(p, f, u);
    return listed(
      p,
      f,
      c,
      u,
      '{ disbursementQueue(page: { first: 200 }) { nodes { request { unitId } } } }',
      (d: { disbursementQueue: { nodes: { request: { unitId: string } }[] } }) =>
        d.disbursementQueue.nodes.map((n) => n.request.unitId),
    );
  },
  'Query.disbursementRequests': async (p, f, c, u) => {
    if (allowed('Query.disbursementRequests', c)) await requestOf(p, f, u);
    return listed(
      p,
      f,
      c,
      u,
      '{ disbursementRequests(filter: { fiscalYear: 2024 }, page: { first: 200 }) { nodes { unitId } } }',
      (d: { disbursementRequests: { nodes: { unitId: string }[] } }) =>
        d.disbursementRequests.nodes.map((n) => n.unitId),
    );
  },
  // an aggregate names no request: asked for the probed unit, its requests counted (some) or not (none)
  'Query.disbursementFigures': async (p, f, c, u) => {
    if (allowed('Query.disbursementFigures', c)) await requestOf(p, f, u);
    const r = await p.gql<{ disbursementFigures: { total: { requests: number } } }>(
      'query($u: ID) { disbursementFigures(fiscalYear: 2024, unitId: $u) { total { requests } } }',
      { u: f.unitIds[u] },
      c,
    );
    if (r.errors) return r;
    return r.data!.disbursementFigures.total.requests > 0 ? r : notListed(r);
  },
};
