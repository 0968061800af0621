import type { RecordedEvent } from '@jixiao/events';
import { recordedEvent } from '../../runner/recorded.testing';
import { evolveKeyEvaluation } from './key-evaluations.projection';
import type { KeyEvaluationRow } from './key-evaluations.entities';

const file = (name: string) => ({
  attachmentId: `a-${name}`,
  name,
  sizeBytes: 1024,
  contentType: 'application/pdf',
  sha256: 'a'.repeat(64),
  extra: 'not kept',
});
let version = 0;
const ev = (type: string, data: object, day: string, actorId = 'agency-user'): RecordedEvent => ({
  ...recordedEvent('keyevaluation-e1', ++version, type, { evaluationId: 'e1', ...data }),
  recordedAt: `${day}T02:00:00.000Z`,
  metadata: { actorId, role: 'AGENCY' } as RecordedEvent['metadata'],
});
const split = { DECISION: 15, PROCESS: 20, OUTPUT: 35, BENEFIT: 30 };
const ruleProfile = { profileId: 'builtin-national', version: 1 };

function history(): RecordedEvent[] {
  version = 0;
  return [
    ev(
      'KeyEvaluationPlanned',
      {
        kind: 'FINANCE_KEY',
        object: 'PROJECT',
        unitId: 'u1',
        projectId: 'p1',
        subject: '校舍改造',
        fiscalYear: 2023,
        split,
        minOutputBenefitPercent: 60,
        ruleProfile,
      },
      '2024-03-01',
      'section',
    ),
    ev(
      'KeyEvaluationAssigned',
      { evaluatorId: 'ag1', contractNumber: 'HT-1', scope: '全过程' },
      '2024-03-05',
      'section',
    ),
    ev(
      'EvaluationEvidenceRecorded',
      {
        evidenceId: 'v1',
        kind: 'SITE_VISIT',
        date: '2024-03-10',
        place: '龙尾山村',
        documents: [],
        participants: [],
        questionnaire: null,
        note: null,
        attachments: [file('照片.pdf')],
      },
      '2024-03-10',
    ),
    ev(
      'EvaluationEvidenceRecorded',
      {
        evidenceId: 'v2',
        kind: 'QUESTIONNAIRE',
        date: '2024-03-12',
        place: null,
        documents: [],
        participants: [],
        questionnaire: { sent: 100, returned: 90, satisfactionPercent: 91 },
        note: null,
        attachments: [],
      },
      '2024-03-12',
    ),
    ev(
      'EvaluationScoreGiven',
      { dimension: 'DECISION', indicator: '立项依据', points: 10, maxPoints: 15, reason: null },
      '2024-03-13',
    ),
    ev(
      'EvaluationScoreGiven',
      { dimension: 'OUTPUT', indicator: '完成数量', points: 30, maxPoints: 35, reason: null },
      '2024-03-13',
    ),
    ev(
      'EvaluationScoreGiven',
      { dimension: 'DECISION', indicator: '立项依据', points: 14, maxPoints: 15, reason: '复核' },
      '2024-03-14',
    ),
    ev('EvaluationDraftReportSubmitted', { version: 1, report: file('初稿v1.pdf'), summary: null }, '2024-03-20'),
    ev(
      'EvaluationFeedbackGiven',
      { feedbackId: 'f1', source: 'UNIT', onVersion: 1, text: '口径有误' },
      '2024-03-25',
      'unit-officer',
    ),
    ev(
      'EvaluationFeedbackGiven',
      { feedbackId: 'f2', source: 'SYMPOSIUM', onVersion: 1, text: '建议补充' },
      '2024-03-26',
    ),
    ev('EvaluationFeedbackAnswered', { feedbackId: 'f1', adopted: true, answer: '已修改' }, '2024-03-27'),
  ];
}
const fold = (events: RecordedEvent[]) => events.reduce<KeyEvaluationRow | null>(evolveKeyEvaluation, null);

