import {
  EventCatalog,
  evaluationEvents,
  ForbiddenError,
  given,
  IllegalStateError,
  NotFoundError,
  ValidationError,
  type DomainError,
} from '@jixiao/events';
import { keyEvaluationDecider } from './key-evaluation.decider';
import {
  agency,
  allScored,
  answered,
  assigned,
  drafted,
  fed,
  fieldwork,
  file,
  finalized,
  gradeBands,
  inFeedback,
  limits,
  otherAgency,
  planned,
  profile,
  scored,
  unit,
  visited,
} from './key-evaluation.fixtures';
import type {
  AnswerEvaluationFeedback,
  FinalizeKeyEvaluation,
  GiveEvaluationFeedback,
  GiveEvaluationScores,
  RecordEvaluationEvidence,
  SubmitEvaluationDraftReport,
} from './key-evaluation.work.rules';

const catalog = new EventCatalog(evaluationEvents);
const paths = (e: DomainError) => e.issues.map((i) => i.path);
const at = (history: Parameters<typeof given>[1]) => given(keyEvaluationDecider, history as never);

const visit: RecordEvaluationEvidence = {
  type: 'RecordEvaluationEvidence',
  evaluationId: 'e1',
  actor: agency,
  evidenceId: 'v1',
  kind: 'SITE_VISIT',
  date: '2024-04-10',
  place: ' 龙尾山村小学 ',
  documents: ['ignored'],
  participants: ['ignored'],
  questionnaire: { sent: 1, returned: 1, satisfactionPercent: 1 },
  note: '  ',
  attachments: [file('现场照片.pdf')],
  today: '2024-04-10',
  limits,
};
const scores: GiveEvaluationScores = {
  type: 'GiveEvaluationScores',
  evaluationId: 'e1',
  actor: agency,
  scores: [
    { dimension: 'DECISION', indicator: ' DECISION-1 ', points: 14, maxPoints: 15, reason: ' ' },
    { dimension: 'OUTPUT', indicator: 'OUTPUT-1', points: 30, maxPoints: 35, reason: ' 数量未达标 ' },
  ],
};
const draft: SubmitEvaluationDraftReport = {
  type: 'SubmitEvaluationDraftReport',
  evaluationId: 'e1',
  actor: agency,
  report: file('初稿v1.pdf', 'b'),
  summary: ' ',
  limits,
};
const feedback: GiveEvaluationFeedback = {
  type: 'GiveEvaluationFeedback',
  evaluationId: 'e1',
  feedbackId: 'f1',
  actor: unit,
  source: 'UNIT',
  text: ' 产出数量口径有误 ',
};
const answer: AnswerEvaluationFeedback = {
  type: 'AnswerEvaluationFeedback',
  evaluationId: 'e1',
  feedbackId: 'f1',
  actor: agency,
  adopted: true,
  answer: ' 已按单位口径修改 ',
};
const finalize: FinalizeKeyEvaluation = {
  type: 'FinalizeKeyEvaluation',
  evaluationId: 'e1',
  actor: agency,
  report: file('正式报告.pdf', 'c'),
  limits,
  profile: { ref: profile.ref, gradeBands },
};

