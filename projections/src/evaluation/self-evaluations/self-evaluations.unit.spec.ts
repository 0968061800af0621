import { recordedEvent } from '../../runner/recorded.testing';
import {
  evolveSelfEvaluation,
  evolveSelfEvaluationNotice,
  selfEvaluationNoticesProjection,
  selfEvaluationsProjection,
  type SelfEvaluationNoticeDoc,
} from './self-evaluations.projection';
import type { SelfEvaluationRow } from './self-evaluations.entities';

const noticeStream = 'evaluationnotice-429006-2023';
const ref = { profileId: 'builtin-national', version: 1 };
const task = {
  evaluationId: 'e1',
  unitId: 'u-edu',
  object: 'PROJECT',
  goalId: 'g1',
  projectId: 'p1',
  name: '乡村道路提升',
  departmentReview: true,
};
const issued = recordedEvent(noticeStream, 1, 'EvaluationNoticeIssued', {
  divisionCode: '429006',
  fiscalYear: 2023,
  dueDate: '2024-03-31',
  ruleProfile: ref,
  tasks: [task, { ...task, evaluationId: 'e2', object: 'DEPT_OVERALL', goalId: null, projectId: null, name: '教育局' }],
});
const passed = recordedEvent(noticeStream, 2, 'EvaluationNoticeDuePassed', {
  divisionCode: '429006',
  fiscalYear: 2023,
  dueDate: '2024-03-31',
});
const drawn = recordedEvent(noticeStream, 3, 'SpotCheckDrawn', {
  divisionCode: '429006',
  fiscalYear: 2023,
  seed: '2023',
  percent: 10,
  ruleProfile: ref,
  unitIds: ['u-edu', 'u-road'],
  drawnUnitIds: ['u-edu'],
});

const stream = 'selfevaluation-e1';
const formula = (text: string) => ({ zh: text, en: text });
const submitted = (version: number, submission: number, actual: number) =>
  recordedEvent(stream, version, 'SelfEvaluationSubmitted', {
    evaluationId: 'e1',
    divisionCode: '429006',
    fiscalYear: 2023,
    task,
    submission,
    ruleProfile: ref,
    budgetFen: 100_000_000,
    executedFen: 90_000_000,
    indicators: [
      {
        indicatorId: 'o1',
        name: '道路里程',
        level1: 'OUTPUT',
        operator: '>=',
        target: 4,
        points: 25,
        actual,
        qualitative: null,
        reason: null,
        deviationCause: '雨季停工',
        improvementMeasure: '提前开工',
      },
    ],
    score: {
      budgetExecution: { weight: 10, rate: 0.9, awarded: 9, formula: formula('10 × min(900000 / 1000000, 1) = 9') },
      lines: [
        {
          indicatorId: 'o1',
          part: 'OUTPUT',
          scaledPoints: 25,
          scaling: formula('25 × 50 / 50 = 25'),
          awarded: 18.75,
          full: false,
          formula: formula('25 × min(3 / 4, 1) = 18.75'),
        },
      ],
      parts: [{ part: 'OUTPUT', weight: 50, profileWeight: 50, awarded: 18.75, formula: formula('…') }],
      total: 27.75,
      grade: 'POOR',
    },
    late: false,
  });
const decided = (version: number, type: string, decision: string, submission = 1) =>
  recordedEvent(stream, version, type, { evaluationId: 'e1', unitId: 'u-edu', submission, decision, comment: '意见' });
const note = recordedEvent(stream, 1, 'SelfEvaluationDrawNoted', {
  evaluationId: 'e1',
  unitId: 'u-edu',
  drawn: true,
  seed: '2023',
});
const accepted = (version: number) =>
  recordedEvent(stream, version, 'SelfEvaluationAccepted', {
    evaluationId: 'e1',
    unitId: 'u-edu',
    submission: 2,
    basis: 'SPOT_CHECK',
    total: 27.75,
    grade: 'POOR',
  });
const fold = (events: ReturnType<typeof recordedEvent>[]) =>
  events.reduce<SelfEvaluationRow | null>(evolveSelfEvaluation, null);