describe('key-evaluations read model', () => {
  it('ignores events before the plan', () => {
    expect(evolveKeyEvaluation(null, history()[1]!)).toBeNull();
  });

  it('keeps the stage and the day it entered it, evidence, the latest score of each indicator, reports and feedback', () => {
    const row = fold(history())!;
    expect(row).toMatchObject({
      stage: 'UNIT_FEEDBACK',
      evaluatorId: 'ag1',
      contractNumber: 'HT-1',
      assignmentScope: '全过程',
      lastVersion: 11,
      openFeedback: 1,
    });
    expect(row.stageEnteredAt.toISOString()).toBe('2024-03-25T02:00:00.000Z');
    expect(row.plannedAt.toISOString()).toBe('2024-03-01T02:00:00.000Z');
    expect(row.evidence.map((e) => e.evidenceId)).toEqual(['v1', 'v2']);
    expect(row.evidence[0]!.attachments[0]).toEqual({
      attachmentId: 'a-照片.pdf',
      name: '照片.pdf',
      sizeBytes: 1024,
      contentType: 'application/pdf',
      sha256: 'a'.repeat(64),
    });
    expect(row.evidence[1]!.questionnaire).toEqual({ sent: 100, returned: 90, satisfactionPercent: 91 });
    expect(row.scores.map((s) => [s.indicator, s.points, s.reason])).toEqual([
      ['立项依据', 14, '复核'],
      ['完成数量', 30, null],
    ]);
    expect(row.reports.map((r) => [r.version, r.report.name])).toEqual([[1, '初稿v1.pdf']]);
    expect(row.feedback.map((f) => [f.feedbackId, f.givenBy, f.answer?.text ?? null])).toEqual([
      ['f1', 'unit-officer', '已修改'],
      ['f2', 'agency-user', null],
    ]);
  });

  it('keeps the FIELDWORK entry day over a second piece of evidence', () => {
    const row = fold(history().slice(0, 4))!;
    expect([row.stage, row.stageEnteredAt.toISOString()]).toEqual(['FIELDWORK', '2024-03-10T02:00:00.000Z']);
  });

  it('records the final report and the notification', () => {
    const events = history();
    events.push(
      ev('EvaluationFeedbackAnswered', { feedbackId: 'f2', adopted: false, answer: '不采纳' }, '2024-03-28'),
      ev(
        'KeyEvaluationFinalized',
        {
          report: file('正式.pdf'),
          dimensions: [{ dimension: 'DECISION', maxPoints: 15, awarded: 14 }],
          total: 86,
          grade: 'GOOD',
          ruleProfile,
        },
        '2024-04-01',
      ),
      ev('KeyEvaluationResultsNotified', { unitId: 'u1', note: '请整改' }, '2024-04-03', 'section'),
    );
    const row = fold(events)!;
    expect(row).toMatchObject({
      stage: 'RESULTS_NOTIFIED',
      total: 86,
      grade: 'GOOD',
      openFeedback: 0,
      notificationNote: '请整改',
    });
    expect(row.final?.report.name).toBe('正式.pdf');
    expect(row.notifiedAt?.toISOString()).toBe('2024-04-03T02:00:00.000Z');
    expect(evolveKeyEvaluation(row, { ...events[0]!, type: 'Unrelated' })).toBe(row);
  });

  it("keeps invited experts' scores beside the evaluator's: the latest per expert and indicator, the evaluator's scores untouched", () => {
    const events = history().slice(0, 6);
    const expert = (expertId: string, indicator: string, points: number, day: string) =>
      ev(
        'EvaluationExpertScoreGiven',
        { expertId, dimension: 'OUTPUT', indicator, points, maxPoints: 35, reason: points < 35 ? '抽查不足' : null },
        day,
        expertId,
      );
    const before = fold(events)!;
    events.push(
      expert('expert.1', '完成数量', 30, '2024-03-12'),
      expert('expert.2', '完成数量', 28, '2024-03-12'),
      expert('expert.1', '完成数量', 33, '2024-03-13'),
      expert('expert.1', '完成质量', 35, '2024-03-13'),
    );
    const row = fold(events)!;
    expect(row.expertScores.map((s) => [s.expertId, s.indicator, s.points, s.reason, s.scoredAt])).toEqual([
      ['expert.1', '完成数量', 33, '抽查不足', '2024-03-13T02:00:00.000Z'],
      ['expert.2', '完成数量', 28, '抽查不足', '2024-03-12T02:00:00.000Z'],
      ['expert.1', '完成质量', 35, null, '2024-03-13T02:00:00.000Z'],
    ]);
    expect(row.scores).toEqual(before.scores);
    expect(row.scores.map((s) => s.points)).toEqual([10, 30]);
    expect([row.stage, row.stageEnteredAt, row.lastVersion]).toEqual([
      before.stage,
      before.stageEnteredAt,
      events.at(-1)!.streamVersion,
    ]);
    expect(before.expertScores).toEqual([]);
  });
});
