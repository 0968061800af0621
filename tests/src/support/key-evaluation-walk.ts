import { creditCodeCheckCharacter } from '@jixiao/events';
import { testing, PDF } from '@jixiao/infra';
import { as, REGISTER_UNIT, type TestPlatform } from './platform';
import { ok, performance } from './walk';

/** Key evaluations through the gateway: the operations and the steps a test walks (tests only). */
export const EVALUATION = `id kind object unitId projectId subject fiscalYear stage stageEnteredAt evaluatorId contractNumber assignmentScope
  openFeedback notifiedAt version split { dimension points }
  evidence { id kind date place documents participants questionnaire { sent returned satisfactionPercent } attachments { attachmentId name sha256 } }
  scores { dimension indicator points maxPoints reason }
  expertScores { expertId dimension indicator points maxPoints reason }
  reports { version summary report { attachmentId name sha256 } }
  feedback { id source onVersion text answer { adopted text } }
  final { total grade ruleProfile dimensions { dimension maxPoints awarded } report { attachmentId sha256 } }`;
export const PLAN = `mutation($input: PlanKeyEvaluationInput!) { planKeyEvaluation(input: $input) { ${EVALUATION} } }`;
export const ASSIGN = `mutation($input: AssignKeyEvaluationInput!) { assignKeyEvaluation(input: $input) { ${EVALUATION} } }`;
export const EVIDENCE = `mutation($input: RecordEvaluationEvidenceInput!) { recordEvaluationEvidence(input: $input) { ${EVALUATION} } }`;
export const SCORES = `mutation($input: GiveEvaluationScoresInput!) { giveEvaluationScores(input: $input) { ${EVALUATION} } }`;
export const DRAFT = `mutation($input: SubmitEvaluationReportInput!) { submitEvaluationDraftReport(input: $input) { ${EVALUATION} } }`;
export const FEEDBACK = `mutation($input: GiveEvaluationFeedbackInput!) { giveEvaluationFeedback(input: $input) { ${EVALUATION} } }`;
export const ANSWER = `mutation($input: AnswerEvaluationFeedbackInput!) { answerEvaluationFeedback(input: $input) { ${EVALUATION} } }`;
export const FINAL = `mutation($input: SubmitEvaluationReportInput!) { finalizeKeyEvaluation(input: $input) { ${EVALUATION} } }`;
export const NOTIFY = `mutation($input: NotifyKeyEvaluationResultsInput!) { notifyKeyEvaluationResults(input: $input) { ${EVALUATION} } }`;
export const ONE = `query($id: ID!) { keyEvaluation(id: $id) { ${EVALUATION} } }`;
export const INVITE_EXPERT = `mutation($input: KeyEvaluationExpertInput!) { inviteKeyEvaluationExpert(input: $input) { ${EVALUATION} expertIds } }`;
export const WITHDRAW_EXPERT = `mutation($input: KeyEvaluationExpertInput!) { withdrawKeyEvaluationExpert(input: $input) { ${EVALUATION} expertIds } }`;
export const EXPERT_SCORES = `mutation($input: GiveEvaluationScoresInput!) { giveExpertEvaluationScores(input: $input) { ${EVALUATION} } }`;

/** Today in China's time, `YYYY-MM-DD`. */
export const chinaToday = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** An agency's user: its token's unit is the agency's id. */
export const agencyUser = (agencyId: string) => ({
  role: 'AGENCY' as const,
  unitId: agencyId,
  userId: `agency.${agencyId.slice(0, 8)}`,
});

/** A registered first-level unit of Tianmen (429006). */
export const registerUnit = (p: TestPlatform, code: string, name: string, parentId?: string) =>
  ok(
    p,
    REGISTER_UNIT,
    {
      input: {
        code,
        name,
        level: parentId ? 'SECOND' : 'FIRST',
        divisionCode: '429006',
        ...(parentId ? { parentId } : {}),
      },
    },
    as('ADMIN'),
  ).then((u) => u.id as string);

/** An agency bought in by public tender, with a contract in force from this year's start to next year's end. */
export async function agencyWithContract(p: TestPlatform, name: string, serial: number, contractNumber: string) {
  const first17 = `91429006MA4K${String(serial).padStart(5, '0')}`;
  const creditCode = `${first17}${creditCodeCheckCharacter(first17)}`;
  const year = Number(chinaToday().slice(0, 4));
  const agency = await ok(p, `mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { id } }`, {
    input: { name, creditCode, qualification: '会计师事务所执业证书', divisionCode: '429006' },
  });
  await ok(p, `mutation($input: AnnounceAgencyProcurementInput!) { announceAgencyProcurement(input: $input) { id } }`, {
    input: {
      agencyId: agency.id,
      method: 'PUBLIC_TENDER',
      announcedOn: `${year}-01-02`,
      resultRef: `TMCG-${year}-${contractNumber}`,
    },
  });
  await ok(p, `mutation($input: SignAgencyContractInput!) { signAgencyContract(input: $input) { id } }`, {
    input: {
      agencyId: agency.id,
      contractNumber,
      signedOn: `${year}-01-03`,
      from: `${year}-01-03`,
      to: `${year + 1}-12-31`,
      scope: '财政重点绩效评价',
      amount: '180000.00',
    },
  });
  return agency.id as string;
}

/** Uploads a PDF over POST /attachments as `caller` (a minted token), answering its attachment id and digest. */
export async function uploadPdf(
  p: TestPlatform,
  caller: Parameters<TestPlatform['mint']>[0],
  name: string,
  size = 2048,
) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(testing.sampleFiles.pdf(size))], { type: PDF }), name);
  const token = await p.mint(caller);
  const response = await fetch(`${p.url.replace(/\/graphql$/, '')}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const body = (await response.json()) as { attachmentId: string; sha256: string };
  if (response.status !== 201) throw new Error(`upload ${name}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

export { performance };