describe('key evaluation: the evaluator’s work', () => {
  describe('evidence', () => {
    it('records a site visit with its place only, and enters fieldwork', () => {
      const [event] = at([planned, assigned]).when(visit).then([visited]);
      expect(catalog.validate(event!).type).toBe('EvaluationEvidenceRecorded');
    });

    it('records documents, a symposium and a questionnaire with what each needs', () => {
      const docs = at(fieldwork)
        .when({ ...visit, kind: 'DOCUMENTS', documents: [' 会计凭证 ', ' '] })
        .then([
          {
            type: 'EvaluationEvidenceRecorded',
            data: { ...visited.data, kind: 'DOCUMENTS', place: null, documents: ['会计凭证'], note: null },
          } as never,
        ]);
      expect(docs).toHaveLength(1);
      at(fieldwork)
        .when({ ...visit, kind: 'SYMPOSIUM', participants: ['校长', ''], note: ' 座谈 ' })
        .then([
          {
            type: 'EvaluationEvidenceRecorded',
            data: { ...visited.data, kind: 'SYMPOSIUM', place: null, participants: ['校长'], note: '座谈' },
          } as never,
        ]);
      const q = { sent: 200, returned: 180, satisfactionPercent: 92.5 };
      at(fieldwork)
        .when({ ...visit, kind: 'QUESTIONNAIRE', questionnaire: q })
        .then([
          {
            type: 'EvaluationEvidenceRecorded',
            data: { ...visited.data, kind: 'QUESTIONNAIRE', place: null, questionnaire: q },
          } as never,
        ]);
    });

    it('refuses each kind without what it needs, a future or malformed date, and bad attachments', () => {
      const fails = (c: Partial<RecordEvaluationEvidence>) =>
        paths(
          at(fieldwork)
            .when({ ...visit, ...c })
            .thenThrows(ValidationError),
        );
      expect(fails({ place: ' ' })).toEqual(['place']);
      expect(fails({ kind: 'DOCUMENTS', documents: [' '] })).toEqual(['documents']);
      expect(fails({ kind: 'SYMPOSIUM', participants: [] })).toEqual(['participants']);
      expect(fails({ kind: 'QUESTIONNAIRE', questionnaire: null })).toEqual(['questionnaire']);
      expect(
        fails({ kind: 'QUESTIONNAIRE', questionnaire: { sent: 10, returned: 11, satisfactionPercent: 50 } }),
      ).toEqual(['questionnaire.returned']);
      expect(
        fails({ kind: 'QUESTIONNAIRE', questionnaire: { sent: 0, returned: 0, satisfactionPercent: 50 } }),
      ).toEqual(['questionnaire.sent']);
      expect(
        fails({ kind: 'QUESTIONNAIRE', questionnaire: { sent: 10, returned: -1, satisfactionPercent: 50 } }),
      ).toEqual(['questionnaire.sent']);
      expect(
        fails({ kind: 'QUESTIONNAIRE', questionnaire: { sent: 1.5, returned: 1, satisfactionPercent: 50 } }),
      ).toEqual(['questionnaire.sent']);
      expect(
        fails({ kind: 'QUESTIONNAIRE', questionnaire: { sent: 10, returned: 1.5, satisfactionPercent: 50 } }),
      ).toEqual(['questionnaire.sent']);
      expect(
        fails({ kind: 'QUESTIONNAIRE', questionnaire: { sent: 10, returned: 5, satisfactionPercent: 100.5 } }),
      ).toEqual(['questionnaire.satisfactionPercent']);
      expect(
        fails({ kind: 'QUESTIONNAIRE', questionnaire: { sent: 10, returned: 5, satisfactionPercent: -1 } }),
      ).toEqual(['questionnaire.satisfactionPercent']);
      expect(fails({ date: '2024-04-11' })).toEqual(['date']);
      expect(fails({ date: '10/04/2024' })).toEqual(['date']);
      const bad = { ...file('x.exe'), name: ' ', sizeBytes: 0, contentType: 'application/x-msdownload', sha256: 'xyz' };
      expect(fails({ attachments: [bad] })).toEqual([
        'attachments[0].name',
        'attachments[0].sizeBytes',
        'attachments[0].contentType',
        'attachments[0].sha256',
      ]);
      expect(fails({ attachments: [{ ...file('big.pdf'), sizeBytes: limits.maxBytes + 1 }] })).toEqual([
        'attachments[0].sizeBytes',
      ]);
      at(fieldwork)
        .when({ ...visit, attachments: [{ ...file('max.pdf'), sizeBytes: limits.maxBytes }] })
        .then([
          {
            ...visited,
            data: { ...visited.data, attachments: [{ ...file('max.pdf'), sizeBytes: limits.maxBytes }] },
          } as never,
        ]);
    });

    it('accepts the questionnaire’s bounds: none returned, satisfaction 0 % and 100 %', () => {
      for (const q of [
        { sent: 10, returned: 0, satisfactionPercent: 0 },
        { sent: 10, returned: 10, satisfactionPercent: 100 },
      ]) {
        const [event] = at(fieldwork)
          .when({ ...visit, kind: 'QUESTIONNAIRE', questionnaire: q })
          .then([
            {
              type: 'EvaluationEvidenceRecorded',
              data: { ...visited.data, kind: 'QUESTIONNAIRE', place: null, questionnaire: q },
            } as never,
          ]);
        expect(event).toBeDefined();
      }
    });

    it('refuses evidence once the draft report is out', () => {
      at([...fieldwork, ...allScored, drafted(1)])
        .when(visit)
        .thenThrows(IllegalStateError, /现场评价阶段/);
    });
  });

  describe('scores', () => {
    it('refuses scoring before any evidence', () => {
      at([planned, assigned]).when(scores).thenThrows(IllegalStateError, /打分/);
    });

    it('records one ScoreGiven per indicator, trimmed', () => {
      const events = at(fieldwork)
        .when(scores)
        .then([
          {
            type: 'EvaluationScoreGiven',
            data: {
              evaluationId: 'e1',
              dimension: 'DECISION',
              indicator: 'DECISION-1',
              points: 14,
              maxPoints: 15,
              reason: null,
            },
          },
          {
            type: 'EvaluationScoreGiven',
            data: {
              evaluationId: 'e1',
              dimension: 'OUTPUT',
              indicator: 'OUTPUT-1',
              points: 30,
              maxPoints: 35,
              reason: '数量未达标',
            },
          },
        ]);
      events.forEach((e) => expect(catalog.validate(e).type).toBe('EvaluationScoreGiven'));
    });

    it('refuses points above the maximum, none at all, a blank or repeated indicator', () => {
      const one = (s: Partial<GiveEvaluationScores['scores'][number]>) => ({
        ...scores,
        scores: [{ ...scores.scores[0]!, ...s }],
      });
      expect(
        paths(
          at(fieldwork)
            .when(one({ points: 15.5 }))
            .thenThrows(ValidationError),
        ),
      ).toEqual(['scores[0].points']);
      expect(
        paths(
          at(fieldwork)
            .when({ ...scores, scores: [] })
            .thenThrows(ValidationError),
        ),
      ).toEqual(['scores']);
      expect(
        paths(
          at(fieldwork)
            .when(one({ indicator: ' ' }))
            .thenThrows(ValidationError),
        ),
      ).toContain('scores[0].indicator');
      const twice = { ...scores, scores: [scores.scores[0]!, { ...scores.scores[0]!, indicator: 'DECISION-1' }] };
      expect(paths(at(fieldwork).when(twice).thenThrows(ValidationError))).toEqual([
        'scores[1].indicator',
        'dimensions.DECISION',
      ]);
    });

    it('refuses maxima beyond the dimension’s share, counting the indicators scored before', () => {
      const history = [...fieldwork, scored('DECISION', 8, 10, 'D-a')];
      const more = {
        ...scores,
        scores: [{ dimension: 'DECISION' as const, indicator: 'D-b', points: 5, maxPoints: 6, reason: null }],
      };
      expect(paths(at(history).when(more).thenThrows(ValidationError))).toEqual(['dimensions.DECISION']);
      // scoring the same indicator again replaces it: its old maximum no longer counts
      const again = {
        ...scores,
        scores: [{ dimension: 'DECISION' as const, indicator: 'D-a', points: 14, maxPoints: 15, reason: null }],
      };
      expect(
        at(history)
          .when(again)
          .then([
            {
              type: 'EvaluationScoreGiven',
              data: {
                evaluationId: 'e1',
                dimension: 'DECISION',
                indicator: 'D-a',
                points: 14,
                maxPoints: 15,
                reason: null,
              },
            },
          ]),
      ).toHaveLength(1);
    });

    it('refuses another agency’s scores', () => {
      at(fieldwork)
        .when({ ...scores, actor: otherAgency })
        .thenThrows(ForbiddenError);
    });
  });

  describe('draft reports', () => {
    it('refuses a draft before any score, and a malformed file', () => {
      expect(paths(at(fieldwork).when(draft).thenThrows(ValidationError))).toEqual(['scores']);
      const bad = { ...draft, report: { ...draft.report, sha256: 'nope' } };
      expect(
        paths(
          at([...fieldwork, ...allScored])
            .when(bad)
            .thenThrows(ValidationError),
        ),
      ).toEqual(['report[0].sha256']);
    });

    it('numbers the versions: 1, then 2 after feedback', () => {
      at([...fieldwork, ...allScored])
        .when(draft)
        .then([drafted(1)]);
      at([...inFeedback, answered('f1')])
        .when({ ...draft, report: file('初稿v2.pdf', 'b') })
        .then([drafted(2)]);
    });

    it('keeps a draft’s summary trimmed', () => {
      at([...inFeedback, answered('f1')])
        .when({ ...draft, report: file('初稿v2.pdf', 'b'), summary: ' 采纳意见 ' })
        .then([{ type: 'EvaluationDraftReportSubmitted', data: { ...drafted(2).data, summary: '采纳意见' } } as never]);
    });

    it('refuses a draft before fieldwork and after the final report', () => {
      at([planned, assigned])
        .when(draft)
        .thenThrows(IllegalStateError, /报告初稿/);
      at([...inFeedback, answered('f1'), finalized])
        .when(draft)
        .thenThrows(IllegalStateError);
    });
  });

  describe('feedback and answers', () => {
    const drafting = [...fieldwork, ...allScored, drafted(1)];
    it('takes the evaluated unit’s feedback on the current version', () => {
      const [event] = at(drafting)
        .when(feedback)
        .then([fed('f1')]);
      expect(catalog.validate(event!).type).toBe('EvaluationFeedbackGiven');
    });

    it('takes a symposium’s opinions from the evaluator only', () => {
      at(drafting)
        .when({ ...feedback, source: 'SYMPOSIUM', actor: agency })
        .then([fed('f1', 'SYMPOSIUM')]);
      at(drafting)
        .when({ ...feedback, source: 'SYMPOSIUM', actor: unit })
        .thenThrows(ForbiddenError);
    });

    it('refuses feedback from anyone but the evaluated unit, before a draft, twice, or blank', () => {
      at(drafting)
        .when({ ...feedback, actor: { role: 'BUDGET_UNIT', unitId: 'u-other' } })
        .thenThrows(ForbiddenError);
      at(drafting)
        .when({ ...feedback, actor: agency })
        .thenThrows(ForbiddenError, /被评价单位/);
      at(fieldwork)
        .when(feedback)
        .thenThrows(IllegalStateError, /报告初稿提交后/);
      at([...drafting, fed('f1')])
        .when(feedback)
        .thenThrows(IllegalStateError, /已记录/);
      expect(
        paths(
          at(drafting)
            .when({ ...feedback, text: ' ' })
            .thenThrows(ValidationError),
        ),
      ).toEqual(['text']);
      at([]).when(feedback).thenThrows(NotFoundError);
    });

    it('answers an item once, trimmed', () => {
      at(inFeedback)
        .when(answer)
        .then([answered('f1')]);
      at([...inFeedback, answered('f1')])
        .when(answer)
        .thenThrows(IllegalStateError, /已回复/);
      at(inFeedback)
        .when({ ...answer, feedbackId: 'f9' })
        .thenThrows(NotFoundError, /f9/);
      expect(
        paths(
          at(inFeedback)
            .when({ ...answer, answer: '' })
            .thenThrows(ValidationError),
        ),
      ).toEqual(['answer']);
      at(inFeedback)
        .when({ ...answer, actor: unit })
        .thenThrows(ForbiddenError);
    });
  });

  describe('the final report', () => {
    const ready = [...inFeedback, answered('f1'), drafted(2)];
    it('is scored and graded under the profile: 14 + 18 + 30 + 25.5 = 87.5, GOOD', () => {
      const [event] = at(ready)
        .when(finalize)
        .then([
          {
            type: 'KeyEvaluationFinalized',
            data: {
              evaluationId: 'e1',
              report: finalize.report,
              dimensions: [
                { dimension: 'DECISION', maxPoints: 15, awarded: 14 },
                { dimension: 'PROCESS', maxPoints: 20, awarded: 18 },
                { dimension: 'OUTPUT', maxPoints: 35, awarded: 30 },
                { dimension: 'BENEFIT', maxPoints: 30, awarded: 25.5 },
              ],
              total: 87.5,
              grade: 'GOOD',
              ruleProfile: profile.ref,
            },
          },
        ]);
      expect(catalog.validate(event!).type).toBe('KeyEvaluationFinalized');
    });

    it('grades by the bands it is given (a stricter profile makes 87.5 FAIR)', () => {
      const strict = {
        ...finalize,
        profile: { ...finalize.profile, gradeBands: { EXCELLENT: 95, GOOD: 90, FAIR: 60 } },
      };
      const state = ready.reduce(keyEvaluationDecider.evolve, keyEvaluationDecider.initialState());
      const [event] = keyEvaluationDecider.decide(strict, state);
      expect(event).toMatchObject({ type: 'KeyEvaluationFinalized', data: { total: 87.5, grade: 'FAIR' } });
    });

    it('refuses while feedback is unanswered, naming each item', () => {
      const e = at([...inFeedback, fed('f2', 'SYMPOSIUM'), answered('f2')])
        .when(finalize)
        .thenThrows(IllegalStateError, /1 条意见未回复/);
      expect(paths(e)).toEqual(['feedback.f1']);
    });

    it('refuses without any feedback, before a draft, with a bad file, or from another agency', () => {
      at([...fieldwork, ...allScored, drafted(1)])
        .when(finalize)
        .thenThrows(IllegalStateError, /尚未征求/);
      at(fieldwork)
        .when(finalize)
        .thenThrows(IllegalStateError, /报告初稿征求意见后/);
      expect(
        paths(
          at(ready)
            .when({ ...finalize, report: { ...finalize.report, name: '' } })
            .thenThrows(ValidationError),
        ),
      ).toEqual(['report[0].name']);
      at(ready)
        .when({ ...finalize, actor: otherAgency })
        .thenThrows(ForbiddenError);
      at([...ready, finalized])
        .when(finalize)
        .thenThrows(IllegalStateError);
    });
  });
});
