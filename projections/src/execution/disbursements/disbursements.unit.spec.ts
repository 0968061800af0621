import type { RecordedEvent } from '@jixiao/events';
import { applyKeyedSteps, planKeyed } from '../../runner/keyed-fold';
import { passThroughCatalog, recordedEvent } from '../../runner/recorded.testing';
import type { ProjectionStreamRecord } from '../../runner/stream-record.entity';
import { chinaMonthOf, evolveDisbursementRequest } from './disbursement-requests.projection';
import { disbursementStandingProjection } from './disbursement-standing.projection';
import type { DisbursementRequestRow, DisbursementStandingRow } from './disbursements.entities';

const doc = (name: string) => ({
  attachmentId: `a-${name}`,
  name,
  sizeBytes: 1024,
  contentType: 'application/pdf',
  sha256: 'a'.repeat(64),
  extra: 'not kept',
});
const shown = {
  goalSet: true,
  goalStatus: 'ISSUED',
  inGoalManagement: true,
  executionRate: '40.00',
  latestLikelihood: 'ON_TRACK',
  stopFunding: false,
  heldBefore: 0,
};
const requested = (id: string, v: number, amountFen: number, projectId = 'p1') =>
  recordedEvent(`disbursement-${id}`, v, 'DisbursementRequested', {
    requestId: id,
    unitId: 'u1',
    projectId,
    goalId: 'g1',
    fiscalYear: 2023,
    amountFen,
    purpose: '校舍维修工程进度款',
    batch: '2023年第3批',
    documents: [doc('拨款审批表.pdf'), doc('合同.pdf')],
  });
const signed = (id: string, v: number, outcome: 'CLEARED' | 'HELD', submission = 1) =>
  recordedEvent(`disbursement-${id}`, v, 'DisbursementOpinionSigned', {
    requestId: id,
    outcome,
    shown,
    overrides:
      outcome === 'HELD'
        ? [{ fact: 'executionRate', shown: '40.00', signed: '20.00', reason: '财务账面执行率为 20%' }]
        : [],
    reasons: outcome === 'HELD' ? ['附件缺少合同'] : [],
    comment: null,
    submission,
  });
const resubmitted = (id: string, v: number, amountFen: number) =>
  recordedEvent(`disbursement-${id}`, v, 'DisbursementResubmitted', {
    requestId: id,
    amountFen,
    purpose: '校舍维修工程进度款（补充合同）',
    batch: '2023年第4批',
    documents: [doc('拨款审批表.pdf'), doc('合同.pdf'), doc('验收单.pdf')],
    submission: 2,
  });
const allocated = (projectId: string, v: number, totalAllocatedFen: number) =>
  recordedEvent(`project-${projectId}`, v, 'BudgetAllocated', {
    projectId,
    fiscalYear: 2023,
    amountFen: totalAllocatedFen,
    budgetDocument: '天财预〔2023〕1号',
    totalAllocatedFen,
  });
const report = (roundId: string, goalId: string, v: number, executedFen: number, likelihoods: string[]) =>
  recordedEvent(`monitoring-${roundId}-${goalId}`, v, 'MonitoringReportFiled', {
    roundId,
    goalId,
    unitId: 'u1',
    projectId: 'p1',
    fiscalYear: 2023,
    budgetFen: 1_000_000,
    executedFen,
    executionRate: null,
    indicators: likelihoods.map((likelihood, i) => ({
      indicatorId: `i${i}`,
      valueSoFar: 1,
      forecast: 1,
      likelihood,
      deviationCause: null,
    })),
    late: false,
  });
const correction = (roundId: string, goalId: string, v: number, correctionId: string, kind: string) =>
  recordedEvent(`monitoring-${roundId}-${goalId}`, v, 'MonitoringCorrectionDecided', {
    correctionId,
    warningId: 'w1',
    roundId,
    goalId,
    unitId: 'u1',
    projectId: 'p1',
    kind,
    reason: '执行严重滞后',
    recoverFen: null,
  });
