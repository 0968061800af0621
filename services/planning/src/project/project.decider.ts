import {
  IllegalStateError,
  invalid,
  NotFoundError,
  type Decider,
  type Fen,
  type FieldIssue,
  type LIBRARY_STATUSES,
  displayYuan,
  formatYuan,
  issueIf,
  isBlank,
  moneyIssues,
} from '@jixiao/events';
import type { ProjectEvent, ProjectProposed } from './project.events';
import { libraryGateBlockers, type GateFacts } from './project.gate';

type Proposal = Omit<ProjectProposed['data'], never>;

/** 申报项目. `codeInUseBy` is the project of the same unit that already has this code, if any. */
export interface ProposeProject extends Proposal {
  type: 'ProposeProject';
  codeInUseBy: string | null;
}

/** 入库: admitted only through the gate. */
export interface AdmitProjectToLibrary {
  type: 'AdmitProjectToLibrary';
  projectId: string;
  facts: GateFacts;
}

/** 安排预算: only for a project in the library, never beyond what was requested. */
export interface AllocateBudget {
  type: 'AllocateBudget';
  projectId: string;
  fiscalYear: number;
  amountFen: Fen;
  budgetDocument: string;
}

export type ProjectCommand = ProposeProject | AdmitProjectToLibrary | AllocateBudget;

/** The catalog's LIBRARY_STATUSES; NONE means the stream is empty. */
export type LibraryStatus = 'NONE' | (typeof LIBRARY_STATUSES)[number];

export interface ProjectState {
  status: LibraryStatus;
  project: Proposal | null;
  /** Fen allocated so far. */
  allocatedFen: Fen;
}

/** `project-<projectId>`. */
export const projectStreamId = (projectId: string): string => `project-${projectId}`;

function proposalIssues(c: ProposeProject): FieldIssue[] {
  return [
    ...issueIf(isBlank(c.code), 'code', '项目编码不能为空', 'The project code is empty'),
    ...issueIf(isBlank(c.name), 'name', '项目名称不能为空', 'The project name is empty'),
    ...moneyIssues(c.amountRequestedFen, 'amountRequested', { zh: '申请金额', en: 'The amount requested' }, 'positive'),
    ...issueIf(
      !Number.isInteger(c.years) || c.years < 1 || c.years > 10,
      'years',
      `实施年限 ${c.years} 无效，应为 1–10 年`,
      `Years ${c.years} must be a whole number from 1 to 10`,
    ),
    ...issueIf(
      !Number.isInteger(c.fiscalYear) || c.fiscalYear < 2000 || c.fiscalYear > 2100,
      'fiscalYear',
      `预算年度 ${c.fiscalYear} 无效`,
      `Fiscal year ${c.fiscalYear} must be from 2000 to 2100`,
    ),
    ...issueIf(
      c.codeInUseBy !== null,
      'code',
      `项目编码「${c.code}」已被本单位项目 ${c.codeInUseBy} 使用，请换一个编码`,
      `Project code "${c.code}" is already used by project ${c.codeInUseBy} of this unit; choose another`,
    ),
  ];
}

function requireProject(state: ProjectState, projectId: string): Proposal {
  if (!state.project) {
    throw new NotFoundError({ zh: `项目 ${projectId} 不存在`, en: `Project ${projectId} does not exist` });
  }
  return state.project;
}

function propose(c: ProposeProject, state: ProjectState): ProjectEvent[] {
  if (state.project) {
    throw new IllegalStateError({
      zh: `项目 ${c.projectId} 已申报`,
      en: `Project ${c.projectId} was already proposed`,
    });
  }
  const issues = proposalIssues(c);
  if (issues.length > 0) throw invalid(issues);
  const { type: _t, codeInUseBy: _c, ...data } = c;
  return [{ type: 'ProjectProposed', data }];
}

function admit(c: AdmitProjectToLibrary, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  if (state.status === 'IN_LIBRARY') {
    throw new IllegalStateError({ zh: '项目已在项目库中', en: 'The project is already in the library' });
  }
  const blockers = libraryGateBlockers(project, c.facts);
  if (blockers.length > 0) {
    throw new IllegalStateError(
      {
        zh: `项目不能入库：${blockers.map((b) => b.zh).join('；')}`,
        en: `The project cannot enter the library: ${blockers.map((b) => b.en).join('; ')}`,
      },
      blockers.map((b) => ({ path: b.condition, zh: b.zh, en: b.en })),
    );
  }
  const data = {
    projectId: c.projectId,
    goalId: c.facts.approvedGoalId!,
    preAssessmentId: c.facts.passedPreAssessmentId,
  };
  return [{ type: 'ProjectAdmittedToLibrary', data }];
}

function beyondRequest(amountFen: Fen, leftFen: Fen): FieldIssue[] {
  return issueIf(
    amountFen > leftFen,
    'amount',
    `安排金额 ${displayYuan(amountFen)} 元超过尚未安排的申请金额 ${displayYuan(leftFen)} 元`,
    `The amount ${formatYuan(amountFen)} exceeds what is left of the request (${formatYuan(leftFen)})`,
  );
}

function allocate(c: AllocateBudget, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  if (state.status !== 'IN_LIBRARY') {
    throw new IllegalStateError({
      zh: '项目尚未入库，不能安排预算；请先满足入库条件并办理入库',
      en: 'The project is not in the library, so it cannot get budget; admit it first',
    });
  }
  const left = project.amountRequestedFen - state.allocatedFen;
  const amountIssues = moneyIssues(c.amountFen, 'amount', { zh: '安排金额', en: 'The amount' }, 'positive');
  const issues = [
    ...amountIssues,
    ...(amountIssues.length === 0 ? beyondRequest(c.amountFen, left) : []),
    ...issueIf(isBlank(c.budgetDocument), 'budgetDocument', '请填写预算文号', 'Give the budget document number'),
  ];
  if (issues.length > 0) throw invalid(issues);
  const { projectId, fiscalYear, amountFen, budgetDocument } = c;
  const totalAllocatedFen = state.allocatedFen + amountFen;
  return [{ type: 'BudgetAllocated', data: { projectId, fiscalYear, amountFen, budgetDocument, totalAllocatedFen } }];
}

function evolve(state: ProjectState, event: ProjectEvent): ProjectState {
  switch (event.type) {
    case 'ProjectProposed':
      return { status: 'PROPOSED', project: event.data, allocatedFen: 0 };
    case 'ProjectAdmittedToLibrary':
      return { ...state, status: 'IN_LIBRARY' };
    case 'BudgetAllocated':
      return { ...state, allocatedFen: event.data.totalAllocatedFen };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

function decide(command: ProjectCommand, state: ProjectState): ProjectEvent[] {
  switch (command.type) {
    case 'ProposeProject':
      return propose(command, state);
    case 'AdmitProjectToLibrary':
      return admit(command, state);
    case 'AllocateBudget':
      return allocate(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`unknown project command ${JSON.stringify(_exhaustive)}`);
    }
  }
}

/** The project aggregate (stream category `project`): proposal, the library gate, budget. */
export const projectDecider: Decider<ProjectCommand, ProjectEvent, ProjectState> = {
  initialState: () => ({ status: 'NONE', project: null, allocatedFen: 0 }),
  evolve,
  decide,
};
