import {
  BUILTIN_PROFILES,
  EventCatalog,
  evaluationEvents,
  given,
  IllegalStateError,
  ValidationError,
  type FieldIssue,
} from '@jixiao/events';
import type { SelfEvaluationTask } from './notice.decider';
import {
  scoreSheet,
  selfEvaluationDecider,
  selfEvaluationStreamId,
  type DecideSpotCheck,
  type NoteDraw,
  type ReviewSelfEvaluation,
  type SubmitSelfEvaluation,
} from './self-evaluation.decider';
import type { SelfEvaluationEvent, SelfEvaluationSubmitted } from './self-evaluation.events';
import type { IndicatorDefinition, SheetLineInput } from './self-evaluation.rules';

const catalog = new EventCatalog(evaluationEvents);
const national = BUILTIN_PROFILES[0]!;
const profile = {
  ref: national.ref,
  weights: national.rules.selfEvaluationWeights,
  bands: national.rules.gradeBands,
};

const projectTask: SelfEvaluationTask = {
  evaluationId: 'e1',
  unitId: 'u1',
  object: 'PROJECT',
  goalId: 'g1',
  projectId: 'p1',
  name: '乡村道路提升',
  departmentReview: true,
};
const goal: IndicatorDefinition[] = [
  { indicatorId: 'o1', name: '道路里程', level1: 'OUTPUT', operator: '>=', target: 4, points: 25 },
  { indicatorId: 'o2', name: '工程质量', level1: 'OUTPUT', operator: 'QUALITATIVE', target: null, points: 25 },
  { indicatorId: 'b1', name: '通行率', level1: 'BENEFIT', operator: '>=', target: 100, points: 30 },
  { indicatorId: 's1', name: '群众满意度', level1: 'SATISFACTION', operator: '>=', target: 90, points: 10 },
];
const blank = { qualitative: null, reason: null, deviationCause: null, improvementMeasure: null };
const lines: SheetLineInput[] = [
  { indicatorId: 'o1', actual: 3, ...blank, deviationCause: ' 雨季停工 ', improvementMeasure: '提前开工' },
  {
    indicatorId: 'o2',
    actual: null,
    ...blank,
    qualitative: { level: 'ACHIEVED', percent: 90 },
    reason: '验收合格',
    deviationCause: '个别路段返工',
    improvementMeasure: '加强监理',
  },
  { indicatorId: 'b1', actual: 100, ...blank },
  { indicatorId: 's1', actual: 95, ...blank },
];
const submit: SubmitSelfEvaluation = {
  type: 'SubmitSelfEvaluation',
  evaluationId: 'e1',
  divisionCode: '429006',
  fiscalYear: 2023,
  dueDate: '2024-03-31',
  today: '2024-03-31',
  task: projectTask,
  goalIndicators: goal,
  budgetFen: 100_000_000,
  executedFen: 90_000_000,
  lines,
  profile,
};

const decide = (history: SelfEvaluationEvent[]) => given(selfEvaluationDecider, history);
const submittedBy = (c: SubmitSelfEvaluation, history: SelfEvaluationEvent[] = []) =>
  selfEvaluationDecider.decide(c, history.reduce(selfEvaluationDecider.evolve, selfEvaluationDecider.initialState()));
const paths = (issues: FieldIssue[]) => issues.map((i) => i.path);
const refused = (c: SubmitSelfEvaluation, history: SelfEvaluationEvent[] = []) =>
  decide(history).when(c).thenThrows(ValidationError).issues;

const noDept = { ...projectTask, departmentReview: false };
// computed in each test (not at load), so each test that decides on them covers the decider's code
let submitted: SelfEvaluationSubmitted;
let submittedNoDept: SelfEvaluationSubmitted;
beforeEach(() => {
  [submitted] = submittedBy(submit) as [SelfEvaluationSubmitted];
  [submittedNoDept] = submittedBy({ ...submit, task: noDept }) as [SelfEvaluationSubmitted];
});
const note = (drawn: boolean): SelfEvaluationEvent => ({
  type: 'SelfEvaluationDrawNoted',
  data: { evaluationId: 'e1', unitId: 'u1', drawn, seed: 's' },
});
const reviewed = (decision: 'ACCEPT' | 'RETURN', submission = 1): SelfEvaluationEvent => ({
  type: 'SelfEvaluationReviewed',
  data: { evaluationId: 'e1', unitId: 'u1', submission, decision, comment: decision === 'RETURN' ? '补充材料' : '' },
});
const checked = (decision: 'ACCEPT' | 'RETURN'): SelfEvaluationEvent => ({
  type: 'SpotCheckDecided',
  data: { evaluationId: 'e1', unitId: 'u1', submission: 1, decision, comment: '核查' },
});
const accepted = (basis: 'SPOT_CHECK' | 'NOT_DRAWN', submission = 1): SelfEvaluationEvent => ({
  type: 'SelfEvaluationAccepted',
  data: { evaluationId: 'e1', unitId: 'u1', submission, basis, total: 90.25, grade: 'EXCELLENT' },
});

