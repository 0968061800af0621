import { POLICY } from '@jixiao/contexts';
import { UNIT_KEYS, type Fixture, type UnitKey } from './fixture';
import {
  agencyUser,
  agencyWithContract,
  ANSWER,
  ASSIGN,
  chinaToday,
  DRAFT,
  EVIDENCE,
  EXPERT_SCORES,
  FEEDBACK,
  FINAL,
  INVITE_EXPERT,
  NOTIFY,
  PLAN,
  SCORES,
  uploadPdf,
  WITHDRAW_EXPERT,
} from './key-evaluation-walk';
import { as, type GqlResult, type TestPlatform } from './platform';
import type { Probe, RoleCaller } from './probes';

const NONE = '00000000-0000-4000-8000-000000000000';
const allowed = (operation: string, c: RoleCaller) => POLICY[operation]?.[c.role] !== undefined;
const performance = as('PERFORMANCE_SECTION', null, 'fixture.performance');
const FISCAL_YEAR = 2024;
type Kind = 'FINANCE_KEY' | 'DEPARTMENT';
/** How far a probe's evaluation is walked before the probed operation. */
const STEPS = ['PLANNED', 'ASSIGNED', 'FIELDWORK', 'SCORED', 'DRAFTED', 'FEEDBACK', 'FINAL'] as const;
type Step = (typeof STEPS)[number];

