import {
  EventCatalog,
  planningEvents,
  given,
  IllegalStateError,
  MAX_FEN,
  NotFoundError,
  ValidationError,
} from '@jixiao/events';
import { projectDecider, projectStreamId, type ProposeProject } from './project.decider';
import type { ProjectEvent } from './project.events';
import { libraryGateBlockers } from './project.gate';

const catalog = new EventCatalog(planningEvents);

const propose: ProposeProject = {
  type: 'ProposeProject',
  projectId: 'p1',
  unitId: 'u-transport',
  code: 'JT-2023-001',
  name: '农村公路提档升级',
  category: 'ONE_OFF',
  isNew: true,
  isMajor: true,
  amountRequestedFen: 3_600_000_000, // 36,000,000.00 yuan
  fiscalYear: 2023,
  years: 1,
  divisionCode: '429006',
  codeInUseBy: null,
};
const { type: _t, codeInUseBy: _c, ...proposal } = propose;
const proposed: ProjectEvent = { type: 'ProjectProposed', data: proposal };
const admitted: ProjectEvent = {
  type: 'ProjectAdmittedToLibrary',
  data: { projectId: 'p1', goalId: 'g1', preAssessmentId: 'pa1' },
};
const both = { approvedGoalId: 'g1', passedPreAssessmentId: 'pa1' };
const project = (history: ProjectEvent[]) => given(projectDecider, history);

describe('project', () => {
  it('lives in project-<id> and its proposal fits the catalog', () => {
    expect(projectStreamId('p1')).toBe('project-p1');
    project([])
      .when(propose)
      .then([proposed])
      .forEach((e) => expect(() => catalog.validate(e)).not.toThrow());
  });

  it.each([
    ['amountRequested', { amountRequestedFen: 0 }],
    ['amountRequested', { amountRequestedFen: -100 }],
    ['amountRequested', { amountRequestedFen: 0.5 }],
    ['amountRequested', { amountRequestedFen: Number.NaN }],
    ['amountRequested', { amountRequestedFen: MAX_FEN + 1 }],
    ['years', { years: 11 }],
    ['name', { name: ' ' }],
    ['code', { codeInUseBy: 'p0' }],
  ])('refuses a proposal with a wrong %s', (path, change) => {
    const error = project([])
      .when({ ...propose, ...change })
      .thenThrows(ValidationError);
    expect(error.issues.map((i) => i.path)).toEqual([path]);
  });

  describe('the library gate', () => {
    it('lets a new major project in with an approved goal and a passed pre-assessment', () => {
      project([proposed]).when({ type: 'AdmitProjectToLibrary', projectId: 'p1', facts: both }).then([admitted]);
    });

    it('refuses without an approved goal, and says so', () => {
      const error = project([proposed])
        .when({ type: 'AdmitProjectToLibrary', projectId: 'p1', facts: { ...both, approvedGoalId: null } })
        .thenThrows(IllegalStateError, /缺少已批准的绩效目标/);
      expect(error.issues.map((i) => i.path)).toEqual(['APPROVED_GOAL']);
    });

    it('refuses a new major project without a passed pre-assessment, and names both when both are missing', () => {
      const error = project([proposed])
        .when({
          type: 'AdmitProjectToLibrary',
          projectId: 'p1',
          facts: { approvedGoalId: null, passedPreAssessmentId: null },
        })
        .thenThrows(IllegalStateError, /事前绩效评估/);
      expect(error.issues.map((i) => i.path)).toEqual(['APPROVED_GOAL', 'PASSED_PRE_ASSESSMENT']);
    });

    it.each([
      ['continuing', { isNew: false, isMajor: true }],
      ['minor', { isNew: true, isMajor: false }],
    ])('does not ask a %s project for a pre-assessment', (_kind, flags) => {
      expect(libraryGateBlockers(flags, { approvedGoalId: 'g1', passedPreAssessmentId: null })).toEqual([]);
    });

    it('admits once', () => {
      project([proposed, admitted])
        .when({ type: 'AdmitProjectToLibrary', projectId: 'p1', facts: both })
        .thenThrows(IllegalStateError, /已在项目库/);
    });

    it('cannot admit a project that was never proposed', () => {
      project([]).when({ type: 'AdmitProjectToLibrary', projectId: 'p1', facts: both }).thenThrows(NotFoundError);
    });
  });

  describe('budget', () => {
    const allocate = {
      type: 'AllocateBudget' as const,
      projectId: 'p1',
      fiscalYear: 2023,
      amountFen: 3_000_000_000,
      budgetDocument: '天财预〔2023〕8号',
    };

    it('goes only to projects in the library', () => {
      project([proposed])
        .when(allocate)
        .thenThrows(IllegalStateError, /尚未入库/);
    });

    it('adds up, and never beyond the amount requested', () => {
      const [first] = project([proposed, admitted])
        .when(allocate)
        .then([{ type: 'BudgetAllocated', data: { ...withoutType(allocate), totalAllocatedFen: 3_000_000_000 } }]);
      // one fen over what is left is refused, and the message names what is left in yuan
      const error = project([proposed, admitted, first!])
        .when({ ...allocate, amountFen: 600_000_001 })
        .thenThrows(ValidationError);
      expect(error.zh).toContain('6,000,000.01 元超过尚未安排的申请金额 6,000,000.00 元');
      expect(error.issues.map((i) => i.path)).toEqual(['amount']);
      project([proposed, admitted, first!])
        .when({ ...allocate, amountFen: 600_000_000 })
        .then([
          {
            type: 'BudgetAllocated',
            data: { ...withoutType(allocate), amountFen: 600_000_000, totalAllocatedFen: 3_600_000_000 },
          },
        ]);
    });

    it('adds fen exactly: ten allocations of 0.10 yuan make 1.00, not 0.9999999', () => {
      const history: ProjectEvent[] = [
        { type: 'ProjectProposed', data: { ...proposal, amountRequestedFen: 100 } },
        admitted,
      ];
      for (let i = 1; i <= 10; i++) {
        const data = { ...withoutType(allocate), amountFen: 10, totalAllocatedFen: 10 * i };
        history.push(
          ...project(history)
            .when({ ...allocate, amountFen: 10 })
            .then([{ type: 'BudgetAllocated', data }]),
        );
      }
      project(history)
        .when({ ...allocate, amountFen: 1 })
        .thenThrows(ValidationError, /0\.01 exceeds what is left of the request \(0\.00\)/);
    });

    it.each([
      ['zero', 0],
      ['negative', -1],
      ['a fraction of a fen', 0.5],
      ['not a number', Number.NaN],
    ])('refuses an allocation of %s', (_what, amountFen) => {
      const error = project([proposed, admitted])
        .when({ ...allocate, amountFen })
        .thenThrows(ValidationError);
      expect(error.issues.map((i) => i.path)).toEqual(['amount']);
    });
  });
});

function withoutType<T extends { type: string }>(command: T): Omit<T, 'type'> {
  const { type: _type, ...rest } = command;
  return rest;
}
