import {
  IllegalStateError,
  invalid,
  NotFoundError,
  PRE_ASSESSMENT_DIMENSIONS,
  type Decider,
  type PRE_ASSESSMENT_STATUSES,
  issueIf,
  isBlank,
} from '@jixiao/events';
import type { PreAssessmentEvent, PreAssessmentOpened, ScoreGiven } from './pre-assessment.events';
import { dimensionMeans, totalScore, type DimensionScores } from './pre-assessment.scoring';

type Opened = PreAssessmentOpened['data'];

/** 启动事前绩效评估 — the pass mark and dimension maxima come from the rule profile in force. */
export interface OpenPreAssessment extends Opened {
  type: 'OpenPreAssessment';
}

/** 评分 — one scorer, one dimension, once. */
export interface GiveScore extends Omit<ScoreGiven['data'], never> {
  type: 'GiveScore';
}

/** 出具评估结论. */
export interface ConcludePreAssessment {
  type: 'ConcludePreAssessment';
  preAssessmentId: string;
  conclusion: 'SUPPORT' | 'SUPPORT_AFTER_REVISION' | 'REJECT';
  report: string;
}

export type PreAssessmentCommand = OpenPreAssessment | GiveScore | ConcludePreAssessment;

export interface PreAssessmentState {
  /** The catalog's PRE_ASSESSMENT_STATUSES; NONE means the stream is empty. */
  status: 'NONE' | (typeof PRE_ASSESSMENT_STATUSES)[number];
  opened: Opened | null;
  scores: ScoreGiven['data'][];
}

/** `preassessment-<id>`. */
export const preAssessmentStreamId = (id: string): string => `preassessment-${id}`;

export const DIMENSION_LABELS: Record<(typeof PRE_ASSESSMENT_DIMENSIONS)[number], string> = {
  NECESSITY: '立项必要性',
  ECONOMY: '投入经济性',
  GOAL_REASONABLENESS: '绩效目标合理性',
  FEASIBILITY: '实施方案可行性',
  FINANCING_COMPLIANCE: '筹资合规性',
};

function requireOpen(state: PreAssessmentState, id: string, action: { zh: string; en: string }): Opened {
  if (!state.opened)
    throw new NotFoundError({ zh: `事前评估 ${id} 不存在`, en: `Pre-assessment ${id} does not exist` });
  if (state.status !== 'OPEN') {
    throw new IllegalStateError({
      zh: `事前评估已出具结论，不能再${action.zh}`,
      en: `The pre-assessment is concluded; you cannot ${action.en}`,
    });
  }
  return state.opened;
}

function open(c: OpenPreAssessment, state: PreAssessmentState): PreAssessmentEvent[] {
  if (state.status !== 'NONE') {
    throw new IllegalStateError({ zh: '该事前评估已启动', en: 'This pre-assessment was already opened' });
  }
  const issues = [
    ...issueIf(c.subject === 'PROJECT' && !c.projectId, 'projectId', '评估项目时须指明项目', 'Name the project'),
    ...issueIf(
      c.subject === 'POLICY' && !c.policyName?.trim(),
      'policyName',
      '评估政策时须填写政策名称',
      'Name the policy',
    ),
    ...issueIf(c.scorerIds.length === 0, 'scorerIds', '请指派至少一名评分专家', 'Assign at least one scorer'),
  ];
  if (issues.length > 0) throw invalid(issues);
  const { type: _t, ...data } = c;
  return [{ type: 'PreAssessmentOpened', data }];
}

function score(c: GiveScore, state: PreAssessmentState): PreAssessmentEvent[] {
  // who may score is the assignment's answer (the row-scope port, before the command): a scorer can
  // be assigned after the opening or withdrawn, which this stream's opening list cannot show
  const opened = requireOpen(state, c.preAssessmentId, { zh: '评分', en: 'score it' });
  const max = opened.dimensionMaxPoints[c.dimension];
  const label = DIMENSION_LABELS[c.dimension];
  if (state.scores.some((s) => s.scorerId === c.scorerId && s.dimension === c.dimension)) {
    throw new IllegalStateError({
      zh: `您已对「${label}」评过分，同一维度不能重复评分`,
      en: `You already scored ${c.dimension}; a scorer scores a dimension once`,
    });
  }
  const issues = [
    ...issueIf(
      !(c.points >= 0 && c.points <= max),
      'points',
      `「${label}」满分 ${max} 分，${c.points} 分超出范围（0–${max}）`,
      `${c.dimension} is scored from 0 to ${max}; ${c.points} is out of range`,
    ),
    ...issueIf(isBlank(c.reason), 'reason', '请说明评分理由', 'Give the reason for the score'),
  ];
  if (issues.length > 0) throw invalid(issues);
  const { type: _t, ...data } = c;
  return [{ type: 'ScoreGiven', data }];
}

function conclude(c: ConcludePreAssessment, state: PreAssessmentState): PreAssessmentEvent[] {
  const opened = requireOpen(state, c.preAssessmentId, { zh: '出具结论', en: 'conclude it' });
  const means = dimensionMeans(state.scores);
  const unscored = PRE_ASSESSMENT_DIMENSIONS.filter((d) => means[d] === null);
  if (unscored.length > 0) {
    throw new IllegalStateError({
      zh: `尚有维度未评分：${unscored.map((d) => DIMENSION_LABELS[d]).join('、')}`,
      en: `Not every dimension is scored yet: ${unscored.join(', ')}`,
    });
  }
  const dimensionScores = means as DimensionScores;
  const { total, passed } = totalScore(dimensionScores, opened.passMark);
  const issues = [
    ...issueIf(
      !passed && c.conclusion !== 'REJECT',
      'conclusion',
      `总分 ${total} 分低于通过分数线 ${opened.passMark} 分，结论只能为「不予支持」`,
      `The total ${total} is below the pass mark ${opened.passMark}; the conclusion can only be REJECT`,
    ),
    ...issueIf(isBlank(c.report), 'report', '请填写评估报告', 'Write the assessment report'),
  ];
  if (issues.length > 0) throw invalid(issues);
  const { preAssessmentId, conclusion, report } = c;
  const { passMark, ruleProfile } = opened;
  const data = { preAssessmentId, dimensionScores, total, passMark, passed, conclusion, report, ruleProfile };
  return [{ type: 'PreAssessmentConcluded', data }];
}

function evolve(state: PreAssessmentState, event: PreAssessmentEvent): PreAssessmentState {
  switch (event.type) {
    case 'PreAssessmentOpened':
      return { status: 'OPEN', opened: event.data, scores: [] };
    case 'ScoreGiven':
      return { ...state, scores: [...state.scores, event.data] };
    case 'PreAssessmentConcluded':
      return { ...state, status: 'CONCLUDED' };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

function decide(command: PreAssessmentCommand, state: PreAssessmentState): PreAssessmentEvent[] {
  switch (command.type) {
    case 'OpenPreAssessment':
      return open(command, state);
    case 'GiveScore':
      return score(command, state);
    case 'ConcludePreAssessment':
      return conclude(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`unknown pre-assessment command ${JSON.stringify(_exhaustive)}`);
    }
  }
}

/** 事前绩效评估 (stream category `preassessment`). */
export const preAssessmentDecider: Decider<PreAssessmentCommand, PreAssessmentEvent, PreAssessmentState> = {
  initialState: () => ({ status: 'NONE', opened: null, scores: [] }),
  evolve,
  decide,
};
