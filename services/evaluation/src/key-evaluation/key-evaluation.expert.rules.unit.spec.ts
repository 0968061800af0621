import {
  ErrorCode,
  EventCatalog,
  evaluationEvents,
  ForbiddenError,
  given,
  IllegalStateError,
  NotFoundError,
  ValidationError,
} from '@jixiao/events';
import { keyEvaluationDecider, type KeyEvaluationState } from './key-evaluation.decider';
import { requireInviter, type GiveExpertEvaluationScores } from './key-evaluation.expert.rules';
import {
  agency,
  allScored,
  assigned,
  department,
  drafted,
  fieldwork,
  file,
  gradeBands,
  inFeedback,
  limits,
  otherAgency,
  planned,
  profile,
  unit,
} from './key-evaluation.fixtures';
import type { KeyEvaluationEvent } from './key-evaluation.events';

const catalog = new EventCatalog(evaluationEvents);
const at = (history: KeyEvaluationEvent[]) => given(keyEvaluationDecider, history);
const expert = { role: 'EXPERT', unitId: null };

const score = (
  over: Partial<GiveExpertEvaluationScores> = {},
  scores: GiveExpertEvaluationScores['scores'] = [
    { dimension: 'OUTPUT', indicator: ' 完成数量 ', points: 28, maxPoints: 35, reason: ' 抽查 3 所学校面积不足 ' },
  ],
): GiveExpertEvaluationScores => ({
  type: 'GiveExpertEvaluationScores',
  evaluationId: 'e1',
  actor: expert,
  expertId: 'expert.1',
  scores,
  context: { invited: ['expert.1', 'expert.2'] },
  ...over,
});
const expertScored = (expertId: string, indicator: string, points: number, maxPoints = 35): KeyEvaluationEvent => ({
  type: 'EvaluationExpertScoreGiven',
  data: { evaluationId: 'e1', expertId, dimension: 'OUTPUT', indicator, points, maxPoints, reason: null },
});
const stateOf = (history: KeyEvaluationEvent[]): KeyEvaluationState =>
  history.reduce(keyEvaluationDecider.evolve, keyEvaluationDecider.initialState());
const decided = (history: KeyEvaluationEvent[], command: Parameters<typeof keyEvaluationDecider.decide>[0]) =>
  keyEvaluationDecider.decide(command, stateOf(history));

