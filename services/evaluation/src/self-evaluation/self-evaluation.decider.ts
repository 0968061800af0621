import {
  displayYuan,
  IllegalStateError,
  invalid,
  isBlank,
  issueIf,
  type Decider,
  type FieldIssue,
  type RuleProfileRef,
  type RuleSet,
  type SELF_EVALUATION_DECISIONS,
  type SELF_EVALUATION_STATUSES,
} from '@jixiao/events';
import { indicatorIssues, scoreSelfEvaluation, type SelfEvaluationScore } from '../scoring';
import type { SelfEvaluationTask } from './notice.decider';
import type { SelfEvaluationEvent, SelfEvaluationSubmitted } from './self-evaluation.events';
import {
  explanationIssues,
  explanationsOf,
  goalDefinitions,
  overallDefinitions,
  type IndicatorDefinition,
  type SheetLineInput,
} from './self-evaluation.rules';

export type SelfEvaluationStatus = (typeof SELF_EVALUATION_STATUSES)[number];
export type SelfEvaluationDecision = (typeof SELF_EVALUATION_DECISIONS)[number];

/** `selfevaluation-<evaluationId>`. */
export const selfEvaluationStreamId = (evaluationId: string): string => `selfevaluation-${evaluationId}`;

/** The profile a sheet is scored under: its ref (recorded) and the numbers it holds. */
export interface ScoringProfile {
  ref: RuleProfileRef;
  weights: RuleSet['selfEvaluationWeights'];
  bands: RuleSet['gradeBands'];
}

/** What a sheet is: its budget, executed amount and lines, ready to score (or the issues that keep it from that). */
export interface SheetFigures {
  task: SelfEvaluationTask;
  /** PROJECT: the goal's issued indicators (null when the goal is not to be found); ignored for DEPT_OVERALL. */
  goalIndicators: IndicatorDefinition[] | null;
  /** PROJECT: the goal's issued amount; DEPT_OVERALL: the unit's full-year budget as it states it. */
  budgetFen: number;
  executedFen: number;
  lines: SheetLineInput[];
  profile: ScoringProfile;
}

/** 提交单位自评 (or resubmit after a return). */
export interface SubmitSelfEvaluation extends SheetFigures {
  type: 'SubmitSelfEvaluation';
  evaluationId: string;
  divisionCode: string;
  fiscalYear: number;
  dueDate: string;
  /** Today in China's time, `YYYY-MM-DD`. */
  today: string;
}

/** 主管部门审核. */
export interface ReviewSelfEvaluation {
  type: 'ReviewSelfEvaluation';
  evaluationId: string;
  decision: SelfEvaluationDecision;
  comment: string;
}

/** 财政抽查结论 on a drawn unit's evaluation. */
export interface DecideSpotCheck {
  type: 'DecideSpotCheck';
  evaluationId: string;
  decision: SelfEvaluationDecision;
  comment: string;
}

/** The draw, noted on each evaluation of the notice (a reaction to `SpotCheckDrawn`). */
export interface NoteDraw {
  type: 'NoteDraw';
  evaluationId: string;
  unitId: string;
  drawn: boolean;
  seed: string;
}

export type SelfEvaluationCommand = SubmitSelfEvaluation | ReviewSelfEvaluation | DecideSpotCheck | NoteDraw;

export interface SelfEvaluationState {
  status: SelfEvaluationStatus;
  task: SelfEvaluationTask | null;
  submission: number;
  /** Null until the draw is noted. */
  drawn: boolean | null;
  score: { total: number; grade: SelfEvaluationScore['grade'] } | null;
}

const isMoney = (fen: number) => Number.isSafeInteger(fen) && fen >= 0;

/**
 * The full-year budget the execution rate divides by (DOMAIN.md: weight × min(executed / budget, 1)): a
 * budget of 0 leaves the rate undefined, so no sheet is scored against it — neither the budget a unit
 * states for its overall expenditure nor a project's, its goal's issued amount.
 */
function budgetIssues(f: SheetFigures): FieldIssue[] {
  const positive = isMoney(f.budgetFen) && f.budgetFen > 0;
  const stated = Number.isSafeInteger(f.budgetFen) ? displayYuan(f.budgetFen) : String(f.budgetFen);
  if (f.task.object === 'DEPT_OVERALL') {
    return issueIf(
      !positive,
      'budget',
      '请填写大于零的全年预算数（预算执行率 = 执行数 ÷ 全年预算数，预算为零无法计算）',
      'Enter the full-year budget, an amount above zero (the execution rate is executed ÷ budget, undefined for a budget of zero)',
    );
  }
  return issueIf(
    !positive,
    'budget',
    `项目「${f.task.name}」的全年预算数（目标下达金额）为 ${stated} 元：预算执行率 = 执行数 ÷ 全年预算数，除数为零无法计算，不能按公式自评；请先调整目标下达金额`,
    `The full-year budget of project "${f.task.name}" (its goal's issued amount) is ${stated} yuan: the execution rate is executed ÷ budget, which divides by zero, so the sheet cannot be scored by the formula; adjust the goal's issued amount first`,
  );
}

