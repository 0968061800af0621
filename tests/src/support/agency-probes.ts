import { POLICY } from '@jixiao/contexts';
import { creditCodeCheckCharacter } from '@jixiao/events';
import { UNIT_KEYS, type Fixture, type UnitKey } from './fixture';
import {
  agencyUser,
  agencyWithContract,
  ANSWER,
  ASSIGN,
  chinaToday,
  DRAFT,
  EVIDENCE,
  FEEDBACK,
  FINAL,
  PLAN,
  SCORES,
  uploadPdf,
} from './key-evaluation-walk';
import { as, type GqlResult, type TestPlatform } from './platform';
import type { Probe, RoleCaller } from './probes';

const NONE = '00000000-0000-4000-8000-000000000000';
const allowed = (operation: string, c: RoleCaller) => POLICY[operation]?.[c.role] !== undefined;
const performance = as('PERFORMANCE_SECTION', null, 'fixture.performance');
/** The name the matrix's own agencies share: the directory's other rows stay out of its lists. */
const NAME = '权限矩阵机构';

let serial = 0;
/** A fresh, valid unified social credit code (统一社会信用代码) per call. */
function freshCreditCode(): string {
  const first17 = `91429006MA${String(++serial).padStart(7, '0')}`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

async function must(
  p: TestPlatform,
  query: string,
  variables: Record<string, unknown>,
  caller: Parameters<TestPlatform['gql']>[2] = performance,
) {
  const r = await p.gql(query, variables, caller);
  if (r.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(r.errors)}`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response shapes vary per operation
  return Object.values(r.data ?? {})[0] as any;
}

const REGISTER = `mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { id } }`;
const ANNOUNCE = `mutation($input: AnnounceAgencyProcurementInput!) { announceAgencyProcurement(input: $input) { id } }`;
const SIGN = `mutation($input: SignAgencyContractInput!) { signAgencyContract(input: $input) { id } }`;
const RATE = `mutation($input: RateAgencyInput!) { rateAgency(input: $input) { id } }`;
const registerInput = (label: string) => ({
  name: `${NAME}${label}`,
  creditCode: freshCreditCode(),
  qualification: '会计师事务所执业证书',
  divisionCode: '429006',
});
const announceInput = (agencyId: string) => ({
  agencyId,
  method: 'PUBLIC_TENDER',
  announcedOn: '2024-03-01',
  resultRef: '天财采〔2024〕权限矩阵',
});
const contractInput = (agencyId: string) => ({
  agencyId,
  contractNumber: 'QX-2024-001',
  signedOn: '2024-03-05',
  from: '2024-03-05',
  to: '2024-12-31',
  scope: '重点绩效评价',
  amount: '100000.00',
});

/** A registered agency, with its procurement result announced when asked. */
async function freshAgency(p: TestPlatform, label: string, announced = false): Promise<string> {
  const id = (await must(p, REGISTER, { input: registerInput(label) })).id as string;
  if (announced) await must(p, ANNOUNCE, { input: announceInput(id) });
  return id;
}

/** One agency per fixture unit: an agency user "of unit A" is the user of A's agency. */
const standing = new WeakMap<Fixture, Promise<Record<UnitKey, string>>>();
function agenciesOf(p: TestPlatform, f: Fixture): Promise<Record<UnitKey, string>> {
  if (!standing.has(f)) {
    standing.set(
      f,
      (async () => {
        const ids = {} as Record<UnitKey, string>;
        for (const u of UNIT_KEYS) ids[u] = await freshAgency(p, ` ${u}`, true);
        return ids;
      })(),
    );
  }
  return standing.get(f)!;
}

/**
 * The caller as the agency directory knows it: an AGENCY user's token names its agency as its unit,
 * so the matrix's caller (who works for unit A) becomes the user of A's agency.
 */
async function callerOf(p: TestPlatform, f: Fixture, c: RoleCaller): Promise<RoleCaller> {
  if (c.role !== 'AGENCY') return c;
  const agencies = await agenciesOf(p, f);
  const unit = UNIT_KEYS.find((u) => f.unitIds[u] === c.unitId);
  return { ...c, unitId: unit ? agencies[unit] : null };
}

/** The agency the bureau rates: one per fixture, with a contract in force for the evaluations it carries out. */
const raters = new WeakMap<Fixture, Promise<string>>();
function raterOf(p: TestPlatform, f: Fixture): Promise<string> {
  if (!raters.has(f)) raters.set(f, agencyWithContract(p, `${NAME}（受评）`, 80_000, 'QX-RATE-01'));
  return raters.get(f)!;
}

/** A key evaluation of unit `u` carried out by the rated agency up to its final report: what the bureau rates. */
async function finalEvaluation(p: TestPlatform, f: Fixture, u: UnitKey): Promise<{ agencyId: string; id: string }> {
  const agencyId = await raterOf(p, f);
  const by = agencyUser(agencyId);
  const input = {
    kind: 'FINANCE_KEY',
    object: 'POLICY',
    unitId: f.unitIds[u],
    subject: `权限矩阵受评 ${u}`,
    fiscalYear: 2024,
  };
  const id = (await must(p, PLAN, { input })).id as string;
  await must(p, ASSIGN, {
    input: { evaluationId: id, evaluatorId: agencyId, contractNumber: 'QX-RATE-01', scope: '全过程' },
  });
  const evidence = { evaluationId: id, kind: 'DOCUMENTS', date: chinaToday(), documents: ['会计凭证'] };
  await must(p, EVIDENCE, { input: evidence }, by);
  const scores = [{ dimension: 'OUTPUT', indicator: '完成数量', points: 30, maxPoints: 35 }];
  await must(p, SCORES, { input: { evaluationId: id, scores } }, by);
  const draft = await uploadPdf(p, by, '权限矩阵受评初稿.pdf');
  await must(p, DRAFT, { input: { evaluationId: id, attachmentId: draft.attachmentId } }, by);
  const officer = { role: 'BUDGET_UNIT' as const, unitId: f.unitIds[u], userId: `matrix.officer.${u}` };
  const fed = await must(p, FEEDBACK, { input: { evaluationId: id, text: '数据口径有误' } }, officer);
  const answer = { evaluationId: id, feedbackId: fed.feedback[0].id, adopted: true, answer: '已修改' };
  await must(p, ANSWER, { input: answer }, by);
  const report = await uploadPdf(p, by, '权限矩阵受评正式报告.pdf');
  await must(p, FINAL, { input: { evaluationId: id, attachmentId: report.attachmentId } }, by);
  return { agencyId, id };
}

const notListed = (r: GqlResult<unknown>): GqlResult<unknown> => ({
  ...r,
  errors: [{ message: 'not listed', extensions: { code: 'NOT_LISTED' } }],
});

/** The probes of the agency directory's operations (see PROBES): each on the target unit's agency. */
export const AGENCY_PROBES: Record<string, Probe> = {
  'Mutation.registerAgency': (p, _f, c, u) => p.gql(REGISTER, { input: registerInput(` ${c.role} ${u}`) }, c),
  'Mutation.announceAgencyProcurement': async (p, _f, c, u) => {
    const id = allowed('Mutation.announceAgencyProcurement', c) ? await freshAgency(p, ` 公告 ${c.role} ${u}`) : NONE;
    return p.gql(ANNOUNCE, { input: announceInput(id) }, c);
  },
  'Mutation.signAgencyContract': async (p, _f, c, u) => {
    const may = allowed('Mutation.signAgencyContract', c);
    const id = may ? await freshAgency(p, ` 合同 ${c.role} ${u}`, true) : NONE;
    return p.gql(SIGN, { input: contractInput(id) }, c);
  },
  'Mutation.rateAgency': async (p, f, c, u) => {
    const rated = allowed('Mutation.rateAgency', c) ? await finalEvaluation(p, f, u) : { agencyId: NONE, id: NONE };
    return p.gql(
      RATE,
      { input: { agencyId: rated.agencyId, evaluationId: rated.id, score: 90, comments: '报告规范' } },
      c,
    );
  },
  'Query.agencies': async (p, f, c, u) => {
    const may = allowed('Query.agencies', c);
    const target = may ? (await agenciesOf(p, f))[u] : NONE;
    const r = await p.gql<{ agencies: { nodes: { id: string }[] } }>(
      `query($filter: AgencyFilter) { agencies(filter: $filter, page: { first: 200 }) { nodes { id } } }`,
      { filter: { name: NAME } },
      may ? await callerOf(p, f, c) : c,
    );
    if (r.errors) return r;
    return r.data!.agencies.nodes.some((n) => n.id === target) ? r : notListed(r);
  },
  'Query.agency': async (p, f, c, u) => {
    const may = allowed('Query.agency', c);
    const id = may ? (await agenciesOf(p, f))[u] : NONE;
    return p.gql('query($id: ID!) { agency(id: $id) { id } }', { id }, may ? await callerOf(p, f, c) : c);
  },
};
