import {
  BUILTIN_PROFILES,
  EventCatalog,
  ErrorCode,
  planningEvents,
  given,
  IllegalStateError,
  NotFoundError,
  PRE_ASSESSMENT_DIMENSIONS,
  ValidationError,
  type DomainError,
} from '@jixiao/events';
import {
  DIMENSION_LABELS,
  preAssessmentDecider,
  preAssessmentStreamId,
  type GiveScore,
  type OpenPreAssessment,
} from './pre-assessment.decider';
import type { PreAssessmentEvent } from './pre-assessment.events';
import { dimensionMeans, round2, totalScore } from './pre-assessment.scoring';

const catalog = new EventCatalog(planningEvents);

const hubei = BUILTIN_PROFILES[1]!;
const open: OpenPreAssessment = {
  type: 'OpenPreAssessment',
  preAssessmentId: 'pa1',
  subject: 'PROJECT',
  projectId: 'p1',
  policyName: null,
  unitId: 'u-transport',
  fiscalYear: 2023,
  divisionCode: '429006',
  ruleProfile: hubei.ref,
  passMark: hubei.rules.preAssessment.passMark,
  dimensionMaxPoints: hubei.rules.preAssessment.dimensionMaxPoints,
  scorerIds: ['expert-1', 'expert-2'],
};
const { type: _t, ...openedData } = open;
const opened: PreAssessmentEvent = { type: 'PreAssessmentOpened', data: openedData };
const score = (dimension: GiveScore['dimension'], points: number, scorerId = 'expert-1'): GiveScore => ({
  type: 'GiveScore',
  preAssessmentId: 'pa1',
  scorerId,
  scorerRole: 'EXPERT',
  dimension,
  points,
  reason: '依据申报材料评分',
});
const scored = (c: GiveScore): PreAssessmentEvent => {
  const { type: _type, ...data } = c;
  return { type: 'ScoreGiven', data };
};
/** 20 + 20 + 20 + 15 + x: x = 9.5 totals 84.5, x = 10 totals 85. */
const scoresTotalling = (last: number) =>
  [
    score('NECESSITY', 20),
    score('ECONOMY', 20),
    score('GOAL_REASONABLENESS', 20),
    score('FEASIBILITY', 15),
    score('FINANCING_COMPLIANCE', last),
  ].map(scored);
const pa = (history: PreAssessmentEvent[]) => given(preAssessmentDecider, history);
/** What a client sees of a refusal: the stable code and the paths of its issues. */
const refusal = (error: DomainError) => ({ code: error.code, paths: error.issues.map((i) => i.path) });
const conclude = (conclusion: 'SUPPORT' | 'SUPPORT_AFTER_REVISION' | 'REJECT') => ({
  type: 'ConcludePreAssessment' as const,
  preAssessmentId: 'pa1',
  conclusion,
  report: '项目立项依据充分',
});