describe('the self-evaluation notices read model', () => {
  it('holds the notice and one task per unit object, with the notice’s year and due date', () => {
    const doc = evolveSelfEvaluationNotice(null, issued)!;
    expect(doc.notice).toMatchObject({
      fiscalYear: 2023,
      dueDate: '2024-03-31',
      taskCount: 2,
      duePassed: false,
      drawnUnitIds: null,
    });
    expect(doc.tasks.map((t) => [t.evaluationId, t.object, t.goalId, t.fiscalYear, t.dueDate, t.streamId])).toEqual([
      ['e1', 'PROJECT', 'g1', 2023, '2024-03-31', noticeStream],
      ['e2', 'DEPT_OVERALL', null, 2023, '2024-03-31', noticeStream],
    ]);
    expect(selfEvaluationNoticesProjection.handles).toEqual([
      'EvaluationNoticeIssued',
      'EvaluationNoticeDuePassed',
      'SpotCheckDrawn',
    ]);
  });

  it('knows the due date passed and the draw, keeping the tasks', () => {
    const doc = [issued, passed, drawn].reduce<SelfEvaluationNoticeDoc | null>(evolveSelfEvaluationNotice, null)!;
    expect(doc.lastVersion).toBe(3);
    expect(doc.notice).toMatchObject({
      lastVersion: 3,
      duePassed: true,
      drawSeed: '2023',
      drawPercent: 10,
      drawPoolUnitIds: ['u-edu', 'u-road'],
      drawnUnitIds: ['u-edu'],
    });
    expect(doc.tasks).toHaveLength(2);
  });

  it('ignores what comes without a notice, and events it does not know', () => {
    expect(evolveSelfEvaluationNotice(null, passed)).toBeNull();
    expect(evolveSelfEvaluationNotice(null, drawn)).toBeNull();
    const doc = evolveSelfEvaluationNotice(null, issued);
    expect(evolveSelfEvaluationNotice(doc, recordedEvent(noticeStream, 2, 'Unknown', {}))).toBe(doc);
  });
});

describe('the self-evaluations read model', () => {
  it('holds the draw noted before the sheet, still ISSUED', () => {
    expect(fold([note])).toMatchObject({
      evaluationId: 'e1',
      unitId: 'u-edu',
      status: 'ISSUED',
      drawn: true,
      submission: 0,
      lines: [],
    });
  });

  it('holds the sheet: each line with what the unit stated and its formula with its numbers', () => {
    const row = fold([note, submitted(2, 1, 3)])!;
    expect(row).toMatchObject({
      status: 'FILLED',
      submission: 1,
      fiscalYear: 2023,
      object: 'PROJECT',
      goalId: 'g1',
      name: '乡村道路提升',
      departmentReview: true,
      budgetFen: 100_000_000,
      executedFen: 90_000_000,
      total: 27.75,
      grade: 'POOR',
      drawn: true,
      ruleProfile: ref,
    });
    expect(row.budgetExecution?.awarded).toBe(9);
    expect(row.lines).toEqual([
      expect.objectContaining({
        indicatorId: 'o1',
        actual: 3,
        target: 4,
        awarded: 18.75,
        scaledPoints: 25,
        full: false,
        deviationCause: '雨季停工',
        formula: formula('25 × min(3 / 4, 1) = 18.75'),
      }),
    ]);
    expect(row.parts.map((p) => p.part)).toEqual(['OUTPUT']);
  });

  it('follows the reviews: department, spot-check return, resubmission, acceptance', () => {
    const reviewed = fold([note, submitted(2, 1, 3), decided(3, 'SelfEvaluationReviewed', 'ACCEPT')])!;
    expect(reviewed.status).toBe('DEPARTMENT_REVIEWED');
    const returned = evolveSelfEvaluation(reviewed, decided(4, 'SpotCheckDecided', 'RETURN'))!;
    expect(returned.status).toBe('RETURNED');
    expect(returned.reviews.map((r) => [r.stage, r.submission, r.decision, r.comment])).toEqual([
      ['DEPARTMENT', 1, 'ACCEPT', '意见'],
      ['SPOT_CHECK', 1, 'RETURN', '意见'],
    ]);
    const again = evolveSelfEvaluation(returned, submitted(5, 2, 4))!;
    expect(again).toMatchObject({ status: 'FILLED', submission: 2, lastVersion: 5 });
    expect(again.lines[0]).toMatchObject({ actual: 4 });
    expect(again.reviews).toHaveLength(2);
    const checked = [
      decided(6, 'SelfEvaluationReviewed', 'ACCEPT', 2),
      decided(7, 'SpotCheckDecided', 'ACCEPT', 2),
      accepted(8),
    ].reduce(evolveSelfEvaluation, again)!;
    expect(checked).toMatchObject({ status: 'ACCEPTED', acceptedBasis: 'SPOT_CHECK', lastVersion: 8 });
    expect(checked.reviews).toHaveLength(4);
  });

  it('a department’s return is RETURNED; events it does not handle change nothing', () => {
    expect(fold([submitted(1, 1, 3), decided(2, 'SelfEvaluationReviewed', 'RETURN')])!.status).toBe('RETURNED');
    const row = fold([submitted(1, 1, 3)]);
    expect(evolveSelfEvaluation(row, recordedEvent(stream, 2, 'Unknown', {}))).toBe(row);
    expect(selfEvaluationsProjection.handles).toContain('SelfEvaluationAccepted');
  });
});