describe('submitting a project’s self-evaluation (单位自评)', () => {
  it('records the sheet with its score computed under the profile, on selfevaluation-<id>, fitting the catalog', () => {
    expect(selfEvaluationStreamId('e1')).toBe('selfevaluation-e1');
    expect(() => catalog.validate(submitted)).not.toThrow();
    const d = submitted.data;
    expect(d).toMatchObject({
      evaluationId: 'e1',
      submission: 1,
      ruleProfile: national.ref,
      late: false,
      task: projectTask,
    });
    expect(d.score.budgetExecution.awarded).toBe(9);
    const o1 = d.score.lines.find((l) => l.indicatorId === 'o1')!;
    expect(o1).toMatchObject({ part: 'OUTPUT', scaledPoints: 25, awarded: 18.75, full: false });
    expect(o1.formula.en).toContain('18.75');
    expect(d.score.lines.map((l) => l.awarded)).toEqual([18.75, 22.5, 30, 10]);
    expect(d.score.total).toBe(90.25);
    expect(d.score.grade).toBe('EXCELLENT');
  });

  it('records each line with the goal’s definition and the unit’s trimmed explanations', () => {
    const [o1, o2, b1] = submitted.data.indicators;
    expect(o1).toEqual({
      ...goal[0],
      actual: 3,
      qualitative: null,
      reason: null,
      deviationCause: '雨季停工',
      improvementMeasure: '提前开工',
    });
    expect(o2).toMatchObject({ actual: null, qualitative: { level: 'ACHIEVED', percent: 90 }, reason: '验收合格' });
    expect(b1).toMatchObject({ actual: 100, deviationCause: null, improvementMeasure: null });
  });

  it('is late only after the due date', () => {
    const [late] = submittedBy({ ...submit, today: '2024-04-01' }) as [SelfEvaluationSubmitted];
    expect(late.data.late).toBe(true);
  });

  it('refuses values for an indicator the goal lacks, a goal indicator left out, and a line filled twice', () => {
    const extra = refused({ ...submit, lines: [...lines, { indicatorId: 'x9', actual: 1, ...blank }] });
    expect(extra).toEqual([
      expect.objectContaining({ path: 'indicators.4.indicatorId', zh: expect.stringContaining('没有指标 x9') }),
    ]);
    expect(paths(refused({ ...submit, lines: lines.slice(1) }))).toEqual(['indicators']);
    expect(paths(refused({ ...submit, lines: [...lines, lines[2]!] }))).toEqual(['indicators.4.indicatorId']);
  });

  it('refuses a project whose goal is not to be found', () => {
    decide([])
      .when({ ...submit, goalIndicators: null })
      .thenThrows(IllegalStateError, /绩效目标不存在/);
  });

  it('refuses a qualitative value outside its band, and one without a reason', () => {
    const at = (q: { level: 'PARTLY'; percent: number }, reason: string | null = '部分完成') =>
      lines.map((l) => (l.indicatorId === 'o2' ? { ...l, qualitative: q, reason } : l));
    expect(paths(refused({ ...submit, lines: at({ level: 'PARTLY', percent: 80 }) }))).toEqual([
      'indicators.1.qualitative.percent',
    ]);
    expect(submittedBy({ ...submit, lines: at({ level: 'PARTLY', percent: 50 }) })).toHaveLength(1);
    expect(paths(refused({ ...submit, lines: at({ level: 'PARTLY', percent: 60 }, ' ') }))).toEqual([
      'indicators.1.reason',
    ]);
    const none = lines.map((l) => (l.indicatorId === 'o2' ? { ...l, qualitative: null } : l));
    expect(paths(refused({ ...submit, lines: none }))).toEqual(['indicators.1.qualitative']);
  });

  it('needs a deviation cause and an improvement measure below full points, not at full points', () => {
    const o1 = (patch: Partial<SheetLineInput>) => [{ ...lines[0]!, ...patch }, ...lines.slice(1)];
    expect(paths(refused({ ...submit, lines: o1({ deviationCause: ' ' }) }))).toEqual(['indicators.0.deviationCause']);
    expect(paths(refused({ ...submit, lines: o1({ improvementMeasure: null }) }))).toEqual([
      'indicators.0.improvementMeasure',
    ]);
    const [full] = submittedBy({
      ...submit,
      lines: o1({ actual: 4, deviationCause: null, improvementMeasure: null }),
    }) as [SelfEvaluationSubmitted];
    expect(full.data.score.lines[0]).toMatchObject({ awarded: 25, full: true });
  });

  it('asks the cause of the line below full points where it stands, with a goal whose benefit comes first', () => {
    // the goal lists benefit before output: the short output line is the second, and only it owes a cause
    const benefitFirst = [goal[2]!, goal[0]!, goal[1]!, goal[3]!];
    const sent = [lines[2]!, { ...lines[0]!, deviationCause: null, improvementMeasure: null }, lines[1]!, lines[3]!];
    expect(paths(refused({ ...submit, goalIndicators: benefitFirst, lines: sent }))).toEqual([
      'indicators.1.deviationCause',
      'indicators.1.improvementMeasure',
    ]);
    const [ok] = submittedBy({
      ...submit,
      goalIndicators: benefitFirst,
      lines: [sent[0]!, lines[0]!, ...sent.slice(2)],
    }) as [SelfEvaluationSubmitted];
    expect(ok.data.score.lines.map((l) => l.indicatorId)).toEqual(['b1', 'o1', 'o2', 's1']);
  });

  it('refuses a missing actual value and a negative executed amount; zero executed is an amount', () => {
    const noActual = [{ ...lines[0]!, actual: null }, ...lines.slice(1)];
    expect(paths(refused({ ...submit, lines: noActual }))).toEqual(['indicators.0.actual']);
    expect(paths(refused({ ...submit, executedFen: -1 }))).toEqual(['executed']);
    expect(paths(refused({ ...submit, executedFen: 0.5 }))).toEqual(['executed']);
    const [zero] = submittedBy({ ...submit, executedFen: 0 }) as [SelfEvaluationSubmitted];
    expect(zero.data.score.budgetExecution.awarded).toBe(0);
  });

  it.each([
    [0, '0.00'],
    [-100, '-1.00'],
  ])('refuses a project whose goal issued %p fen: the execution rate would divide by zero', (budgetFen, yuan) => {
    const issues = refused({ ...submit, budgetFen, executedFen: 0 });
    expect(issues).toEqual([
      {
        path: 'budget',
        zh: `项目「乡村道路提升」的全年预算数（目标下达金额）为 ${yuan} 元：预算执行率 = 执行数 ÷ 全年预算数，除数为零无法计算，不能按公式自评；请先调整目标下达金额`,
        en: `The full-year budget of project "乡村道路提升" (its goal's issued amount) is ${yuan} yuan: the execution rate is executed ÷ budget, which divides by zero, so the sheet cannot be scored by the formula; adjust the goal's issued amount first`,
      },
    ]);
  });

  it.each([
    [1, 0, 0],
    [1, 1, 10],
  ])(
    'scores a project whose goal issued %p fen, %p executed: %p points of budget execution',
    (budgetFen, executedFen, awarded) => {
      const [event] = submittedBy({ ...submit, budgetFen, executedFen }) as [SelfEvaluationSubmitted];
      expect(event.data.budgetFen).toBe(budgetFen);
      expect(event.data.score.budgetExecution.awarded).toBe(awarded);
    },
  );

  it('is submitted once; again only after a return, as the next submission', () => {
    for (const history of [
      [submitted],
      [submitted, reviewed('ACCEPT')],
      [submitted, reviewed('ACCEPT'), accepted('NOT_DRAWN')],
    ]) {
      decide(history)
        .when(submit)
        .thenThrows(IllegalStateError, /已提交/);
    }
    const [again] = submittedBy(submit, [submitted, reviewed('RETURN')]) as [SelfEvaluationSubmitted];
    expect(again.data.submission).toBe(2);
    const [afterCheck] = submittedBy(submit, [note(true), submitted, reviewed('ACCEPT'), checked('RETURN')]) as [
      SelfEvaluationSubmitted,
    ];
    expect(afterCheck.data.submission).toBe(2);
  });

  it('of a unit without a department is accepted at once when the draw left it out, not when drawn or before the draw', () => {
    const task = noDept;
    decide([note(false)])
      .when({ ...submit, task })
      .then([submittedNoDept, accepted('NOT_DRAWN')]);
    decide([note(true)])
      .when({ ...submit, task })
      .then([submittedNoDept]);
    decide([])
      .when({ ...submit, task })
      .then([submittedNoDept]);
    // a unit with a department waits for its review even when not drawn
    decide([note(false)])
      .when(submit)
      .then([submitted]);
  });
});

