/* Runs inside jest: `expect` is jest's global. */
import { evaluationContext } from '@jixiao/evaluation';
import type { ReadModelDatabase } from '@jixiao/infra';
import { expectReplayGivesSameRows, type Question } from './context-replay';
import { EVALUATION } from './key-evaluation-walk';
import { as, type TestPlatform } from './platform';

const performance = as('PERFORMANCE_SECTION', null, 'li.na');
const AGENCY = `id name creditCode qualification divisionCode procurement { method announcedOn resultRef }
  contracts { contractNumber signedOn from to scope amount } ratings { evaluationId score comments ratedOn }
  ratingCount averageScore registeredAt`;
const NOTICE =
  'divisionCode fiscalYear dueDate duePassed taskCount ruleProfile { profileId version } draw { seed percent poolUnitIds drawnUnitIds }';
const SHEET = `id unitId object goalId name status overdue submission drawn late departmentReview total grade acceptedBasis
  budget executed budgetExecution { weight awarded formula { zh en } }
  lines { indicatorId name actual scaledPoints awarded full formula { zh en } deviationCause }
  parts { part weight awarded } reviews { stage submission decision comment }`;

/** One more agency through the gateway, on top of the demo year's: registered, procurement, contract. */
async function walk(p: TestPlatform) {
  const ask = async (query: string, input: Record<string, unknown>) => {
    const r = await p.gql(query, { input }, performance);
    expect(r.errors).toBeUndefined();
    return Object.values(r.data!)[0] as { id: string };
  };
  const { id } = await ask(`mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { id } }`, {
    name: '湖北重放会计师事务所',
    creditCode: '91350100M000100Y43',
    qualification: '会计师事务所执业证书',
    divisionCode: '429006',
  });
  await ask(`mutation($input: AnnounceAgencyProcurementInput!) { announceAgencyProcurement(input: $input) { id } }`, {
    agencyId: id,
    method: 'INQUIRY',
    announcedOn: '2024-11-01',
    resultRef: '天财采〔2024〕99号',
  });
  await ask(`mutation($input: SignAgencyContractInput!) { signAgencyContract(input: $input) { id } }`, {
    agencyId: id,
    contractNumber: 'TMCZ-REPLAY-01',
    signedOn: '2024-11-05',
    from: '2024-11-05',
    to: '2025-06-30',
    scope: '专项资金绩效评价',
    amount: '123456.78',
  });
  const units = await p.gql(`{ keyEvaluations(page: { first: 1 }) { nodes { unitId } } }`, undefined, performance);
  const unitId = (units.data as { keyEvaluations: { nodes: { unitId: string }[] } }).keyEvaluations.nodes[0]!.unitId;
  return { agencyId: id, unitId };
}

/** What the bureau, an auditor, an agency and a unit read of the evaluation context. */
const questions = ({ agencyId, unitId }: { agencyId: string; unitId: string }): readonly Question[] => [
  ['agencies', `{ agencies(page: { first: 50 }) { totalCount nodes { ${AGENCY} } } }`, undefined, performance],
  ['agency', `query($id: ID!) { agency(id: $id) { ${AGENCY} } }`, { id: agencyId }, as('AUDITOR')],
  ['own agency', `{ agencies { totalCount nodes { id name } } }`, undefined, as('AGENCY', agencyId, 'agency.replay')],
  [
    'key evaluations',
    `{ keyEvaluations(page: { first: 50 }) { totalCount nodes { ${EVALUATION} } } }`,
    undefined,
    performance,
  ],
  [
    'board',
    `{ keyEvaluationBoard(fiscalYear: 2023) { stages { stage count } items { daysInStage evaluation { id stage } } } }`,
    undefined,
    as('AUDITOR'),
  ],
  [
    'unit’s key evaluations',
    `{ keyEvaluations { totalCount nodes { id final { grade } } } }`,
    undefined,
    as('BUDGET_UNIT', unitId, 'zhang.wei'),
  ],
  ['notice', `{ evaluationNotice(fiscalYear: 2023) { ${NOTICE} } }`, undefined, performance],
  [
    'figures by sector',
    `{ evaluationFigures(fiscalYear: 2023) { bySector { sector sectorLabel unitCount
      selfEvaluation { count averageScore grades { grade count } } keyEvaluation { count averageScore grades { grade count } } } } }`,
    undefined,
    as('AUDITOR'),
  ],
  [
    'self-evaluations',
    `{ selfEvaluations(filter: { fiscalYear: 2023 }, page: { first: 500 }) { totalCount nodes { ${SHEET} } } }`,
    undefined,
    as('NPC', null, 'npc.replay'),
  ],
];

/**
 * Replay equivalence of the evaluation context's read models (context-replay.ts): the demo year — its
 * agencies and rating, its two key evaluations (one through to results notified, one in fieldwork),
 * its self-evaluation notice with a sheet in every state — and one more agency through the gateway.
 */
export async function expectEvaluationReplayGivesSameRows(storage?: ReadModelDatabase) {
  await expectReplayGivesSameRows(
    {
      context: evaluationContext,
      // a fixed clock: the plan board's days in stage and the notice's due date depend on it
      clock: () => new Date('2024-12-20T02:00:00.000Z'),
      walk,
      questions,
      check: (rows) => {
        const stages = (rows['rm_key_evaluation'] as { stage: string }[]).map((r) => r.stage);
        expect(stages).toEqual(expect.arrayContaining(['RESULTS_NOTIFIED', 'FIELDWORK']));
        expect(rows['rm_agency']).toHaveLength(4);
      },
    },
    storage,
  );
}
