import {
  ForbiddenError,
  IllegalStateError,
  invalid,
  isBlank,
  issueIf,
  NotFoundError,
  type Decider,
  type EvaluationDimension,
  type KEY_EVALUATION_KINDS,
  type KEY_EVALUATION_OBJECTS,
  type KEY_EVALUATION_STAGES,
  type RuleProfileRef,
} from '@jixiao/events';
import { splitIssues } from '../scoring';
import type { KeyEvaluationEvent, KeyEvaluationPlanned } from './key-evaluation.events';
import { giveExpertScores, type GiveExpertEvaluationScores } from './key-evaluation.expert.rules';
import { decideWork, type WorkCommand } from './key-evaluation.work.rules';

export type Stage = (typeof KEY_EVALUATION_STAGES)[number];
export type Kind = (typeof KEY_EVALUATION_KINDS)[number];
type EvaluatedObject = (typeof KEY_EVALUATION_OBJECTS)[number];
export type Split = Record<EvaluationDimension, number>;
export interface Score {
  dimension: EvaluationDimension;
  indicator: string;
  points: number;
  maxPoints: number;
}

/** Who sends a command: its role and the unit (or, for AGENCY, the agency) its token names. */
export interface Actor {
  role: string;
  unitId: string | null;
}

/** 列入年度计划: the split is the profile's unless the planner adjusts it. */
export interface PlanKeyEvaluation {
  type: 'PlanKeyEvaluation';
  evaluationId: string;
  /** The planner: the performance section, or a department planning a department evaluation of its own units. */
  by: Actor;
  kind: Kind;
  object: EvaluatedObject;
  unitId: string;
  projectId: string | null;
  subject: string;
  fiscalYear: number;
  /** The planner's adjusted split; null keeps the profile's. */
  split: Split | null;
  context: {
    profile: { ref: RuleProfileRef; split: Split; minOutputBenefitPercent: number };
    /** PROJECT: the project as planning holds it (null when unknown). */
    project: { unitId: string } | null;
  };
}

/** 委托: an agency under one of its contracts, or for a department evaluation the department. */
export interface AssignKeyEvaluation {
  type: 'AssignKeyEvaluation';
  evaluationId: string;
  /** Who assigns: the performance section, or a department assigning its department evaluation to itself. */
  by: Actor;
  evaluatorId: string;
  contractNumber: string | null;
  scope: string;
  /** `YYYY-MM-DD`: the contract must be in force on it. */
  today: string;
  context: {
    /** FINANCE_KEY: the agency's contracts as the register holds them; null when no such agency. */
    agency: { contracts: readonly { contractNumber: string; from: string; to: string }[] } | null;
    /** DEPARTMENT: whether the evaluator unit is the evaluated unit's department (its parent) or the unit itself. */
    supervises: boolean;
  };
}

/** 通知评价结果 to the evaluated unit. */
export interface NotifyKeyEvaluationResults {
  type: 'NotifyKeyEvaluationResults';
  evaluationId: string;
  note: string | null;
}

export type KeyEvaluationCommand =
  PlanKeyEvaluation | AssignKeyEvaluation | NotifyKeyEvaluationResults | GiveExpertEvaluationScores | WorkCommand;

export interface KeyEvaluationState {
  stage: Stage | 'NONE';
  kind: Kind;
  unitId: string;
  evaluatorId: string | null;
  split: Split;
  /** The latest score of each indicator, in the order first given. */
  scores: Score[];
  /** Invited experts' latest score of each indicator, per expert; beside the evaluator's, never in the total. */
  expertScores: (Score & { expertId: string })[];
  draftVersion: number;
  feedback: { feedbackId: string; answered: boolean }[];
}

/** `keyevaluation-<evaluationId>`. */
export const keyEvaluationStreamId = (evaluationId: string): string => `keyevaluation-${evaluationId}`;

export const notFound = (evaluationId: string) =>
  new NotFoundError({ zh: `重点评价 ${evaluationId} 不存在`, en: `Key evaluation ${evaluationId} does not exist` });

/** NOT_FOUND before the plan; FORBIDDEN for anyone but the assigned evaluator (the agency, or the department). */
export function requireEvaluator(
  state: Pick<KeyEvaluationState, 'stage' | 'kind' | 'evaluatorId'>,
  evaluationId: string,
  actor: Actor,
): void {
  if (state.stage === 'NONE') throw notFound(evaluationId);
  const role = state.kind === 'FINANCE_KEY' ? 'AGENCY' : 'DEPARTMENT';
  if (state.evaluatorId === null || actor.role !== role || actor.unitId !== state.evaluatorId) {
    throw new ForbiddenError({
      zh: '只有受托的评价机构（部门评价为主管部门）可以开展此项评价工作',
      en: 'Only the evaluator assigned (the agency, or the department for a department evaluation) does this work',
    });
  }
}