describe('submitting the overall expenditure (整体支出)', () => {
  const overall: SelfEvaluationTask = {
    ...projectTask,
    object: 'DEPT_OVERALL',
    goalId: null,
    projectId: null,
    name: '某局',
  };
  const own: SheetLineInput[] = [
    {
      indicatorId: 'k1',
      name: '履职完成率',
      level1: 'OUTPUT',
      operator: '>=',
      target: 100,
      points: 50,
      actual: 100,
      ...blank,
    },
    {
      indicatorId: 'k2',
      name: '社会效益',
      level1: 'BENEFIT',
      operator: '>=',
      target: 90,
      points: 30,
      actual: 95,
      ...blank,
    },
    {
      indicatorId: 'k3',
      name: '服务对象满意度',
      level1: 'SATISFACTION',
      operator: '>=',
      target: 90,
      points: 10,
      actual: 92,
      ...blank,
    },
  ];
  const c: SubmitSelfEvaluation = { ...submit, task: overall, goalIndicators: null, lines: own };

  it('scores the indicators the unit states, against the budget it states', () => {
    const [event] = submittedBy(c) as [SelfEvaluationSubmitted];
    expect(() => catalog.validate(event)).not.toThrow();
    expect(event.data.indicators[0]).toMatchObject({ indicatorId: 'k1', name: '履职完成率', target: 100, points: 50 });
    expect(event.data.score.total).toBe(99);
  });

  it('needs at least three indicators, output and benefit among them', () => {
    expect(paths(refused({ ...c, lines: own.slice(0, 2) }))).toEqual(['indicators']);
    expect(
      refused({ ...c, lines: own.map((l) => ({ ...l, level1: 'SATISFACTION' as const })) }).map((i) => i.en),
    ).toEqual([
      'The overall expenditure needs an output indicator',
      'The overall expenditure needs a benefit indicator',
    ]);
  });

  it('needs each indicator named, classed, compared and weighted above 0 and at most 100', () => {
    const first = (patch: Partial<SheetLineInput>) => [{ ...own[0]!, ...patch }, ...own.slice(1)];
    expect(paths(refused({ ...c, lines: first({ name: ' ' }) }))).toEqual(['indicators.0.name']);
    expect(paths(refused({ ...c, lines: first({ level1: null }) }))).toContain('indicators.0.level1');
    expect(paths(refused({ ...c, lines: first({ operator: null }) }))).toEqual(['indicators.0.operator']);
    expect(paths(refused({ ...c, lines: first({ level1: 'COSTS' }) }))).toEqual(['indicators', 'indicators.0.level1']);
    expect(paths(refused({ ...c, lines: first({ operator: '=>' }) }))).toEqual(['indicators.0.operator']);
    expect(paths(refused({ ...c, lines: first({ target: null }) }))).toEqual(['indicators.0.target']);
    expect(paths(refused({ ...c, lines: first({ points: 0 }) }))).toEqual(['indicators.0.points']);
    expect(paths(refused({ ...c, lines: first({ points: 101 }) }))).toEqual(['indicators.0.points']);
    expect(paths(refused({ ...c, lines: first({ points: null }) }))).toEqual(['indicators.0.points']);
    expect(submittedBy({ ...c, lines: first({ points: 100 }) })).toHaveLength(1);
    expect(refused({ ...c, lines: first({ points: null }) })[0]).toMatchObject({
      zh: expect.stringContaining('现为 空'),
      en: expect.stringContaining('not none'),
    });
    expect(refused({ ...c, lines: first({ points: 0 }) })[0]!.en).toContain('not 0');
  });

  it('records the unit’s statement trimmed, and no target for a qualitative indicator', () => {
    const q: SheetLineInput = {
      ...own[1]!,
      name: ' 社会效益 ',
      operator: 'QUALITATIVE',
      target: 90,
      actual: null,
      qualitative: { level: 'ACHIEVED', percent: 100 },
      reason: '群众反映良好',
    };
    const [event] = submittedBy({ ...c, lines: [own[0]!, q, own[2]!] }) as [SelfEvaluationSubmitted];
    expect(event.data.indicators[1]).toMatchObject({
      name: '社会效益',
      operator: 'QUALITATIVE',
      target: null,
      actual: null,
    });
    expect(event.data.indicators[1]!.qualitative).toEqual({ level: 'ACHIEVED', percent: 100 });
    expect(event.data.indicators[0]!.qualitative).toBeNull();
  });

  it('needs a full-year budget above zero', () => {
    expect(refused({ ...c, budgetFen: 0 })).toEqual([
      {
        path: 'budget',
        zh: '请填写大于零的全年预算数（预算执行率 = 执行数 ÷ 全年预算数，预算为零无法计算）',
        en: 'Enter the full-year budget, an amount above zero (the execution rate is executed ÷ budget, undefined for a budget of zero)',
      },
    ]);
    expect(submittedBy({ ...c, budgetFen: 1, executedFen: 1 })).toHaveLength(1);
  });
});