/**
 * The sheet scored, and the issues that keep it from being submitted: the definitions (the goal's, or
 * the unit's own for its overall expenditure), each value, the budget, and the explanations a line
 * below full points or a qualitative line owes. `score` is null only when the values themselves keep
 * the sheet from being scored; explanations still owed (a reason, a deviation cause, an improvement
 * measure) come as issues beside the score. The same function previews and submits: submission refuses
 * on any issue, the preview shows the score with the issues left.
 */
export function scoreSheet(f: SheetFigures): {
  issues: FieldIssue[];
  definitions: IndicatorDefinition[];
  score: SelfEvaluationScore | null;
} {
  if (f.task.object === 'PROJECT' && f.goalIndicators === null) {
    throw new IllegalStateError({
      zh: `项目「${f.task.name}」的绩效目标不存在，无法自评`,
      en: `The goal of project "${f.task.name}" is not to be found; it cannot be evaluated`,
    });
  }
  const { definitions, issues } =
    f.task.object === 'PROJECT' ? goalDefinitions(f.lines, f.goalIndicators!) : overallDefinitions(f.lines);
  issues.push(
    ...issueIf(
      !isMoney(f.executedFen),
      'executed',
      '已执行金额应为不小于零的金额',
      'The amount executed must be an amount of zero or more',
    ),
    ...budgetIssues(f),
  );
  const results = f.lines.map((line, i) => {
    const d = definitions.find((x) => x.indicatorId === line.indicatorId);
    const result = {
      operator: d?.operator ?? '>=',
      target: d?.target ?? null,
      points: d?.points ?? 0,
      actual: d?.operator === 'QUALITATIVE' ? null : line.actual,
      qualitative: d?.operator === 'QUALITATIVE' ? line.qualitative : null,
    };
    if (d) issues.push(...indicatorIssues(result, `indicators.${i}`));
    return result;
  });
  if (issues.length > 0) return { issues, definitions, score: null };
  const score = scoreSelfEvaluation({
    weights: f.profile.weights,
    bands: f.profile.bands,
    budgetFen: f.budgetFen,
    executedFen: f.executedFen,
    indicators: definitions.map((d, i) => ({ ...d, ...results[i]! })),
  });
  const explanations = f.lines.flatMap((line, i) =>
    explanationIssues(line, score.lines[i]!.full, definitions[i]!.operator === 'QUALITATIVE', `indicators.${i}`),
  );
  return { issues: explanations, definitions, score };
}

function submit(c: SubmitSelfEvaluation, state: SelfEvaluationState): SelfEvaluationEvent[] {
  if (state.status !== 'ISSUED' && state.status !== 'RETURNED') {
    throw new IllegalStateError({
      zh: '该自评已提交，退回后方可重新提交',
      en: 'The self-evaluation was already submitted; it may be submitted again only after a return',
    });
  }
  const { issues, definitions, score } = scoreSheet(c);
  if (issues.length > 0 || !score) throw invalid(issues);
  const submission = state.submission + 1;
  const submitted: SelfEvaluationSubmitted = {
    type: 'SelfEvaluationSubmitted',
    data: {
      evaluationId: c.evaluationId,
      divisionCode: c.divisionCode,
      fiscalYear: c.fiscalYear,
      task: c.task,
      submission,
      ruleProfile: c.profile.ref,
      budgetFen: c.budgetFen,
      executedFen: c.executedFen,
      indicators: c.lines.map((line, i) => {
        const d = definitions[i]!;
        const qualitative = d.operator === 'QUALITATIVE';
        return {
          ...d,
          actual: qualitative ? null : line.actual,
          qualitative: qualitative ? line.qualitative : null,
          ...explanationsOf(line),
        };
      }),
      score: {
        budgetExecution: score.budgetExecution,
        lines: score.lines.map((l) => ({
          indicatorId: l.indicatorId,
          part: l.part,
          scaledPoints: l.scaledPoints,
          scaling: l.scaling,
          awarded: l.awarded,
          full: l.full,
          formula: l.formula,
        })),
        parts: score.parts,
        total: score.total,
        grade: score.grade,
      },
      late: c.today > c.dueDate,
    },
  };
  const accepted = state.drawn === false && !c.task.departmentReview;
  return [submitted, ...(accepted ? [acceptance(c.evaluationId, c.task.unitId, submission, 'NOT_DRAWN', score)] : [])];
}

function acceptance(
  evaluationId: string,
  unitId: string,
  submission: number,
  basis: 'SPOT_CHECK' | 'NOT_DRAWN',
  score: { total: number; grade: SelfEvaluationScore['grade'] },
): SelfEvaluationEvent {
  return {
    type: 'SelfEvaluationAccepted',
    data: { evaluationId, unitId, submission, basis, total: score.total, grade: score.grade },
  };
}

function decisionIssues(decision: SelfEvaluationDecision, comment: string): FieldIssue[] {
  return issueIf(
    decision === 'RETURN' && isBlank(comment),
    'comment',
    '退回须说明意见',
    'A return needs comments saying what to correct',
  );
}