/**
 * Who plans and assigns: the performance section any evaluation; a department only department
 * evaluations (部门评价) — the units it reaches are its own (the row scope, before the command) —
 * and, assigning, only to itself. A key evaluation by an agency is the bureau's.
 */
function requirePlanner(by: Actor, kind: Kind): void {
  if (by.role === 'PERFORMANCE_SECTION') return;
  if (by.role !== 'DEPARTMENT' || kind !== 'DEPARTMENT') {
    throw new ForbiddenError({
      zh: '财政重点评价由财政部门绩效管理机构组织；主管部门只能组织本部门所属单位的部门评价',
      en: "Key evaluations are the bureau's; a department plans and assigns only department evaluations of its own units",
    });
  }
}

function plan(c: PlanKeyEvaluation, state: KeyEvaluationState): KeyEvaluationEvent[] {
  requirePlanner(c.by, c.kind);
  if (state.stage !== 'NONE') {
    throw new IllegalStateError({
      zh: `重点评价 ${c.evaluationId} 已列入计划`,
      en: `Key evaluation ${c.evaluationId} is already planned`,
    });
  }
  const { profile, project } = c.context;
  const split = c.split ?? profile.split;
  const issues = [
    ...issueIf(isBlank(c.subject), 'subject', '请填写评价对象名称', 'Name the project, policy or department evaluated'),
    ...issueIf(
      c.object === 'PROJECT' && (project === null || project.unitId !== c.unitId),
      'projectId',
      '项目评价须选择被评价单位的项目',
      "A project evaluation names a project of the evaluated unit's",
    ),
    ...issueIf(
      c.object !== 'PROJECT' && c.projectId !== null,
      'projectId',
      '只有项目评价选择项目',
      'Only a project evaluation names a project',
    ),
    ...issueIf(
      c.object === 'DEPT_OVERALL' && c.kind === 'DEPARTMENT',
      'object',
      '部门整体支出由财政组织重点评价，不作部门评价',
      "A department's overall expenditure is evaluated by the bureau, not as a department evaluation",
    ),
    ...splitIssues(split, profile.minOutputBenefitPercent, 'split'),
  ];
  if (issues.length > 0) throw invalid(issues);
  return [
    {
      type: 'KeyEvaluationPlanned',
      data: {
        evaluationId: c.evaluationId,
        kind: c.kind,
        object: c.object,
        unitId: c.unitId,
        // refused above unless a project evaluation names it
        projectId: c.projectId,
        subject: c.subject.trim(),
        fiscalYear: c.fiscalYear,
        split,
        minOutputBenefitPercent: profile.minOutputBenefitPercent,
        ruleProfile: profile.ref,
      },
    },
  ];
}

function assignIssues(c: AssignKeyEvaluation, kind: Kind) {
  if (kind === 'DEPARTMENT') {
    return [
      ...issueIf(
        !c.context.supervises,
        'evaluatorId',
        '部门评价由被评价单位的主管部门开展',
        "A department evaluation is carried out by the evaluated unit's department",
      ),
      ...issueIf(
        c.by.role === 'DEPARTMENT' && c.evaluatorId !== c.by.unitId,
        'evaluatorId',
        '主管部门只能将部门评价委托本部门开展',
        'A department assigns its department evaluation to itself',
      ),
    ];
  }
  const agency = c.context.agency;
  const contract = agency?.contracts.find((k) => k.contractNumber === c.contractNumber);
  return [
    ...issueIf(agency === null, 'evaluatorId', '评价机构不存在，请先登记', 'No such agency; register it first'),
    ...issueIf(
      agency !== null && !contract,
      'contractNumber',
      `合同 ${c.contractNumber ?? '（未填）'} 不是该机构的委托合同`,
      `Contract ${c.contractNumber ?? '(none)'} is not one of the agency's`,
    ),
    ...issueIf(
      !!contract && (c.today < contract.from || c.today > contract.to),
      'contractNumber',
      `合同 ${c.contractNumber} 不在有效期内（${contract?.from}—${contract?.to}）`,
      `Contract ${c.contractNumber} is not in force today (${contract?.from} to ${contract?.to})`,
    ),
  ];
}

function assign(c: AssignKeyEvaluation, state: KeyEvaluationState): KeyEvaluationEvent[] {
  if (state.stage === 'NONE') throw notFound(c.evaluationId);
  requirePlanner(c.by, state.kind);
  if (state.stage !== 'PLANNED') {
    throw new IllegalStateError({
      zh: '评价已委托，不能再次委托',
      en: 'The evaluation is already assigned; it cannot be assigned again',
    });
  }
  const issues = [
    ...assignIssues(c, state.kind),
    ...issueIf(isBlank(c.scope), 'scope', '请填写委托范围', 'Give the scope of the assignment'),
  ];
  if (issues.length > 0) throw invalid(issues);
  const contractNumber = state.kind === 'FINANCE_KEY' ? c.contractNumber : null;
  const { evaluationId, evaluatorId } = c;
  return [
    { type: 'KeyEvaluationAssigned', data: { evaluationId, evaluatorId, contractNumber, scope: c.scope.trim() } },
  ];
}