describe('pre-assessment', () => {
  it('opens under the profile in force and fits the catalog', () => {
    pa([])
      .when(open)
      .then([opened])
      .forEach((e) => expect(() => catalog.validate(e)).not.toThrow());
  });

  it('takes a score within the dimension maximum, with a reason', () => {
    pa([opened])
      .when(score('NECESSITY', 20))
      .then([scored(score('NECESSITY', 20))]);
    const error = pa([opened])
      .when(score('NECESSITY', 20.5))
      .thenThrows(ValidationError, /满分 20 分/);
    expect(error.issues.map((i) => i.path)).toEqual(['points']);
    pa([opened])
      .when({ ...score('ECONOMY', 10), reason: ' ' })
      .thenThrows(ValidationError, /评分理由/);
    pa([opened]).when(score('ECONOMY', -1)).thenThrows(ValidationError);
  });

  it('refuses a second score of the same dimension by the same scorer, but not by another', () => {
    const history = [opened, scored(score('NECESSITY', 18))];
    pa(history)
      .when(score('NECESSITY', 19))
      .thenThrows(IllegalStateError, /立项必要性/);
    pa(history)
      .when(score('NECESSITY', 19, 'expert-2'))
      .then([scored(score('NECESSITY', 19, 'expert-2'))]);
  });

  it('fails at 84.5 and only a rejection may conclude it', () => {
    const history = [opened, ...scoresTotalling(9.5)];
    pa(history)
      .when(conclude('SUPPORT'))
      .thenThrows(ValidationError, /84.5 分低于通过分数线 85 分/);
    const [event] = pa(history)
      .when(conclude('REJECT'))
      .then([expect.objectContaining({ type: 'PreAssessmentConcluded' })]);
    expect(event!.data).toMatchObject({ total: 84.5, passed: false, passMark: 85, ruleProfile: hubei.ref });
  });

  it('passes at exactly 85', () => {
    const [event] = pa([opened, ...scoresTotalling(10)])
      .when(conclude('SUPPORT_AFTER_REVISION'))
      .then([expect.objectContaining({ type: 'PreAssessmentConcluded' })]);
    expect(event!.data).toMatchObject({ total: 85, passed: true, conclusion: 'SUPPORT_AFTER_REVISION' });
  });

  it('uses the pass mark the profile gave when it opened', () => {
    const strict = { ...opened, data: { ...openedData, passMark: 90 } } as PreAssessmentEvent;
    pa([strict, ...scoresTotalling(10)])
      .when(conclude('SUPPORT'))
      .thenThrows(ValidationError, /85 分低于通过分数线 90 分/);
  });

  it('averages several scorers per dimension', () => {
    const means = dimensionMeans([
      { dimension: 'NECESSITY', points: 18 },
      { dimension: 'NECESSITY', points: 17 },
      { dimension: 'ECONOMY', points: 16.333 },
    ]);
    expect(means).toMatchObject({ NECESSITY: 17.5, ECONOMY: 16.33, FEASIBILITY: null });
    expect(round2(84.495)).toBe(84.5);
    // (16.99 + 17) / 2 is stored as 16.99499…: half up it is 17.00, and 17 × 5 = 85 passes
    const means2 = dimensionMeans([
      { dimension: 'NECESSITY', points: 16.99 },
      { dimension: 'NECESSITY', points: 17 },
    ]);
    expect(means2.NECESSITY).toBe(17);
    expect(
      totalScore(
        {
          NECESSITY: means2.NECESSITY!,
          ECONOMY: 17,
          GOAL_REASONABLENESS: 17,
          FEASIBILITY: 17,
          FINANCING_COMPLIANCE: 17,
        },
        85,
      ),
    ).toEqual({ total: 85, passed: true });
    expect(
      totalScore(
        { NECESSITY: 17.5, ECONOMY: 16.33, GOAL_REASONABLENESS: 17, FEASIBILITY: 17, FINANCING_COMPLIANCE: 17.17 },
        85,
      ),
    ).toEqual({ total: 85, passed: true });
  });

  it('cannot conclude while a dimension is unscored, and names it', () => {
    pa([opened, ...scoresTotalling(10).slice(0, 4)])
      .when(conclude('SUPPORT'))
      .thenThrows(IllegalStateError, /筹资合规性/);
  });

  it('takes no score after its conclusion', () => {
    const done = pa([opened, ...scoresTotalling(10)])
      .when(conclude('SUPPORT'))
      .then([expect.anything()]);
    pa([opened, ...scoresTotalling(10), ...done])
      .when(score('NECESSITY', 1, 'late'))
      .thenThrows(IllegalStateError, /已出具结论/);
  });

  it('leaves who may score to the assignments: a scorer assigned after the opening scores too', () => {
    // the resolver lets only assigned users reach the pre-assessment (the row-scope port); the
    // stream itself no longer keeps the list, which later grants and revocations would outdate
    pa([opened])
      .when(score('NECESSITY', 18, 'expert-9'))
      .then([{ type: 'ScoreGiven', data: expect.objectContaining({ scorerId: 'expert-9', points: 18 }) }]);
  });

  it('names at least one scorer when it opens', () => {
    pa([])
      .when({ ...open, scorerIds: [] })
      .thenThrows(ValidationError, /评分专家/);
  });

  it('needs a policy name to assess a policy', () => {
    pa([])
      .when({ ...open, subject: 'POLICY', projectId: null, policyName: null })
      .thenThrows(ValidationError, /政策名称/);
  });
  describe('opening', () => {
    it('lives in preassessment-<id>', () => {
      expect(preAssessmentStreamId('pa1')).toBe('preassessment-pa1');
    });

    it('opens once: opening it again is refused as ILLEGAL_STATE, also after its conclusion', () => {
      const again = pa([opened])
        .when(open)
        .thenThrows(IllegalStateError, /已启动/);
      expect(refusal(again)).toEqual({ code: ErrorCode.ILLEGAL_STATE, paths: [] });
      const concluded = [opened, ...scoresTotalling(10)];
      const done = pa(concluded).when(conclude('SUPPORT')).then([expect.anything()]);
      const late = pa([...concluded, ...done])
        .when(open)
        .thenThrows(IllegalStateError, /already opened/);
      expect(late.code).toBe(ErrorCode.ILLEGAL_STATE);
    });

    it.each([
      ['projectId', 'a PROJECT assessment without a project', { projectId: null }],
      ['projectId', 'a PROJECT assessment with an empty project id', { projectId: '' }],
      ['policyName', 'a POLICY assessment with a policy name of spaces', { subject: 'POLICY', policyName: '   ' }],
      ['policyName', 'a POLICY assessment without a policy name', { subject: 'POLICY', policyName: null }],
      ['scorerIds', 'no scorer', { scorerIds: [] }],
    ] satisfies [string, string, Partial<OpenPreAssessment>][])(
      'refuses at %s: %s, as BAD_USER_INPUT',
      (path, _what, change) => {
        const error = pa([])
          .when({ ...open, ...change })
          .thenThrows(ValidationError);
        expect(refusal(error)).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: [path] });
      },
    );

    it('names every missing field at once', () => {
      const project = pa([])
        .when({ ...open, projectId: null, scorerIds: [] })
        .thenThrows(ValidationError);
      expect(refusal(project)).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['projectId', 'scorerIds'] });
      const policy = pa([])
        .when({ ...open, subject: 'POLICY', projectId: null, policyName: ' ', scorerIds: [] })
        .thenThrows(ValidationError);
      expect(refusal(policy)).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['policyName', 'scorerIds'] });
    });

    it('assesses a policy by its name, with no project', () => {
      const policy: OpenPreAssessment = { ...open, subject: 'POLICY', projectId: null, policyName: '产业扶持政策' };
      const { type: _type, ...data } = policy;
      pa([])
        .when(policy)
        .then([{ type: 'PreAssessmentOpened', data }]);
    });

    it('assesses a project with one scorer', () => {
      const { type: _type, ...data } = { ...open, scorerIds: ['expert-1'] };
      pa([])
        .when({ ...open, scorerIds: ['expert-1'] })
        .then([{ type: 'PreAssessmentOpened', data }]);
    });
  });

  describe('scoring', () => {
    it('cannot score an assessment that was never opened: NOT_FOUND, naming it', () => {
      const error = pa([])
        .when({ ...score('NECESSITY', 18), preAssessmentId: 'pa9' })
        .thenThrows(NotFoundError, /pa9/);
      expect(refusal(error)).toEqual({ code: ErrorCode.NOT_FOUND, paths: [] });
    });

    it.each([
      ['zero points', 'NECESSITY', 0],
      ['the full 20 points', 'NECESSITY', 20],
      ['a fraction of a point', 'ECONOMY', 12.5],
    ] as const)('takes %s', (_what, dimension, points) => {
      pa([opened])
        .when(score(dimension, points))
        .then([scored(score(dimension, points))]);
    });

    it.each([
      ['one hundredth below zero', -0.01],
      ['one hundredth above the maximum', 20.01],
      ['points that are not a number', Number.NaN],
    ])('refuses %s, as BAD_USER_INPUT at points', (_what, points) => {
      const error = pa([opened])
        .when(score('NECESSITY', points))
        .thenThrows(ValidationError, /满分 20 分/);
      expect(refusal(error)).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['points'] });
    });

    it('measures each dimension against its own maximum from the opening', () => {
      const maxima = { ...openedData.dimensionMaxPoints, FEASIBILITY: 15, FINANCING_COMPLIANCE: 25 };
      const profiled: PreAssessmentEvent = {
        type: 'PreAssessmentOpened',
        data: { ...openedData, dimensionMaxPoints: maxima },
      };
      pa([profiled])
        .when(score('FINANCING_COMPLIANCE', 25))
        .then([scored(score('FINANCING_COMPLIANCE', 25))]);
      const error = pa([profiled])
        .when(score('FEASIBILITY', 15.5))
        .thenThrows(ValidationError, /「实施方案可行性」满分 15 分，15.5 分超出范围（0–15）/);
      expect(refusal(error)).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['points'] });
    });

    it('needs a reason, and names it with wrong points', () => {
      const error = pa([opened])
        .when({ ...score('ECONOMY', 10), reason: ' ' })
        .thenThrows(ValidationError);
      expect(refusal(error)).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['reason'] });
      const both = pa([opened])
        .when({ ...score('ECONOMY', 99), reason: '' })
        .thenThrows(ValidationError);
      expect(refusal(both)).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['points', 'reason'] });
    });

    it('refuses a second score of the same dimension as ILLEGAL_STATE, but takes another dimension', () => {
      const history = [opened, scored(score('NECESSITY', 18))];
      const error = pa(history)
        .when(score('NECESSITY', 18))
        .thenThrows(IllegalStateError, /You already scored NECESSITY/);
      expect(refusal(error)).toEqual({ code: ErrorCode.ILLEGAL_STATE, paths: [] });
      pa(history)
        .when(score('ECONOMY', 18))
        .then([scored(score('ECONOMY', 18))]);
    });

    it('finds the earlier score of a dimension among the other scores of the same scorer', () => {
      const history = [opened, scored(score('NECESSITY', 18)), scored(score('ECONOMY', 18))];
      const error = pa(history)
        .when(score('ECONOMY', 17))
        .thenThrows(IllegalStateError, /投入经济性/);
      expect(refusal(error)).toEqual({ code: ErrorCode.ILLEGAL_STATE, paths: [] });
    });

    it('takes no score after its conclusion: ILLEGAL_STATE', () => {
      const done = pa([opened, ...scoresTotalling(10)])
        .when(conclude('SUPPORT'))
        .then([expect.anything()]);
      const error = pa([opened, ...scoresTotalling(10), ...done])
        .when(score('NECESSITY', 1, 'late'))
        .thenThrows(IllegalStateError, /cannot score it/);
      expect(refusal(error)).toEqual({ code: ErrorCode.ILLEGAL_STATE, paths: [] });
    });
  });

  describe('concluding', () => {
    it('cannot conclude an assessment that was never opened: NOT_FOUND', () => {
      const error = pa([]).when(conclude('SUPPORT')).thenThrows(NotFoundError, /pa1/);
      expect(refusal(error)).toEqual({ code: ErrorCode.NOT_FOUND, paths: [] });
    });

    it('concludes once: ILLEGAL_STATE after its conclusion', () => {
      const history = [opened, ...scoresTotalling(10)];
      const done = pa(history).when(conclude('SUPPORT')).then([expect.anything()]);
      const error = pa([...history, ...done])
        .when(conclude('REJECT'))
        .thenThrows(IllegalStateError, /cannot conclude it/);
      expect(refusal(error)).toEqual({ code: ErrorCode.ILLEGAL_STATE, paths: [] });
    });

    it('fails at 84.99: anything but a rejection is refused at conclusion', () => {
      const history = [opened, ...scoresTotalling(9.99)];
      const error = pa(history)
        .when(conclude('SUPPORT_AFTER_REVISION'))
        .thenThrows(ValidationError, /84\.99 分低于通过分数线 85 分/);
      expect(refusal(error)).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['conclusion'] });
      const [event] = pa(history)
        .when(conclude('REJECT'))
        .then([expect.objectContaining({ type: 'PreAssessmentConcluded' })]);
      expect(event!.data).toMatchObject({ total: 84.99, passed: false, conclusion: 'REJECT' });
    });

    it('passes at 85, and records the whole conclusion', () => {
      pa([opened, ...scoresTotalling(10)])
        .when(conclude('SUPPORT'))
        .then([
          {
            type: 'PreAssessmentConcluded',
            data: {
              preAssessmentId: 'pa1',
              dimensionScores: {
                NECESSITY: 20,
                ECONOMY: 20,
                GOAL_REASONABLENESS: 20,
                FEASIBILITY: 15,
                FINANCING_COMPLIANCE: 10,
              },
              total: 85,
              passed: true,
              passMark: 85,
              conclusion: 'SUPPORT',
              report: '项目立项依据充分',
              ruleProfile: hubei.ref,
            },
          },
        ]);
    });

    it('may still reject an assessment that passed', () => {
      const [event] = pa([opened, ...scoresTotalling(10)])
        .when(conclude('REJECT'))
        .then([expect.objectContaining({ type: 'PreAssessmentConcluded' })]);
      expect(event!.data).toMatchObject({ total: 85, passed: true, conclusion: 'REJECT' });
    });

    it('counts zero points: a dimension scored 0 is scored, and adds nothing', () => {
      const [event] = pa([opened, ...scoresTotalling(0)])
        .when(conclude('REJECT'))
        .then([expect.objectContaining({ type: 'PreAssessmentConcluded' })]);
      expect(event!.data).toMatchObject({ total: 75, passed: false, dimensionScores: { FINANCING_COMPLIANCE: 0 } });
    });

    it('needs a report, and names it with a refused conclusion', () => {
      const passing = [opened, ...scoresTotalling(10)];
      const error = pa(passing)
        .when({ ...conclude('SUPPORT'), report: ' ' })
        .thenThrows(ValidationError, /评估报告/);
      expect(refusal(error)).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['report'] });
      const both = pa([opened, ...scoresTotalling(9.5)])
        .when({ ...conclude('SUPPORT'), report: '' })
        .thenThrows(ValidationError);
      expect(refusal(both)).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['conclusion', 'report'] });
    });

    it('averages a dimension only over the scorers who scored it: a scorer scoring one dimension', () => {
      // expert-1 scores all five; expert-2 scores NECESSITY alone (18): NECESSITY is (20 + 18) / 2 = 19
      const history = [opened, ...scoresTotalling(10), scored(score('NECESSITY', 18, 'expert-2'))];
      const error = pa(history)
        .when(conclude('SUPPORT'))
        .thenThrows(ValidationError, /84 分低于/);
      expect(refusal(error)).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['conclusion'] });
      const [event] = pa(history)
        .when(conclude('REJECT'))
        .then([expect.objectContaining({ type: 'PreAssessmentConcluded' })]);
      expect(event!.data).toMatchObject({
        dimensionScores: {
          NECESSITY: 19,
          ECONOMY: 20,
          GOAL_REASONABLENESS: 20,
          FEASIBILITY: 15,
          FINANCING_COMPLIANCE: 10,
        },
        total: 84,
        passed: false,
      });
    });

    it('cannot conclude when one scorer scored one dimension only, naming the four unscored in order', () => {
      const error = pa([opened, scored(score('ECONOMY', 18, 'expert-2'))])
        .when(conclude('SUPPORT'))
        .thenThrows(IllegalStateError);
      expect(refusal(error)).toEqual({ code: ErrorCode.ILLEGAL_STATE, paths: [] });
      expect(error.en).toBe(
        'Not every dimension is scored yet: NECESSITY, GOAL_REASONABLENESS, FEASIBILITY, FINANCING_COMPLIANCE',
      );
      expect(error.zh).toContain(
        ['NECESSITY', 'GOAL_REASONABLENESS'].map((d) => DIMENSION_LABELS[d as 'NECESSITY']).join('、'),
      );
    });
  });

  describe('the scores', () => {
    it('are null for every dimension nobody scored', () => {
      expect(dimensionMeans([])).toEqual(Object.fromEntries(PRE_ASSESSMENT_DIMENSIONS.map((d) => [d, null])));
    });

    it('count a zero as a score, not as missing', () => {
      expect(dimensionMeans([{ dimension: 'ECONOMY', points: 0 }]).ECONOMY).toBe(0);
    });

    it('pass at the pass mark and fail one hundredth below it', () => {
      const means = { NECESSITY: 20, ECONOMY: 20, GOAL_REASONABLENESS: 20, FEASIBILITY: 15, FINANCING_COMPLIANCE: 0 };
      expect(totalScore({ ...means, FINANCING_COMPLIANCE: 9.99 }, 85)).toEqual({ total: 84.99, passed: false });
      expect(totalScore({ ...means, FINANCING_COMPLIANCE: 10 }, 85)).toEqual({ total: 85, passed: true });
      expect(totalScore({ ...means, FINANCING_COMPLIANCE: 10.01 }, 85)).toEqual({ total: 85.01, passed: true });
      expect(totalScore(means, 85)).toEqual({ total: 75, passed: false });
    });

    it('round half up to hundredths', () => {
      expect(round2(16.995)).toBe(17);
      expect(round2(16.994)).toBe(16.99);
      expect(round2(0.005)).toBe(0.01);
      expect(round2(85)).toBe(85);
    });
  });

  describe('the stream', () => {
    it('starts empty', () => {
      expect(preAssessmentDecider.initialState()).toEqual({ status: 'NONE', opened: null, scores: [] });
    });

    it('keeps the opening and the scores through its conclusion', () => {
      const history = [opened, ...scoresTotalling(10)];
      const done = pa(history).when(conclude('SUPPORT')).then([expect.anything()]);
      const state = [...history, ...done].reduce(preAssessmentDecider.evolve, preAssessmentDecider.initialState());
      expect(state).toEqual({
        status: 'CONCLUDED',
        opened: openedData,
        scores: scoresTotalling(10).map((e) => e.data),
      });
    });

    it('ignores an event it does not know, and refuses a command it does not know', () => {
      const state = preAssessmentDecider.evolve(preAssessmentDecider.initialState(), opened);
      expect(preAssessmentDecider.evolve(state, { type: 'PreAssessmentRenamed', data: {} } as never)).toBe(state);
      expect(() => preAssessmentDecider.decide({ type: 'RenamePreAssessment' } as never, state)).toThrow(
        /unknown pre-assessment command/,
      );
    });
  });
});