/** Filled and waiting for the spot check: reviewed by the department, or filled by a unit without one. */
const readyForSpotCheck = (state: SelfEvaluationState): boolean =>
  state.status === 'DEPARTMENT_REVIEWED' || (state.status === 'FILLED' && state.task?.departmentReview === false);

function review(c: ReviewSelfEvaluation, state: SelfEvaluationState): SelfEvaluationEvent[] {
  if (state.status !== 'FILLED' || !state.task?.departmentReview) {
    throw new IllegalStateError({
      zh: '该自评不在待主管部门审核状态',
      en: 'The self-evaluation is not waiting for the department’s review',
    });
  }
  const issues = decisionIssues(c.decision, c.comment);
  if (issues.length > 0) throw invalid(issues);
  const { unitId } = state.task;
  const reviewed: SelfEvaluationEvent = {
    type: 'SelfEvaluationReviewed',
    data: {
      evaluationId: c.evaluationId,
      unitId,
      submission: state.submission,
      decision: c.decision,
      comment: c.comment.trim(),
    },
  };
  const accepted = c.decision === 'ACCEPT' && state.drawn === false;
  return [
    reviewed,
    ...(accepted ? [acceptance(c.evaluationId, unitId, state.submission, 'NOT_DRAWN', state.score!)] : []),
  ];
}

function spotCheck(c: DecideSpotCheck, state: SelfEvaluationState): SelfEvaluationEvent[] {
  if (state.drawn !== true) {
    throw new IllegalStateError({
      zh: '该单位未被抽中，不作财政抽查',
      en: 'The unit was not drawn for the spot check',
    });
  }
  if (!readyForSpotCheck(state)) {
    throw new IllegalStateError({
      zh: '该自评不在待财政抽查状态（须先经主管部门审核）',
      en: 'The self-evaluation is not waiting for the spot check (the department reviews it first)',
    });
  }
  const issues = decisionIssues(c.decision, c.comment);
  if (issues.length > 0) throw invalid(issues);
  const { unitId } = state.task!;
  const decided: SelfEvaluationEvent = {
    type: 'SpotCheckDecided',
    data: {
      evaluationId: c.evaluationId,
      unitId,
      submission: state.submission,
      decision: c.decision,
      comment: c.comment.trim(),
    },
  };
  const accepted = c.decision === 'ACCEPT';
  return [
    decided,
    ...(accepted ? [acceptance(c.evaluationId, unitId, state.submission, 'SPOT_CHECK', state.score!)] : []),
  ];
}

function noteDraw(c: NoteDraw, state: SelfEvaluationState): SelfEvaluationEvent[] {
  if (state.drawn !== null) return [];
  const noted: SelfEvaluationEvent = {
    type: 'SelfEvaluationDrawNoted',
    data: { evaluationId: c.evaluationId, unitId: c.unitId, drawn: c.drawn, seed: c.seed },
  };
  const accepted = !c.drawn && readyForSpotCheck(state);
  return [
    noted,
    ...(accepted ? [acceptance(c.evaluationId, c.unitId, state.submission, 'NOT_DRAWN', state.score!)] : []),
  ];
}

function evolve(state: SelfEvaluationState, event: SelfEvaluationEvent): SelfEvaluationState {
  switch (event.type) {
    case 'SelfEvaluationDrawNoted':
      return { ...state, drawn: event.data.drawn };
    case 'SelfEvaluationSubmitted': {
      const { task, submission, score } = event.data;
      return { ...state, status: 'FILLED', task, submission, score: { total: score.total, grade: score.grade } };
    }
    case 'SelfEvaluationReviewed':
    case 'SpotCheckDecided':
      if (event.data.decision === 'RETURN') return { ...state, status: 'RETURNED' };
      return event.type === 'SelfEvaluationReviewed' ? { ...state, status: 'DEPARTMENT_REVIEWED' } : state;
    case 'SelfEvaluationAccepted':
      return { ...state, status: 'ACCEPTED' };
    default:
      return state;
  }
}

/**
 * One self-evaluation (stream `selfevaluation-<evaluationId>`): submitted by its unit (again after a
 * return); reviewed by the department when the unit has one; the draw noted once; spot-checked when
 * drawn. Not drawn, it is accepted as soon as it is ready for the spot check — on the department's
 * review, on submission by a unit without a department, or on the note of the draw if it was ready
 * before.
 */
export const selfEvaluationDecider: Decider<SelfEvaluationCommand, SelfEvaluationEvent, SelfEvaluationState> = {
  initialState: () => ({ status: 'ISSUED', task: null, submission: 0, drawn: null, score: null }),
  evolve,
  decide(c, state) {
    switch (c.type) {
      case 'SubmitSelfEvaluation':
        return submit(c, state);
      case 'ReviewSelfEvaluation':
        return review(c, state);
      case 'DecideSpotCheck':
        return spotCheck(c, state);
      case 'NoteDraw':
        return noteDraw(c, state);
    }
  },
};