describe('scoreSheet: the one computation the preview and submission share', () => {
  const unexplained = lines.map((l) => ({ ...l, reason: null, deviationCause: null, improvementMeasure: null }));

  it('scores a sheet whose values are all there, listing the explanations still owed beside the score', () => {
    const sheet = scoreSheet({ ...submit, lines: unexplained });
    // the same score as the sheet with every explanation given: explanations change no number
    expect(sheet.score).toEqual(scoreSheet(submit).score);
    expect(sheet.score).toMatchObject({ total: 90.25, grade: 'EXCELLENT' });
    expect(sheet.issues).toEqual([
      {
        path: 'indicators.0.deviationCause',
        zh: '未得满分的指标须说明偏差原因',
        en: 'An indicator below full points needs the cause of its deviation',
      },
      {
        path: 'indicators.0.improvementMeasure',
        zh: '未得满分的指标须提出改进措施',
        en: 'An indicator below full points needs an improvement measure',
      },
      { path: 'indicators.1.reason', zh: '定性指标须说明评定理由', en: 'Give the reason for the qualitative value' },
      {
        path: 'indicators.1.deviationCause',
        zh: '未得满分的指标须说明偏差原因',
        en: 'An indicator below full points needs the cause of its deviation',
      },
      {
        path: 'indicators.1.improvementMeasure',
        zh: '未得满分的指标须提出改进措施',
        en: 'An indicator below full points needs an improvement measure',
      },
    ]);
    // submission refuses with exactly those issues, writing nothing
    expect(refused({ ...submit, lines: unexplained })).toEqual(sheet.issues);
  });

  it('has no issues and the score when everything is there', () => {
    expect(scoreSheet(submit)).toMatchObject({ issues: [], score: { total: 90.25 } });
  });

  it('gives no score while a value keeps the sheet from being scored (a missing actual, a value outside its band, no budget)', () => {
    const noActual = [{ ...unexplained[0]!, actual: null }, ...unexplained.slice(1)];
    const missing = scoreSheet({ ...submit, lines: noActual });
    expect(missing.score).toBeNull();
    // the explanations are asked once there is a score to say which lines fall short
    expect(paths(missing.issues)).toEqual(['indicators.0.actual']);
    const outside = unexplained.map((l) =>
      l.indicatorId === 'o2' ? { ...l, qualitative: { level: 'PARTLY' as const, percent: 85 } } : l,
    );
    expect(scoreSheet({ ...submit, lines: outside }).score).toBeNull();
    expect(scoreSheet({ ...submit, budgetFen: 0 })).toMatchObject({ score: null, issues: [{ path: 'budget' }] });
  });
});