describe('key evaluation: experts invited to score (专家评分)', () => {
  it('records an invited expert’s scores, who scored named, trimmed, as events the catalog accepts', () => {
    const events = at(fieldwork)
      .when(score())
      .then([
        {
          type: 'EvaluationExpertScoreGiven',
          data: {
            evaluationId: 'e1',
            expertId: 'expert.1',
            dimension: 'OUTPUT',
            indicator: '完成数量',
            points: 28,
            maxPoints: 35,
            reason: '抽查 3 所学校面积不足',
          },
        },
      ]);
    for (const e of events) expect(() => catalog.validate(e)).not.toThrow();
  });

  it('lets an invited expert score on a draft and during feedback too', () => {
    at([...fieldwork, ...allScored, drafted(1)])
      .when(score())
      .then([expect.objectContaining({ type: 'EvaluationExpertScoreGiven' })] as never);
    expect(decided(inFeedback, score())).toHaveLength(1);
  });

  it('refuses an expert not invited, and every other role, as FORBIDDEN', () => {
    for (const c of [
      score({ expertId: 'expert.9' }),
      score({ context: { invited: [] } }),
      score({ expertId: ' ', context: { invited: [' '] } }),
      score({ actor: agency }),
      score({ actor: { role: 'PERFORMANCE_SECTION', unitId: null } }),
      score({ actor: unit }),
    ]) {
      const error = at(fieldwork)
        .when(c)
        .thenThrows(ForbiddenError, /只有受邀参加此项评价的专家可以评分/);
      expect(error.code).toBe(ErrorCode.FORBIDDEN);
      expect(error.message).toMatch(/Only an expert invited to this evaluation scores it/);
    }
  });

  it('answers NOT_FOUND before the plan, even for an invited expert', () => {
    at([])
      .when(score())
      .thenThrows(NotFoundError, /重点评价 e1 不存在/);
  });

  it('scores only from fieldwork until the final report', () => {
    at([planned])
      .when(score())
      .thenThrows(IllegalStateError, /现场评价开始后、正式报告前专家才能评分（当前阶段：PLANNED）/);
    at([planned, assigned])
      .when(score())
      .thenThrows(IllegalStateError, /AGENCY_ASSIGNED/);
    const final: KeyEvaluationEvent = {
      type: 'KeyEvaluationFinalized',
      data: {
        evaluationId: 'e1',
        report: file('正式.pdf', 'c'),
        dimensions: [],
        total: 0,
        grade: 'POOR',
        ruleProfile: profile.ref,
      },
    };
    at([...inFeedback, final])
      .when(score())
      .thenThrows(IllegalStateError, /FINAL/);
  });

  it('checks the expert’s sheet as the evaluator’s: points within the maximum, a named indicator, at least one', () => {
    const over = at(fieldwork)
      .when(score({}, [{ dimension: 'OUTPUT', indicator: '完成数量', points: 36, maxPoints: 35, reason: null }]))
      .thenThrows(ValidationError);
    expect(over.issues.map((i) => i.path)).toEqual(['scores[0].points']);
    const blank = at(fieldwork)
      .when(score({}, [{ dimension: 'OUTPUT', indicator: ' ', points: 1, maxPoints: 5, reason: null }]))
      .thenThrows(ValidationError);
    expect(blank.issues.map((i) => i.path)).toContain('scores[0].indicator');
    const none = at(fieldwork).when(score({}, [])).thenThrows(ValidationError);
    expect(none.issues.map((i) => i.path)).toEqual(['scores']);
  });

  it('caps a dimension with the expert’s own earlier scores only, a rescored indicator replaced', () => {
    // OUTPUT is 35 points: expert.1 gave 30 of 30 on one indicator, so another of 10 exceeds it ...
    const mine = [...fieldwork, expertScored('expert.1', '完成数量', 30, 30)];
    const capped = at(mine)
      .when(score({}, [{ dimension: 'OUTPUT', indicator: '完成质量', points: 5, maxPoints: 10, reason: null }]))
      .thenThrows(ValidationError);
    expect(capped.issues.map((i) => i.path)).toEqual(['dimensions.OUTPUT']);
    // ... at 5 it fits; rescoring the same indicator replaces it rather than adding up
    expect(
      decided(mine, score({}, [{ dimension: 'OUTPUT', indicator: '完成质量', points: 5, maxPoints: 5, reason: null }])),
    ).toHaveLength(1);
    expect(
      decided(
        mine,
        score({}, [{ dimension: 'OUTPUT', indicator: '完成数量', points: 20, maxPoints: 35, reason: null }]),
      ),
    ).toHaveLength(1);
    // another expert's sheet (and the evaluator's) does not count against this one
    const others = [...fieldwork, expertScored('expert.2', '完成数量', 30, 30), ...allScored];
    expect(
      decided(
        others,
        score({}, [{ dimension: 'OUTPUT', indicator: '完成质量', points: 5, maxPoints: 10, reason: null }]),
      ),
    ).toHaveLength(1);
  });

  it('keeps expert scores beside the evaluator’s: the final total is the evaluator’s alone', () => {
    const history = [
      ...inFeedback,
      expertScored('expert.1', 'OUTPUT-1', 0),
      expertScored('expert.2', '另一指标', 1, 5),
    ];
    const state = stateOf(history);
    expect(state.scores).toEqual(stateOf(inFeedback).scores);
    expect(state.expertScores).toEqual([
      { expertId: 'expert.1', dimension: 'OUTPUT', indicator: 'OUTPUT-1', points: 0, maxPoints: 35 },
      { expertId: 'expert.2', dimension: 'OUTPUT', indicator: '另一指标', points: 1, maxPoints: 5 },
    ]);
    const answered: KeyEvaluationEvent = {
      type: 'EvaluationFeedbackAnswered',
      data: { evaluationId: 'e1', feedbackId: 'f1', adopted: true, answer: '已修改' },
    };
    const [final] = decided([...history, answered], {
      type: 'FinalizeKeyEvaluation',
      evaluationId: 'e1',
      actor: agency,
      report: file('正式报告.pdf', 'c'),
      limits,
      profile: { ref: profile.ref, gradeBands },
    });
    // 14 + 18 + 30 + 25.5, as without the experts
    expect(final).toMatchObject({ type: 'KeyEvaluationFinalized', data: { total: 87.5, grade: 'GOOD' } });
  });

  it('keeps each expert’s latest score per indicator', () => {
    const state = stateOf([
      ...fieldwork,
      expertScored('expert.1', 'a', 10),
      expertScored('expert.2', 'a', 11),
      expertScored('expert.1', 'a', 12),
    ]);
    expect(state.expertScores.map((s) => [s.expertId, s.points])).toEqual([
      ['expert.1', 12],
      ['expert.2', 11],
    ]);
  });
});