async function must(
  p: TestPlatform,
  query: string,
  variables: Record<string, unknown>,
  caller: RoleCaller = performance as RoleCaller,
) {
  const r = await p.gql(query, variables, caller);
  if (r.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(r.errors)}`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response shapes vary per operation
  return Object.values(r.data ?? {})[0] as any;
}

/** One agency with a contract in force per fixture unit: the matrix's agency user "of unit A" is A's agency's user. */
const standing = new WeakMap<Fixture, Promise<Record<UnitKey, string>>>();
function agenciesOf(p: TestPlatform, f: Fixture): Promise<Record<UnitKey, string>> {
  if (!standing.has(f)) {
    standing.set(
      f,
      (async () => {
        const ids = {} as Record<UnitKey, string>;
        for (const [i, u] of UNIT_KEYS.entries()) {
          ids[u] = await agencyWithContract(p, `权限矩阵评价机构 ${u}`, 90_000 + i, `QX-PJ-${u}`);
        }
        return ids;
      })(),
    );
  }
  return standing.get(f)!;
}

/** The department that evaluates a unit's department evaluations: A1's is A; A and B are their own. */
const departmentOf = (f: Fixture, u: UnitKey) => f.unitIds[u === 'A1' ? 'A' : u];

/** Who works on the target's evaluation: its agency's user, or for a department evaluation the department. */
async function evaluatorOf(p: TestPlatform, f: Fixture, kind: Kind, u: UnitKey): Promise<RoleCaller> {
  if (kind === 'DEPARTMENT') return { role: 'DEPARTMENT', unitId: departmentOf(f, u), userId: `matrix.dept.${u}` };
  return agencyUser((await agenciesOf(p, f))[u]);
}

/** The matrix's caller as the evaluation sees it: an AGENCY user of unit A is the user of A's agency. */
async function callerOf(p: TestPlatform, f: Fixture, c: RoleCaller): Promise<RoleCaller> {
  if (c.role !== 'AGENCY') return c;
  const unit = UNIT_KEYS.find((u) => f.unitIds[u] === c.unitId);
  return { ...c, unitId: unit ? (await agenciesOf(p, f))[unit] : null };
}

/** A fresh evaluation of unit `u` walked up to `until` (inclusive), its evaluator the unit's agency or department. */
async function evaluationAt(p: TestPlatform, f: Fixture, u: UnitKey, kind: Kind, until: Step): Promise<string> {
  const reached = (step: Step) => STEPS.indexOf(step) <= STEPS.indexOf(until);
  const input = { kind, object: 'POLICY', unitId: f.unitIds[u], subject: `权限矩阵评价 ${u}`, fiscalYear: FISCAL_YEAR };
  const id = (await must(p, PLAN, { input })).id as string;
  const by = await evaluatorOf(p, f, kind, u);
  if (reached('ASSIGNED')) {
    const evaluatorId = kind === 'DEPARTMENT' ? departmentOf(f, u) : by.unitId;
    const contractNumber = kind === 'DEPARTMENT' ? null : `QX-PJ-${u}`;
    await must(p, ASSIGN, { input: { evaluationId: id, evaluatorId, contractNumber, scope: '全过程' } });
  }
  if (reached('FIELDWORK')) {
    await must(
      p,
      EVIDENCE,
      { input: { evaluationId: id, kind: 'DOCUMENTS', date: chinaToday(), documents: ['会计凭证'] } },
      by,
    );
  }
  if (reached('SCORED')) {
    const scores = [{ dimension: 'OUTPUT', indicator: '完成数量', points: 30, maxPoints: 35 }];
    await must(p, SCORES, { input: { evaluationId: id, scores } }, by);
  }
  if (reached('DRAFTED')) {
    const file = await uploadPdf(p, by as Parameters<TestPlatform['mint']>[0], '权限矩阵初稿.pdf');
    await must(p, DRAFT, { input: { evaluationId: id, attachmentId: file.attachmentId } }, by);
  }
  if (reached('FEEDBACK')) {
    const officer = { role: 'BUDGET_UNIT' as const, unitId: f.unitIds[u], userId: `matrix.officer.${u}` };
    await must(p, FEEDBACK, { input: { evaluationId: id, text: '数据口径有误' } }, officer);
  }
  if (reached('FINAL')) {
    const answering = `query($id: ID!) { keyEvaluation(id: $id) { feedback { id } } }`;
    const feedbackId = (await must(p, answering, { id })).feedback[0].id as string;
    await must(p, ANSWER, { input: { evaluationId: id, feedbackId, adopted: true, answer: '已修改' } }, by);
    const file = await uploadPdf(p, by as Parameters<TestPlatform['mint']>[0], '权限矩阵正式报告.pdf');
    await must(p, FINAL, { input: { evaluationId: id, attachmentId: file.attachmentId } }, by);
  }
  return id;
}

/** The kind of evaluation a caller works on as evaluator: the department's own kind for DEPARTMENT, else the bureau's. */
const kindFor = (c: RoleCaller): Kind => (c.role === 'DEPARTMENT' ? 'DEPARTMENT' : 'FINANCE_KEY');

/** An evaluator's operation on a fresh evaluation of the target unit at `step`, as the matrix's caller. */
function evaluatorProbe(
  operation: string,
  step: Step,
  query: string,
  input: (id: string, p: TestPlatform, c: RoleCaller) => Promise<object> | object,
): Probe {
  return async (p, f, c, u) => {
    if (!allowed(operation, c)) return p.gql(query, { input: await input(NONE, p, c) }, c);
    const caller = await callerOf(p, f, c);
    const id = await evaluationAt(p, f, u, kindFor(c), step);
    return p.gql(query, { input: await input(id, p, caller) }, caller);
  };
}

const notListed = (r: GqlResult<unknown>): GqlResult<unknown> => ({
  ...r,
  errors: [{ message: 'not listed', extensions: { code: 'NOT_LISTED' } }],
});

/** A finished-enough evaluation per target unit for the reads (made once per fixture and unit). */
const readable = new WeakMap<Fixture, Map<UnitKey, Promise<string>>>();
function readableOf(p: TestPlatform, f: Fixture, u: UnitKey): Promise<string> {
  if (!readable.has(f)) readable.set(f, new Map());
  const byUnit = readable.get(f)!;
  if (!byUnit.has(u)) byUnit.set(u, evaluationAt(p, f, u, 'FINANCE_KEY', 'FIELDWORK'));
  return byUnit.get(u)!;
}

/** The probes of key evaluation's operations (see PROBES): each on an evaluation of the target unit. */
export const KEY_EVALUATION_PROBES: Record<string, Probe> = {
  // a department plans department evaluations (of its own units); everyone else allowed, key evaluations
  'Mutation.planKeyEvaluation': (p, f, c, u) =>
    p.gql(
      PLAN,
      {
        input: {
          kind: kindFor(c),
          object: 'POLICY',
          unitId: f.unitIds[u],
          subject: `计划 ${c.role}`,
          fiscalYear: FISCAL_YEAR,
        },
      },
      c,
    ),
  // a department assigns a department evaluation (the section planned) to itself: its own and its child's
  'Mutation.assignKeyEvaluation': async (p, f, c, u) => {
    const may = allowed('Mutation.assignKeyEvaluation', c);
    const kind = kindFor(c);
    const id = may ? await evaluationAt(p, f, u, kind, 'PLANNED') : NONE;
    if (kind === 'DEPARTMENT') {
      return p.gql(ASSIGN, { input: { evaluationId: id, evaluatorId: c.unitId, scope: '全过程' } }, c);
    }
    const evaluatorId = may ? (await agenciesOf(p, f))[u] : NONE;
    return p.gql(
      ASSIGN,
      { input: { evaluationId: id, evaluatorId, contractNumber: `QX-PJ-${u}`, scope: '全过程' } },
      c,
    );
  },
  'Mutation.recordEvaluationEvidence': evaluatorProbe(
    'Mutation.recordEvaluationEvidence',
    'ASSIGNED',
    EVIDENCE,
    (id) => ({
      evaluationId: id,
      kind: 'SITE_VISIT',
      date: chinaToday(),
      place: '现场',
    }),
  ),
  'Mutation.giveEvaluationScores': evaluatorProbe('Mutation.giveEvaluationScores', 'FIELDWORK', SCORES, (id) => ({
    evaluationId: id,
    scores: [{ dimension: 'DECISION', indicator: '立项依据', points: 10, maxPoints: 15 }],
  })),
  'Mutation.submitEvaluationDraftReport': evaluatorProbe(
    'Mutation.submitEvaluationDraftReport',
    'SCORED',
    DRAFT,
    async (id, p, c) => ({
      evaluationId: id,
      attachmentId:
        id === NONE ? NONE : (await uploadPdf(p, c as Parameters<TestPlatform['mint']>[0], '初稿.pdf')).attachmentId,
    }),
  ),
  'Mutation.giveEvaluationFeedback': async (p, f, c, u) => {
    const operation = 'Mutation.giveEvaluationFeedback';
    const input = (id: string, source: string) => ({ input: { evaluationId: id, source, text: '意见' } });
    if (!allowed(operation, c)) return p.gql(FEEDBACK, input(NONE, 'UNIT'), c);
    const caller = await callerOf(p, f, c);
    const id = await evaluationAt(p, f, u, kindFor(c), 'DRAFTED');
    return p.gql(FEEDBACK, input(id, c.role === 'BUDGET_UNIT' ? 'UNIT' : 'SYMPOSIUM'), caller);
  },
  'Mutation.answerEvaluationFeedback': async (p, f, c, u) => {
    const operation = 'Mutation.answerEvaluationFeedback';
    const input = (id: string, feedbackId: string) => ({
      input: { evaluationId: id, feedbackId, adopted: false, answer: '不采纳' },
    });
    if (!allowed(operation, c)) return p.gql(ANSWER, input(NONE, NONE), c);
    const caller = await callerOf(p, f, c);
    const id = await evaluationAt(p, f, u, kindFor(c), 'FEEDBACK');
    const feedback = await must(p, `query($id: ID!) { keyEvaluation(id: $id) { feedback { id } } }`, { id });
    return p.gql(ANSWER, input(id, feedback.feedback[0].id), caller);
  },
  'Mutation.finalizeKeyEvaluation': async (p, f, c, u) => {
    const operation = 'Mutation.finalizeKeyEvaluation';
    if (!allowed(operation, c)) return p.gql(FINAL, { input: { evaluationId: NONE, attachmentId: NONE } }, c);
    const caller = await callerOf(p, f, c);
    const id = await evaluationAt(p, f, u, kindFor(c), 'FEEDBACK');
    const feedback = await must(p, `query($id: ID!) { keyEvaluation(id: $id) { feedback { id } } }`, { id });
    const by = await evaluatorOf(p, f, kindFor(c), u);
    await must(
      p,
      ANSWER,
      { input: { evaluationId: id, feedbackId: feedback.feedback[0].id, adopted: true, answer: '已修改' } },
      by,
    );
    // the report is the caller's own upload (only its own files may be named)
    const file = await uploadPdf(p, caller as Parameters<TestPlatform['mint']>[0], '正式报告.pdf');
    return p.gql(FINAL, { input: { evaluationId: id, attachmentId: file.attachmentId } }, caller);
  },
  'Mutation.notifyKeyEvaluationResults': async (p, f, c, u) => {
    const id = allowed('Mutation.notifyKeyEvaluationResults', c)
      ? await evaluationAt(p, f, u, 'FINANCE_KEY', 'FINAL')
      : NONE;
    return p.gql(NOTIFY, { input: { evaluationId: id, note: null } }, c);
  },
  // experts: the section or the evaluator invites (an assignment of the evaluation) and withdraws
  'Mutation.inviteKeyEvaluationExpert': evaluatorProbe(
    'Mutation.inviteKeyEvaluationExpert',
    'ASSIGNED',
    INVITE_EXPERT,
    (id) => ({ evaluationId: id, userId: 'matrix.invited.expert', reason: '专家库抽取' }),
  ),
  'Mutation.withdrawKeyEvaluationExpert': async (p, f, c, u) => {
    const operation = 'Mutation.withdrawKeyEvaluationExpert';
    const input = (id: string) => ({ input: { evaluationId: id, userId: 'matrix.invited.expert', reason: '回避' } });
    if (!allowed(operation, c)) return p.gql(WITHDRAW_EXPERT, input(NONE), c);
    const caller = await callerOf(p, f, c);
    const id = await evaluationAt(p, f, u, kindFor(c), 'ASSIGNED');
    await must(p, INVITE_EXPERT, { input: { evaluationId: id, userId: 'matrix.invited.expert', reason: '抽取' } });
    return p.gql(WITHDRAW_EXPERT, input(id), caller);
  },
  // an expert reaches only the evaluations invited to: the matrix's expert is invited to none of the units'
  // (another expert is), so every unit answers NOT_FOUND — the ASSIGNED signature
  'Mutation.giveExpertEvaluationScores': async (p, f, c, u) => {
    const operation = 'Mutation.giveExpertEvaluationScores';
    const scores = [{ dimension: 'OUTPUT', indicator: '完成数量', points: 30, maxPoints: 35 }];
    if (!allowed(operation, c)) return p.gql(EXPERT_SCORES, { input: { evaluationId: NONE, scores } }, c);
    const id = await evaluationAt(p, f, u, 'FINANCE_KEY', 'FIELDWORK');
    await must(p, INVITE_EXPERT, { input: { evaluationId: id, userId: 'matrix.other.expert', reason: '抽取' } });
    return p.gql(EXPERT_SCORES, { input: { evaluationId: id, scores } }, c);
  },
  'Query.keyEvaluation': async (p, f, c, u) => {
    const may = allowed('Query.keyEvaluation', c);
    const id = may ? await readableOf(p, f, u) : NONE;
    return p.gql('query($id: ID!) { keyEvaluation(id: $id) { id } }', { id }, may ? await callerOf(p, f, c) : c);
  },
  'Query.keyEvaluations': async (p, f, c, u) => {
    const may = allowed('Query.keyEvaluations', c);
    const id = may ? await readableOf(p, f, u) : NONE;
    const r = await p.gql<{ keyEvaluations: { nodes: { id: string }[] } }>(
      'query($f: KeyEvaluationFilter) { keyEvaluations(filter: $f, page: { first: 200 }) { nodes { id } } }',
      { f: { fiscalYear: FISCAL_YEAR, unitId: f.unitIds[u] } },
      may ? await callerOf(p, f, c) : c,
    );
    if (r.errors) return r;
    return r.data!.keyEvaluations.nodes.some((n) => n.id === id) ? r : notListed(r);
  },
  // the board is the year's, no unit's rows: whoever may read it sees every evaluation
  'Query.keyEvaluationBoard': async (p, f, c, u) => {
    const may = allowed('Query.keyEvaluationBoard', c);
    const id = may ? await readableOf(p, f, u) : NONE;
    const r = await p.gql<{ keyEvaluationBoard: { items: { evaluation: { id: string } }[] } }>(
      `{ keyEvaluationBoard(fiscalYear: ${FISCAL_YEAR}) { items { evaluation { id } } } }`,
      undefined,
      c,
    );
    if (r.errors) return r;
    return r.data!.keyEvaluationBoard.items.some((i) => i.evaluation.id === id) ? r : notListed(r);
  },
};