describe('the department’s review (主管部门审核)', () => {
  const review: ReviewSelfEvaluation = {
    type: 'ReviewSelfEvaluation',
    evaluationId: 'e1',
    decision: 'ACCEPT',
    comment: '',
  };

  it('accepts a filled evaluation; its unit left out of the draw, the evaluation is accepted with it', () => {
    decide([submitted])
      .when(review)
      .then([reviewed('ACCEPT')]);
    decide([note(true), submitted])
      .when(review)
      .then([reviewed('ACCEPT')]);
    decide([note(false), submitted])
      .when(review)
      .then([reviewed('ACCEPT'), accepted('NOT_DRAWN')]);
  });

  it('returns with comments, trimmed; a return without them is refused', () => {
    decide([submitted])
      .when({ ...review, decision: 'RETURN', comment: ' 补充材料 ' })
      .then([reviewed('RETURN')]);
    const error = decide([submitted])
      .when({ ...review, decision: 'RETURN', comment: ' ' })
      .thenThrows(ValidationError);
    expect(paths(error.issues)).toEqual(['comment']);
    // a return after the draw accepts nothing
    decide([note(false), submitted])
      .when({ ...review, decision: 'RETURN', comment: '补充' })
      .then([{ ...reviewed('RETURN'), data: { ...reviewed('RETURN').data, comment: '补充' } } as SelfEvaluationEvent]);
  });

  it('reviews only a filled evaluation of a unit with a department', () => {
    decide([])
      .when(review)
      .thenThrows(IllegalStateError, /待主管部门审核/);
    decide([submitted, reviewed('ACCEPT')])
      .when(review)
      .thenThrows(IllegalStateError, /待主管部门审核/);
    decide([submittedNoDept])
      .when(review)
      .thenThrows(IllegalStateError, /待主管部门审核/);
  });
});

