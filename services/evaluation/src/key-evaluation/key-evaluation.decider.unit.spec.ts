import {
  ErrorCode,
  EventCatalog,
  evaluationEvents,
  ForbiddenError,
  given,
  IllegalStateError,
  NotFoundError,
  ValidationError,
  type DomainError,
} from '@jixiao/events';
import { keyEvaluationDecider, keyEvaluationStreamId } from './key-evaluation.decider';
import type { KeyEvaluationEvent } from './key-evaluation.events';
import {
  agency,
  assign,
  assigned,
  department,
  fieldwork,
  finalized,
  inFeedback,
  plan,
  planned,
  profile,
  scored,
  unit,
} from './key-evaluation.fixtures';

const catalog = new EventCatalog(evaluationEvents);
const paths = (e: DomainError) => e.issues.map((i) => i.path);

describe('key evaluation: plan, assign, notify', () => {
  it('names its stream keyevaluation-<id>', () => {
    expect(keyEvaluationStreamId('e1')).toBe('keyevaluation-e1');
  });

  describe('when nothing is planned', () => {
    it('plans with the profile’s split and records the profile', () => {
      const [event] = given(keyEvaluationDecider, []).when(plan).then([planned]);
      expect(catalog.validate(event!).type).toBe('KeyEvaluationPlanned');
    });

    it('keeps a split the planner adjusted when output + benefit reach the minimum', () => {
      const split = { DECISION: 20, PROCESS: 20, OUTPUT: 30, BENEFIT: 30 };
      const [event] = given(keyEvaluationDecider, [])
        .when({ ...plan, split })
        .then([{ ...planned, data: { ...planned.data, split } } as typeof planned]);
      expect(event).toBeDefined();
    });

    it('refuses a split where output + benefit carry less than the minimum', () => {
      const split = { DECISION: 25, PROCESS: 20, OUTPUT: 30, BENEFIT: 25 };
      const e = given(keyEvaluationDecider, [])
        .when({ ...plan, split })
        .thenThrows(ValidationError);
      expect(e.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(paths(e).some((p) => p.startsWith('split'))).toBe(true);
    });

    it('refuses a profile whose own split falls below its minimum', () => {
      const context = { ...plan.context, profile: { ...profile, minOutputBenefitPercent: 70 } };
      given(keyEvaluationDecider, [])
        .when({ ...plan, context })
        .thenThrows(ValidationError);
    });

    it('refuses a blank subject, a project not the unit’s, and a project on a policy evaluation', () => {
      const blank = given(keyEvaluationDecider, [])
        .when({ ...plan, subject: '  ' })
        .thenThrows(ValidationError);
      expect(paths(blank)).toEqual(['subject']);
      const foreign = { ...plan.context, project: { unitId: 'u-other' } };
      expect(
        paths(
          given(keyEvaluationDecider, [])
            .when({ ...plan, context: foreign })
            .thenThrows(ValidationError),
        ),
      ).toEqual(['projectId']);
      const unknown = { ...plan.context, project: null };
      expect(
        paths(
          given(keyEvaluationDecider, [])
            .when({ ...plan, context: unknown })
            .thenThrows(ValidationError),
        ),
      ).toEqual(['projectId']);
      const policy = { ...plan, object: 'POLICY' as const, context: unknown };
      expect(paths(given(keyEvaluationDecider, []).when(policy).thenThrows(ValidationError))).toEqual(['projectId']);
    });

    it('plans a policy evaluation without a project', () => {
      const policy = {
        ...plan,
        object: 'POLICY' as const,
        projectId: null,
        subject: ' 义务教育补助政策 ',
        context: { profile, project: null },
      };
      const [event] = given(keyEvaluationDecider, [])
        .when(policy)
        .then([
          {
            type: 'KeyEvaluationPlanned',
            data: { ...planned.data, object: 'POLICY', projectId: null, subject: '义务教育补助政策' },
          },
        ]);
      expect(event).toBeDefined();
    });

    it('refuses a department evaluation of a department’s overall expenditure', () => {
      const e = given(keyEvaluationDecider, [])
        .when({ ...plan, kind: 'DEPARTMENT', object: 'DEPT_OVERALL', projectId: null })
        .thenThrows(ValidationError);
      expect(paths(e)).toEqual(['object']);
    });

    it('refuses assigning, notifying and working on what does not exist', () => {
      given(keyEvaluationDecider, []).when(assign).thenThrows(NotFoundError);
      given(keyEvaluationDecider, [])
        .when({ type: 'NotifyKeyEvaluationResults', evaluationId: 'e1', note: null })
        .thenThrows(NotFoundError);
    });
  });

  describe('when planned', () => {
    it('refuses planning twice', () => {
      given(keyEvaluationDecider, [planned])
        .when(plan)
        .thenThrows(IllegalStateError, /已列入计划/);
    });

    it('assigns the agency under its contract in force, trimming the scope', () => {
      given(keyEvaluationDecider, [planned])
        .when({ ...assign, scope: ' 项目决策、过程、产出与效益 ' })
        .then([assigned]);
    });

    it('accepts a contract on its first and last day', () => {
      given(keyEvaluationDecider, [planned])
        .when({ ...assign, today: '2024-03-01' })
        .then([assigned]);
      given(keyEvaluationDecider, [planned])
        .when({ ...assign, today: '2024-12-31' })
        .then([assigned]);
    });

    it('refuses an unknown agency, another agency’s contract, an expired contract and a blank scope', () => {
      const none = { ...assign, context: { ...assign.context, agency: null } };
      expect(paths(given(keyEvaluationDecider, [planned]).when(none).thenThrows(ValidationError))).toEqual([
        'evaluatorId',
      ]);
      const other = given(keyEvaluationDecider, [planned])
        .when({ ...assign, contractNumber: 'HT-X' })
        .thenThrows(ValidationError);
      expect(paths(other)).toEqual(['contractNumber']);
      expect(other.en).toMatch(/HT-X/);
      const unnamed = given(keyEvaluationDecider, [planned])
        .when({ ...assign, contractNumber: null })
        .thenThrows(ValidationError);
      expect(unnamed.en).toMatch(/\(none\)/);
      expect(unnamed.zh).toMatch(/（未填）/);
      expect(
        paths(
          given(keyEvaluationDecider, [planned])
            .when({ ...assign, today: '2025-01-01' })
            .thenThrows(ValidationError),
        ),
      ).toEqual(['contractNumber']);
      expect(
        paths(
          given(keyEvaluationDecider, [planned])
            .when({ ...assign, today: '2024-02-29' })
            .thenThrows(ValidationError),
        ),
      ).toEqual(['contractNumber']);
      expect(
        paths(
          given(keyEvaluationDecider, [planned])
            .when({ ...assign, scope: ' ' })
            .thenThrows(ValidationError),
        ),
      ).toEqual(['scope']);
    });

    it('assigns a department evaluation to the unit’s department, without a contract', () => {
      const deptPlanned = { ...planned, data: { ...planned.data, kind: 'DEPARTMENT' as const } };
      const command = { ...assign, evaluatorId: 'u-dept', context: { agency: null, supervises: true } };
      given(keyEvaluationDecider, [deptPlanned])
        .when(command)
        .then([
          {
            type: 'KeyEvaluationAssigned',
            data: { evaluationId: 'e1', evaluatorId: 'u-dept', contractNumber: null, scope: assign.scope },
          },
        ]);
      const e = given(keyEvaluationDecider, [deptPlanned])
        .when({ ...command, context: { agency: null, supervises: false } })
        .thenThrows(ValidationError);
      expect(paths(e)).toEqual(['evaluatorId']);
    });

    it('refuses notifying results before the final report', () => {
      const e = given(keyEvaluationDecider, [planned])
        .when({ type: 'NotifyKeyEvaluationResults', evaluationId: 'e1', note: null })
        .thenThrows(IllegalStateError, /正式报告提交后/);
      expect(e.en).toBe('The results are notified after the final report');
    });
  });

  describe('when assigned', () => {
    it('refuses assigning again', () => {
      given(keyEvaluationDecider, [planned, assigned])
        .when(assign)
        .thenThrows(IllegalStateError, /已委托/);
    });
  });

  describe('when final', () => {
    const notify = { type: 'NotifyKeyEvaluationResults' as const, evaluationId: 'e1', note: ' 请于30日内整改 ' };
    const final = [...inFeedback, finalized];
    it('notifies the evaluated unit, once', () => {
      given(keyEvaluationDecider, final)
        .when(notify)
        .then([
          {
            type: 'KeyEvaluationResultsNotified',
            data: { evaluationId: 'e1', unitId: 'u-edu', note: '请于30日内整改' },
          },
        ]);
      given(keyEvaluationDecider, final)
        .when({ ...notify, note: '  ' })
        .then([{ type: 'KeyEvaluationResultsNotified', data: { evaluationId: 'e1', unitId: 'u-edu', note: null } }]);
      const done = [
        ...final,
        { type: 'KeyEvaluationResultsNotified', data: { evaluationId: 'e1', unitId: 'u-edu', note: null } } as const,
      ];
      const e = given(keyEvaluationDecider, done)
        .when(notify)
        .thenThrows(IllegalStateError, /已通知/);
      expect(e.en).toMatch(/already notified/);
    });
  });

  describe('who does the work', () => {
    const evidence = {
      type: 'RecordEvaluationEvidence' as const,
      evaluationId: 'e1',
      evidenceId: 'v2',
      kind: 'DOCUMENTS' as const,
      date: '2024-04-11',
      place: null,
      documents: ['会计凭证'],
      participants: [],
      questionnaire: null,
      note: null,
      attachments: [],
      today: '2024-04-12',
      limits: { maxBytes: 1, contentTypes: [] },
    };
    it('refuses anyone but the assigned agency', () => {
      for (const actor of [
        { role: 'AGENCY', unitId: 'ag-2' },
        unit,
        department,
        { role: 'PERFORMANCE_SECTION', unitId: null },
      ]) {
        const e = given(keyEvaluationDecider, fieldwork)
          .when({ ...evidence, actor })
          .thenThrows(ForbiddenError);
        expect(e.code).toBe(ErrorCode.FORBIDDEN);
      }
      given(keyEvaluationDecider, [planned])
        .when({ ...evidence, actor: agency })
        .thenThrows(ForbiddenError);
      given(keyEvaluationDecider, [])
        .when({ ...evidence, actor: agency })
        .thenThrows(NotFoundError);
    });
    it('lets the department work on a department evaluation, not an agency', () => {
      const deptPlanned = { ...planned, data: { ...planned.data, kind: 'DEPARTMENT' as const } };
      const deptAssigned = { ...assigned, data: { ...assigned.data, evaluatorId: 'u-dept', contractNumber: null } };
      const [e] = given(keyEvaluationDecider, [deptPlanned, deptAssigned])
        .when({ ...evidence, actor: department })
        .then([
          {
            type: 'EvaluationEvidenceRecorded',
            data: {
              evaluationId: 'e1',
              evidenceId: 'v2',
              kind: 'DOCUMENTS',
              date: '2024-04-11',
              place: null,
              documents: ['会计凭证'],
              participants: [],
              questionnaire: null,
              note: null,
              attachments: [],
            },
          },
        ]);
      expect(e).toBeDefined();
      given(keyEvaluationDecider, [deptPlanned, deptAssigned])
        .when({ ...evidence, actor: { role: 'AGENCY', unitId: 'u-dept' } })
        .thenThrows(ForbiddenError);
    });
  });
});

describe('key evaluation: a department plans and assigns its own department evaluations', () => {
  const deptPlan = { ...plan, kind: 'DEPARTMENT' as const, by: department };
  const deptPlanned: KeyEvaluationEvent = { ...planned, data: { ...planned.data, kind: 'DEPARTMENT' } };
  const deptAssign = {
    ...assign,
    by: department,
    evaluatorId: 'u-dept',
    contractNumber: null,
    context: { agency: null, supervises: true },
  };

  it('plans a department evaluation, and assigns it to itself without a contract', () => {
    given(keyEvaluationDecider, []).when(deptPlan).then([deptPlanned]);
    given(keyEvaluationDecider, [deptPlanned])
      .when(deptAssign)
      .then([
        {
          type: 'KeyEvaluationAssigned',
          data: { evaluationId: 'e1', evaluatorId: 'u-dept', contractNumber: null, scope: assign.scope },
        },
      ]);
  });

  it('is FORBIDDEN a key evaluation: planning one, or assigning one the section planned', () => {
    const e = given(keyEvaluationDecider, [])
      .when({ ...plan, by: department })
      .thenThrows(ForbiddenError, /财政重点评价由财政部门绩效管理机构组织/);
    expect(e.code).toBe(ErrorCode.FORBIDDEN);
    expect(e.en).toMatch(/a department plans and assigns only department evaluations/);
    given(keyEvaluationDecider, [planned])
      .when({ ...assign, by: department })
      .thenThrows(ForbiddenError);
  });

  it('refuses every other role planning or assigning, whatever the kind', () => {
    for (const by of [agency, unit, { role: 'EXPERT', unitId: null }]) {
      given(keyEvaluationDecider, [])
        .when({ ...deptPlan, by })
        .thenThrows(ForbiddenError);
      given(keyEvaluationDecider, [deptPlanned])
        .when({ ...deptAssign, by })
        .thenThrows(ForbiddenError);
    }
  });

  it('assigns only to itself, and only a unit it supervises (the unit itself or a child)', () => {
    const other = given(keyEvaluationDecider, [deptPlanned])
      .when({ ...deptAssign, evaluatorId: 'u-edu' })
      .thenThrows(ValidationError, /主管部门只能将部门评价委托本部门开展/);
    expect(paths(other)).toEqual(['evaluatorId']);
    const notSupervised = given(keyEvaluationDecider, [deptPlanned])
      .when({ ...deptAssign, context: { agency: null, supervises: false } })
      .thenThrows(ValidationError, /部门评价由被评价单位的主管部门开展/);
    expect(paths(notSupervised)).toEqual(['evaluatorId']);
    // the section may assign a department evaluation to the supervising department
    given(keyEvaluationDecider, [deptPlanned])
      .when({ ...deptAssign, by: { role: 'PERFORMANCE_SECTION', unitId: null } })
      .then([expect.objectContaining({ type: 'KeyEvaluationAssigned' })] as never);
  });

  it('answers NOT_FOUND assigning an evaluation not planned, before asking who assigns', () => {
    given(keyEvaluationDecider, [])
      .when({ ...deptAssign, by: agency })
      .thenThrows(NotFoundError);
  });
});

describe('key evaluation: the state the decider keeps', () => {
  const fold = (events: readonly KeyEvaluationEvent[]) =>
    events.reduce(keyEvaluationDecider.evolve, keyEvaluationDecider.initialState());

  it('starts empty', () => {
    expect(keyEvaluationDecider.initialState()).toEqual({
      stage: 'NONE',
      kind: 'FINANCE_KEY',
      unitId: '',
      evaluatorId: null,
      split: { DECISION: 0, PROCESS: 0, OUTPUT: 0, BENEFIT: 0 },
      scores: [],
      expertScores: [],
      draftVersion: 0,
      feedback: [],
    });
  });

  it('keeps the latest score of each indicator of each dimension', () => {
    const state = fold([
      planned,
      assigned,
      scored('DECISION', 8, 10, 'X'),
      scored('PROCESS', 5, 5, 'X'),
      scored('DECISION', 9, 10, 'Y'),
      scored('DECISION', 9.5, 10, 'X'),
    ]);
    expect(state.scores).toEqual([
      { dimension: 'DECISION', indicator: 'X', points: 9.5, maxPoints: 10 },
      { dimension: 'PROCESS', indicator: 'X', points: 5, maxPoints: 5 },
      { dimension: 'DECISION', indicator: 'Y', points: 9, maxPoints: 10 },
    ]);
  });

  it('names the evaluation it cannot find', () => {
    const e = given(keyEvaluationDecider, []).when(assign).thenThrows(NotFoundError, /e1/);
    expect(e.en).toBe('Key evaluation e1 does not exist');
  });

  it('refuses a token without a unit before the evaluation is assigned', () => {
    const evidence = {
      type: 'RecordEvaluationEvidence' as const,
      evaluationId: 'e1',
      evidenceId: 'v',
      actor: { role: 'AGENCY', unitId: null },
      kind: 'DOCUMENTS' as const,
      date: '2024-04-01',
      place: null,
      documents: ['凭证'],
      participants: [],
      questionnaire: null,
      note: null,
      attachments: [],
      today: '2024-04-01',
      limits: { maxBytes: 1, contentTypes: [] },
    };
    const e = given(keyEvaluationDecider, [planned]).when(evidence).thenThrows(ForbiddenError);
    expect(e.en).toMatch(/Only the evaluator assigned/);
  });

  it('plans a bureau evaluation of a department’s overall expenditure, and a department evaluation of a policy', () => {
    const overall = { ...plan, object: 'DEPT_OVERALL' as const, projectId: null, context: { profile, project: null } };
    given(keyEvaluationDecider, [])
      .when(overall)
      .then([{ type: 'KeyEvaluationPlanned', data: { ...planned.data, object: 'DEPT_OVERALL', projectId: null } }]);
    const policy = { ...overall, kind: 'DEPARTMENT' as const, object: 'POLICY' as const };
    given(keyEvaluationDecider, [])
      .when(policy)
      .then([
        {
          type: 'KeyEvaluationPlanned',
          data: { ...planned.data, kind: 'DEPARTMENT', object: 'POLICY', projectId: null },
        },
      ]);
  });
});