const lifted = (roundId: string, goalId: string, v: number, correctionId: string) =>
  recordedEvent(`monitoring-${roundId}-${goalId}`, v, 'FundingStopLifted', {
    correctionId,
    goalId,
    projectId: 'p1',
    reason: '已整改',
  });

const fold = (events: RecordedEvent[]) =>
  events.reduce<DisbursementRequestRow | null>((row, e) => evolveDisbursementRequest(row, e), null);

describe('the disbursement requests read model', () => {
  it('holds a submitted request as REQUESTED with its content, documents and first month (China time)', () => {
    const event = { ...requested('r1', 1, 120_000_00), recordedAt: '2023-03-31T17:00:00.000Z' };
    const row = fold([event])!;
    expect(row).toMatchObject({
      requestId: 'r1',
      streamId: 'disbursement-r1',
      lastVersion: 1,
      unitId: 'u1',
      projectId: 'p1',
      goalId: 'g1',
      fiscalYear: 2023,
      amountFen: 120_000_00,
      status: 'REQUESTED',
      submission: 1,
      documentsReceived: 2,
      decidedAt: null,
      opinion: null,
      // 17:00 UTC on 31 March is 1 April in Beijing
      submittedMonth: 4,
    });
    expect(row.documents[0]).toEqual({
      attachmentId: 'a-拨款审批表.pdf',
      name: '拨款审批表.pdf',
      sizeBytes: 1024,
      contentType: 'application/pdf',
      sha256: 'a'.repeat(64),
    });
  });

  it('keeps the latest opinion with the facts shown, the corrections and the signer from the metadata', () => {
    const held = { ...signed('r1', 2, 'HELD'), metadata: { actorId: 'li.na', role: 'PERFORMANCE_SECTION' } };
    const row = fold([requested('r1', 1, 500), held as RecordedEvent])!;
    expect(row.status).toBe('HELD');
    expect(row.decidedAt).toEqual(new Date(held.recordedAt));
    expect(row.opinion).toMatchObject({
      outcome: 'HELD',
      reasons: ['附件缺少合同'],
      shown,
      signerId: 'li.na',
      submission: 1,
      overrides: [{ fact: 'executionRate', shown: '40.00', signed: '20.00', reason: '财务账面执行率为 20%' }],
    });
  });

  it('a corrected request is REQUESTED again with the new content; documents received add up; then CLEARED', () => {
    const events = [requested('r1', 1, 500), signed('r1', 2, 'HELD'), resubmitted('r1', 3, 400)];
    const again = fold(events)!;
    expect(again).toMatchObject({
      status: 'REQUESTED',
      submission: 2,
      amountFen: 400,
      batch: '2023年第4批',
      documentsReceived: 5,
      lastVersion: 3,
    });
    expect(again.opinion?.outcome).toBe('HELD');
    const cleared = fold([...events, signed('r1', 4, 'CLEARED', 2)])!;
    expect(cleared).toMatchObject({ status: 'CLEARED', lastVersion: 4 });
    expect(cleared.opinion).toMatchObject({ outcome: 'CLEARED', submission: 2, reasons: [] });
  });

  it('counts months in China time', () => {
    expect(chinaMonthOf('2023-01-31T15:59:59.999Z')).toBe(1);
    expect(chinaMonthOf('2023-01-31T16:00:00.000Z')).toBe(2);
    expect(chinaMonthOf('2023-12-31T16:00:00.000Z')).toBe(1);
  });
});

/** The standings after these events, folded from nothing. */
async function standingsAfter(events: RecordedEvent[]) {
  const records = new Map<string, ProjectionStreamRecord>();
  const docs = new Map<string, DisbursementStandingRow | null>();
  const steps = await planKeyed(disbursementStandingProjection, passThroughCatalog, events, records, new Set());
  applyKeyedSteps(disbursementStandingProjection, steps, docs, new Set());
  return docs;
}