describe('the bureau’s spot check (财政抽查)', () => {
  const check: DecideSpotCheck = { type: 'DecideSpotCheck', evaluationId: 'e1', decision: 'ACCEPT', comment: ' 核查 ' };

  it('accepts a drawn, reviewed evaluation', () => {
    decide([note(true), submitted, reviewed('ACCEPT')])
      .when(check)
      .then([checked('ACCEPT'), accepted('SPOT_CHECK')]);
    decide([note(true), submittedNoDept])
      .when(check)
      .then([checked('ACCEPT'), accepted('SPOT_CHECK')]);
  });

  it('returns it with comments; without them it is refused', () => {
    decide([note(true), submitted, reviewed('ACCEPT')])
      .when({ ...check, decision: 'RETURN' })
      .then([checked('RETURN')]);
    const error = decide([note(true), submitted, reviewed('ACCEPT')])
      .when({ ...check, decision: 'RETURN', comment: '' })
      .thenThrows(ValidationError);
    expect(paths(error.issues)).toEqual(['comment']);
  });

  it('checks only a drawn unit’s evaluation, after the department’s review, not yet decided', () => {
    decide([submitted, reviewed('ACCEPT')])
      .when(check)
      .thenThrows(IllegalStateError, /未被抽中/);
    decide([note(false), submitted, reviewed('ACCEPT')])
      .when(check)
      .thenThrows(IllegalStateError, /未被抽中/);
    decide([note(true), submitted])
      .when(check)
      .thenThrows(IllegalStateError, /待财政抽查/);
    decide([note(true)])
      .when(check)
      .thenThrows(IllegalStateError, /待财政抽查/);
    decide([note(true), submitted, reviewed('ACCEPT'), checked('RETURN')])
      .when(check)
      .thenThrows(IllegalStateError, /待财政抽查/);
    decide([note(true), submitted, reviewed('ACCEPT'), checked('ACCEPT'), accepted('SPOT_CHECK')])
      .when(check)
      .thenThrows(IllegalStateError, /待财政抽查/);
  });
});

describe('the draw noted on an evaluation', () => {
  const noteDraw = (drawn: boolean): NoteDraw => ({
    type: 'NoteDraw',
    evaluationId: 'e1',
    unitId: 'u1',
    drawn,
    seed: 's',
  });

  it('is noted once; the scheduler or a redelivery adds nothing', () => {
    decide([])
      .when(noteDraw(true))
      .then([note(true)]);
    decide([note(true)])
      .when(noteDraw(false))
      .then([]);
    decide([note(false)])
      .when(noteDraw(false))
      .then([]);
  });

  it('accepts an evaluation left out that is ready for the spot check, and nothing else', () => {
    decide([submitted, reviewed('ACCEPT')])
      .when(noteDraw(false))
      .then([note(false), accepted('NOT_DRAWN')]);
    decide([submittedNoDept])
      .when(noteDraw(false))
      .then([note(false), accepted('NOT_DRAWN')]);
    decide([submitted])
      .when(noteDraw(false))
      .then([note(false)]);
    decide([])
      .when(noteDraw(false))
      .then([note(false)]);
    decide([submitted, reviewed('RETURN')])
      .when(noteDraw(false))
      .then([note(false)]);
    decide([submitted, reviewed('ACCEPT')])
      .when(noteDraw(true))
      .then([note(true)]);
  });

  it('evolve keeps the state through an event it does not know', () => {
    const state = selfEvaluationDecider.evolve(selfEvaluationDecider.initialState(), submitted);
    expect(selfEvaluationDecider.evolve(state, { type: 'Unknown', data: {} } as never)).toBe(state);
  });
});