describe('key evaluation: who invites an expert', () => {
  const finance = stateOf([planned, assigned]);
  const deptPlanned: KeyEvaluationEvent = {
    type: 'KeyEvaluationPlanned',
    data: { ...planned.data, kind: 'DEPARTMENT' },
  };
  const deptAssigned: KeyEvaluationEvent = {
    type: 'KeyEvaluationAssigned',
    data: { evaluationId: 'e1', evaluatorId: 'u-dept', contractNumber: null, scope: '全过程' },
  };
  const byDepartment = stateOf([deptPlanned, deptAssigned]);
  const section = { role: 'PERFORMANCE_SECTION', unitId: null };

  it('is the performance section at any stage before the final report, even before an evaluator is assigned', () => {
    expect(() => requireInviter(stateOf([planned]), 'e1', section, 'INVITE')).not.toThrow();
    expect(() => requireInviter(finance, 'e1', section, 'INVITE')).not.toThrow();
    expect(() => requireInviter(stateOf(inFeedback), 'e1', section, 'INVITE')).not.toThrow();
  });

  it('is the agency assigned, and no other agency, no unit, no department of a key evaluation', () => {
    expect(() => requireInviter(finance, 'e1', agency, 'INVITE')).not.toThrow();
    for (const actor of [otherAgency, unit, department, expert]) {
      expect(() => requireInviter(finance, 'e1', actor, 'INVITE')).toThrow(ForbiddenError);
    }
    // before the assignment no agency is the evaluator
    expect(() => requireInviter(stateOf([planned]), 'e1', agency, 'INVITE')).toThrow(ForbiddenError);
  });

  it('is the department of a department evaluation, and not an agency', () => {
    expect(() => requireInviter(byDepartment, 'e1', department, 'INVITE')).not.toThrow();
    expect(() => requireInviter(byDepartment, 'e1', { role: 'DEPARTMENT', unitId: 'u-other' }, 'INVITE')).toThrow(
      ForbiddenError,
    );
    expect(() => requireInviter(byDepartment, 'e1', { role: 'AGENCY', unitId: 'u-dept' }, 'INVITE')).toThrow(
      ForbiddenError,
    );
  });

  it('invites no one after the final report, but may still withdraw; NOT_FOUND before the plan', () => {
    const final = { ...stateOf(inFeedback), stage: 'FINAL' as const };
    expect(() => requireInviter(final, 'e1', section, 'INVITE')).toThrow(
      /正式报告提交后不能再邀请专家评分（当前阶段：FINAL）/,
    );
    expect(() => requireInviter({ ...final, stage: 'RESULTS_NOTIFIED' }, 'e1', agency, 'INVITE')).toThrow(
      IllegalStateError,
    );
    expect(() => requireInviter(final, 'e1', agency, 'WITHDRAW')).not.toThrow();
    expect(() => requireInviter(stateOf([]), 'e1', section, 'INVITE')).toThrow(NotFoundError);
    expect(() => requireInviter(stateOf([]), 'e1', section, 'WITHDRAW')).toThrow(NotFoundError);
  });
});