describe('the project standing read model', () => {
  it('takes the allocated total from planning, the open and cleared amounts and the holds from the requests', async () => {
    const docs = await standingsAfter([
      allocated('p1', 2, 1_000_000),
      allocated('p1', 3, 1_500_000),
      requested('r1', 1, 300_000),
      requested('r2', 1, 200_000),
      signed('r1', 2, 'CLEARED'),
      signed('r2', 2, 'HELD'),
      requested('r3', 1, 100_000),
    ]);
    expect(docs.get('p1')).toEqual({
      key: 'p1',
      allocatedFen: 1_500_000,
      clearedFen: 300_000,
      clearedCount: 1,
      openFen: 100_000,
      openCount: 1,
      heldOpinions: 1,
      latestReport: null,
      stopCorrectionIds: [],
    });
  });

  it('a held request corrected with another amount is open at the new amount, then cleared; the hold still counts', async () => {
    const docs = await standingsAfter([
      requested('r1', 1, 300_000),
      signed('r1', 2, 'HELD'),
      resubmitted('r1', 3, 250_000),
    ]);
    expect(docs.get('p1')).toMatchObject({ openFen: 250_000, openCount: 1, clearedFen: 0, heldOpinions: 1 });
    const after = await standingsAfter([
      requested('r1', 1, 300_000),
      signed('r1', 2, 'HELD'),
      resubmitted('r1', 3, 250_000),
      signed('r1', 4, 'CLEARED', 2),
    ]);
    expect(after.get('p1')).toMatchObject({
      openFen: 0,
      openCount: 0,
      clearedFen: 250_000,
      clearedCount: 1,
      heldOpinions: 1,
    });
  });

  it('keeps the latest monitoring report and the stop-funding decisions until lifted', async () => {
    const events = [
      report('jan-jul', 'g1', 1, 400_000, ['ON_TRACK', 'AT_RISK', 'AT_RISK']),
      recordedEvent('monitoring-jan-jul-g1', 2, 'MonitoringWarningRaised', { warningId: 'w1' }),
      correction('jan-jul', 'g1', 3, 'c1', 'STOP_FUNDING'),
      correction('jan-jul', 'g1', 4, 'c2', 'RECOVER_FUNDS'),
    ];
    const stopped = (await standingsAfter(events)).get('p1')!;
    expect(stopped.latestReport).toMatchObject({ roundId: 'jan-jul', executedFen: 400_000, budgetFen: 1_000_000 });
    expect(stopped.latestReport!.likelihoods).toEqual(['AT_RISK', 'ON_TRACK']);
    expect(stopped.stopCorrectionIds).toEqual(['c1']);
    const liftedDocs = await standingsAfter([...events, lifted('jan-jul', 'g1', 5, 'c1')]);
    expect(liftedDocs.get('p1')!.stopCorrectionIds).toEqual([]);
  });

  it('changes no document for a project’s other events, a warning, or a report of a goal without a project', async () => {
    const docs = await standingsAfter([
      recordedEvent('project-p9', 1, 'ProjectProposed', { projectId: 'p9' }),
      recordedEvent('monitoring-r-g', 1, 'MonitoringWarningRaised', { warningId: 'w' }),
      {
        ...report('r', 'g', 2, 1, ['ON_TRACK']),
        data: { ...(report('r', 'g', 2, 1, ['ON_TRACK']).data as object), projectId: null },
      },
    ]);
    expect(docs.size).toBe(0);
  });

  it('a replayed event changes nothing', async () => {
    const once = await standingsAfter([requested('r1', 1, 300_000), signed('r1', 2, 'CLEARED')]);
    const twice = await standingsAfter([
      requested('r1', 1, 300_000),
      signed('r1', 2, 'CLEARED'),
      signed('r1', 2, 'CLEARED'),
      requested('r1', 1, 300_000),
    ]);
    expect(twice).toEqual(once);
  });
});