function notify(c: NotifyKeyEvaluationResults, state: KeyEvaluationState): KeyEvaluationEvent[] {
  if (state.stage === 'NONE') throw notFound(c.evaluationId);
  if (state.stage !== 'FINAL') {
    throw new IllegalStateError({
      zh: state.stage === 'RESULTS_NOTIFIED' ? '评价结果已通知' : '正式报告提交后才能通知评价结果',
      en:
        state.stage === 'RESULTS_NOTIFIED'
          ? 'The results were already notified'
          : 'The results are notified after the final report',
    });
  }
  const note = isBlank(c.note) ? null : c.note!.trim();
  return [{ type: 'KeyEvaluationResultsNotified', data: { evaluationId: c.evaluationId, unitId: state.unitId, note } }];
}

const planned = (d: KeyEvaluationPlanned['data']): KeyEvaluationState => ({
  stage: 'PLANNED',
  kind: d.kind,
  unitId: d.unitId,
  evaluatorId: null,
  split: d.split,
  scores: [],
  expertScores: [],
  draftVersion: 0,
  feedback: [],
});

function evolve(state: KeyEvaluationState, event: KeyEvaluationEvent): KeyEvaluationState {
  switch (event.type) {
    case 'KeyEvaluationPlanned':
      return planned(event.data);
    case 'KeyEvaluationAssigned':
      return { ...state, stage: 'AGENCY_ASSIGNED', evaluatorId: event.data.evaluatorId };
    case 'EvaluationEvidenceRecorded':
      return { ...state, stage: 'FIELDWORK' };
    case 'EvaluationScoreGiven': {
      const { dimension, indicator, points, maxPoints } = event.data;
      const same = (s: Score) => s.dimension === dimension && s.indicator === indicator;
      const score = { dimension, indicator, points, maxPoints };
      const scores = state.scores.some(same)
        ? state.scores.map((s) => (same(s) ? score : s))
        : [...state.scores, score];
      return { ...state, scores };
    }
    case 'EvaluationExpertScoreGiven': {
      const { expertId, dimension, indicator, points, maxPoints } = event.data;
      const same = (s: Score & { expertId: string }) =>
        s.expertId === expertId && s.dimension === dimension && s.indicator === indicator;
      const score = { expertId, dimension, indicator, points, maxPoints };
      const expertScores = state.expertScores.some(same)
        ? state.expertScores.map((s) => (same(s) ? score : s))
        : [...state.expertScores, score];
      return { ...state, expertScores };
    }
    case 'EvaluationDraftReportSubmitted':
      return { ...state, stage: 'DRAFT_REPORT', draftVersion: event.data.version };
    case 'EvaluationFeedbackGiven':
      return {
        ...state,
        stage: 'UNIT_FEEDBACK',
        feedback: [...state.feedback, { feedbackId: event.data.feedbackId, answered: false }],
      };
    case 'EvaluationFeedbackAnswered':
      return {
        ...state,
        feedback: state.feedback.map((f) => (f.feedbackId === event.data.feedbackId ? { ...f, answered: true } : f)),
      };
    case 'KeyEvaluationFinalized':
      return { ...state, stage: 'FINAL' };
    case 'KeyEvaluationResultsNotified':
      return { ...state, stage: 'RESULTS_NOTIFIED' };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

function decide(command: KeyEvaluationCommand, state: KeyEvaluationState): KeyEvaluationEvent[] {
  switch (command.type) {
    case 'PlanKeyEvaluation':
      return plan(command, state);
    case 'AssignKeyEvaluation':
      return assign(command, state);
    case 'NotifyKeyEvaluationResults':
      return notify(command, state);
    case 'GiveExpertEvaluationScores':
      return giveExpertScores(command, state);
    default:
      return decideWork(command, state);
  }
}

/** The key (or department) evaluation, stream category `keyevaluation`: planned → assigned → … → results notified. */
export const keyEvaluationDecider: Decider<KeyEvaluationCommand, KeyEvaluationEvent, KeyEvaluationState> = {
  initialState: () => ({
    stage: 'NONE',
    kind: 'FINANCE_KEY',
    unitId: '',
    evaluatorId: null,
    split: { DECISION: 0, PROCESS: 0, OUTPUT: 0, BENEFIT: 0 },
    scores: [],
    expertScores: [],
    draftVersion: 0,
    feedback: [],
  }),
  evolve,
  decide,
};
