import {
  EventCatalog,
  ErrorCode,
  planningEvents,
  given,
  IllegalStateError,
  MAX_FEN,
  NotFoundError,
  ValidationError,
  type DomainError,
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
/** What a client sees of a refusal: the stable code and the paths of its issues. */
const refusal = (error: DomainError) => ({ code: error.code, paths: error.issues.map((i) => i.path) });

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

  describe('a proposal', () => {
    it('is made once: proposing the same project again is refused as ILLEGAL_STATE', () => {
      const error = project([proposed])
        .when(propose)
        .thenThrows(IllegalStateError, /已申报/);
      expect(refusal(error)).toEqual({ code: ErrorCode.ILLEGAL_STATE, paths: [] });
    });

    it('is refused as ILLEGAL_STATE even when it is otherwise wrong, once the project exists', () => {
      const error = project([proposed, admitted])
        .when({ ...propose, name: ' ', years: 0 })
        .thenThrows(IllegalStateError, /already proposed/);
      expect(error.code).toBe(ErrorCode.ILLEGAL_STATE);
    });

    it.each([
      ['1 year', { years: 1 }],
      ['10 years', { years: 10 }],
      ['fiscal year 2000', { fiscalYear: 2000 }],
      ['fiscal year 2100', { fiscalYear: 2100 }],
      ['1 fen requested', { amountRequestedFen: 1 }],
      ['the 1-trillion-yuan limit requested', { amountRequestedFen: MAX_FEN }],
      ['a continuing minor project', { isNew: false, isMajor: false }],
    ])('takes %s', (_what, change) => {
      const { type: _type, codeInUseBy: _code, ...data } = { ...propose, ...change };
      project([])
        .when({ ...propose, ...change })
        .then([{ type: 'ProjectProposed', data }]);
    });

    it.each([
      ['years', '0 years', { years: 0 }],
      ['years', '11 years', { years: 11 }],
      ['years', '-1 years', { years: -1 }],
      ['years', 'a fraction of a year', { years: 1.5 }],
      ['years', 'years not a number', { years: Number.NaN }],
      ['fiscalYear', 'fiscal year 1999', { fiscalYear: 1999 }],
      ['fiscalYear', 'fiscal year 2101', { fiscalYear: 2101 }],
      ['fiscalYear', 'a fraction of a fiscal year', { fiscalYear: 2023.5 }],
      ['fiscalYear', 'a fiscal year not a number', { fiscalYear: Number.NaN }],
      ['amountRequested', 'a requested amount of 0', { amountRequestedFen: 0 }],
      ['code', 'a code of spaces', { code: '  ' }],
      ['code', 'an empty code', { code: '' }],
      ['name', 'an empty name', { name: '' }],
    ])('refuses at %s: %s, as BAD_USER_INPUT', (path, _what, change) => {
      const error = project([])
        .when({ ...propose, ...change })
        .thenThrows(ValidationError);
      expect(refusal(error)).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: [path] });
    });

    it('names every wrong field at once, in order, and says which project holds the code', () => {
      const error = project([])
        .when({
          ...propose,
          code: ' ',
          name: ' ',
          amountRequestedFen: 0,
          years: 0,
          fiscalYear: 1999,
          codeInUseBy: 'p0',
        })
        .thenThrows(ValidationError);
      expect(refusal(error)).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        paths: ['code', 'name', 'amountRequested', 'years', 'fiscalYear', 'code'],
      });
      expect(error.issues[5]!.en).toContain('project p0');
      expect(error.issues[3]!.en).toContain('Years 0 must be');
      expect(error.issues[4]!.en).toContain('Fiscal year 1999');
    });
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
      const error = project([proposed, admitted])
        .when({ type: 'AdmitProjectToLibrary', projectId: 'p1', facts: both })
        .thenThrows(IllegalStateError, /已在项目库/);
      expect(refusal(error)).toEqual({ code: ErrorCode.ILLEGAL_STATE, paths: [] });
    });

    it('cannot admit a project that was never proposed: NOT_FOUND, naming it', () => {
      const error = project([])
        .when({ type: 'AdmitProjectToLibrary', projectId: 'p9', facts: both })
        .thenThrows(NotFoundError, /p9/);
      expect(refusal(error)).toEqual({ code: ErrorCode.NOT_FOUND, paths: [] });
    });

    it('admits a continuing project without a pre-assessment, and records none', () => {
      const continuing: ProjectEvent = { type: 'ProjectProposed', data: { ...proposal, isNew: false } };
      project([continuing])
        .when({ type: 'AdmitProjectToLibrary', projectId: 'p1', facts: { ...both, passedPreAssessmentId: null } })
        .then([{ type: 'ProjectAdmittedToLibrary', data: { projectId: 'p1', goalId: 'g1', preAssessmentId: null } }]);
    });

    it('refuses with every blocker as an issue, each with both texts, and both in the message', () => {
      const error = project([proposed])
        .when({
          type: 'AdmitProjectToLibrary',
          projectId: 'p1',
          facts: { approvedGoalId: null, passedPreAssessmentId: null },
        })
        .thenThrows(IllegalStateError);
      const blockers = libraryGateBlockers(proposal, { approvedGoalId: null, passedPreAssessmentId: null });
      expect(error.code).toBe(ErrorCode.ILLEGAL_STATE);
      expect(error.issues).toEqual(blockers.map((b) => ({ path: b.condition, zh: b.zh, en: b.en })));
      expect(error.zh).toBe(`项目不能入库：${blockers[0]!.zh}；${blockers[1]!.zh}`);
      expect(error.en).toBe(`The project cannot enter the library: ${blockers[0]!.en}; ${blockers[1]!.en}`);
    });

    it('asks nothing more of a project with an approved goal that is neither new nor major', () => {
      expect(
        libraryGateBlockers({ isNew: false, isMajor: false }, { approvedGoalId: 'g1', passedPreAssessmentId: null }),
      ).toEqual([]);
    });

    it('gives each blocker its condition and its texts', () => {
      const blockers = libraryGateBlockers(
        { isNew: true, isMajor: true },
        { approvedGoalId: null, passedPreAssessmentId: null },
      );
      expect(blockers).toEqual([
        { condition: 'APPROVED_GOAL', zh: expect.stringMatching(/绩效目标/), en: expect.stringMatching(/goal/) },
        {
          condition: 'PASSED_PRE_ASSESSMENT',
          zh: expect.stringMatching(/事前绩效评估/),
          en: expect.stringMatching(/pre-assessment/),
        },
      ]);
      expect(
        libraryGateBlockers({ isNew: true, isMajor: true }, { approvedGoalId: 'g1', passedPreAssessmentId: null }),
      ).toEqual([expect.objectContaining({ condition: 'PASSED_PRE_ASSESSMENT' })]);
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
      const error = project([proposed])
        .when(allocate)
        .thenThrows(IllegalStateError, /尚未入库/);
      expect(refusal(error)).toEqual({ code: ErrorCode.ILLEGAL_STATE, paths: [] });
    });

    it('cannot go to a project that was never proposed: NOT_FOUND', () => {
      const error = project([]).when(allocate).thenThrows(NotFoundError, /p1/);
      expect(refusal(error)).toEqual({ code: ErrorCode.NOT_FOUND, paths: [] });
    });

    it('takes the whole request at once', () => {
      project([proposed, admitted])
        .when({ ...allocate, amountFen: 3_600_000_000 })
        .then([
          {
            type: 'BudgetAllocated',
            data: { ...withoutType(allocate), amountFen: 3_600_000_000, totalAllocatedFen: 3_600_000_000 },
          },
        ]);
    });

    it('refuses one fen beyond the request at once, as BAD_USER_INPUT at amount', () => {
      const error = project([proposed, admitted])
        .when({ ...allocate, amountFen: 3_600_000_001 })
        .thenThrows(ValidationError, /36,000,000\.01 元超过尚未安排的申请金额 36,000,000\.00 元/);
      expect(refusal(error)).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['amount'] });
    });

    it('names an amount beyond the limit once, not also as beyond the request', () => {
      const error = project([proposed, admitted])
        .when({ ...allocate, amountFen: MAX_FEN + 1 })
        .thenThrows(ValidationError, /上限/);
      expect(refusal(error)).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['amount'] });
    });

    it('needs the budget document, and names it with a wrong amount', () => {
      const error = project([proposed, admitted])
        .when({ ...allocate, budgetDocument: ' ' })
        .thenThrows(ValidationError, /预算文号/);
      expect(refusal(error)).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['budgetDocument'] });
      const both = project([proposed, admitted])
        .when({ ...allocate, amountFen: 0, budgetDocument: '' })
        .thenThrows(ValidationError);
      expect(refusal(both)).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['amount', 'budgetDocument'] });
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
    ])('refuses an allocation of %s, as BAD_USER_INPUT at amount', (_what, amountFen) => {
      const error = project([proposed, admitted])
        .when({ ...allocate, amountFen })
        .thenThrows(ValidationError);
      expect(refusal(error)).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['amount'] });
      // the issue names the amount allocated, not the amount requested
      expect(error.issues[0]).toMatchObject({
        zh: expect.stringMatching(/^安排金额/),
        en: expect.stringMatching(/^The amount/),
      });
    });
  });

  describe('the stream', () => {
    it('starts empty, with nothing allocated', () => {
      expect(projectDecider.initialState()).toEqual({ status: 'NONE', project: null, allocatedFen: 0 });
    });

    it('keeps the proposal through admission and allocation, and the running total', () => {
      const allocated: ProjectEvent = {
        type: 'BudgetAllocated',
        data: {
          projectId: 'p1',
          fiscalYear: 2023,
          amountFen: 100,
          budgetDocument: '天财预〔2023〕8号',
          totalAllocatedFen: 100,
        },
      };
      const state = [proposed, admitted, allocated].reduce(projectDecider.evolve, projectDecider.initialState());
      expect(state).toEqual({ status: 'IN_LIBRARY', project: proposal, allocatedFen: 100 });
    });

    it('ignores an event it does not know, and refuses a command it does not know', () => {
      const state = projectDecider.evolve(projectDecider.initialState(), proposed);
      expect(projectDecider.evolve(state, { type: 'ProjectRenamed', data: {} } as never)).toBe(state);
      expect(() => projectDecider.decide({ type: 'RenameProject' } as never, state)).toThrow(/unknown project command/);
    });
  });
});

function withoutType<T extends { type: string }>(command: T): Omit<T, 'type'> {
  const { type: _type, ...rest } = command;
  return rest;
}
