import { directoryEvents, ErrorCode, EventCatalog, given, IllegalStateError, ValidationError } from '@jixiao/events';
import {
  assignmentDecider,
  assignmentStreamId,
  type AssignmentEvent,
  type GrantAssignments,
} from './assignment.decider';

const grant = (...assigneeUserIds: string[]): GrantAssignments => ({
  type: 'GrantAssignments',
  kind: 'PRE_ASSESSMENT',
  subjectId: 'p1',
  assigneeUserIds,
  reason: '评审专家库抽取',
});
const granted = (assigneeUserId: string): AssignmentEvent => ({
  type: 'AssignmentGranted',
  data: { kind: 'PRE_ASSESSMENT', subjectId: 'p1', assigneeUserId, reason: '评审专家库抽取' },
});
const revoke = (assigneeUserId: string, reason = '回避：与项目单位有利害关系') => ({
  type: 'RevokeAssignment' as const,
  kind: 'PRE_ASSESSMENT' as const,
  subjectId: 'p1',
  assigneeUserId,
  reason,
});
const catalog = new EventCatalog(directoryEvents);
const a = (history: AssignmentEvent[]) => given(assignmentDecider, history);

describe('assignments of one record', () => {
  it('lives in one stream per record', () => {
    expect(assignmentStreamId('PRE_ASSESSMENT', 'p1')).toBe('assignment-pre_assessment-p1');
    expect(assignmentStreamId('OVERSIGHT_CASE', 'c1')).toBe('assignment-oversight_case-c1');
  });

  it('grants each named user once, in one decision, with events the catalog accepts', () => {
    const events = a([])
      .when(grant('e1', 'e2', 'e1'))
      .then([granted('e1'), granted('e2')]);
    for (const e of events) expect(() => catalog.validate(e)).not.toThrow();
  });

  it('refuses to grant a user already assigned, and needs a user and a reason', () => {
    a([granted('e1')])
      .when(grant('e2', 'e1'))
      .thenThrows(IllegalStateError, /e1 已被指派到事前绩效评估 p1/);
    a([])
      .when(grant())
      .thenThrows(ValidationError, /被指派人/);
    a([])
      .when(grant(' '))
      .thenThrows(ValidationError, /被指派人/);
    a([])
      .when({ ...grant('e1'), reason: ' ' })
      .thenThrows(ValidationError, /指派理由/);
  });

  it('revokes an assigned user, and then that user can be granted again', () => {
    const revoked: AssignmentEvent = {
      type: 'AssignmentRevoked',
      data: { kind: 'PRE_ASSESSMENT', subjectId: 'p1', assigneeUserId: 'e1', reason: '回避：与项目单位有利害关系' },
    };
    a([granted('e1')])
      .when(revoke('e1'))
      .then([revoked]);
    a([granted('e1'), revoked])
      .when(grant('e1'))
      .then([granted('e1')]);
  });

  it('refuses to revoke a user who is not (or no longer) assigned, or without a reason', () => {
    a([granted('e1')])
      .when(revoke('e2'))
      .thenThrows(IllegalStateError, /e2 未被指派/);
    a([granted('e1'), { type: 'AssignmentRevoked', data: { ...granted('e1').data } }])
      .when(revoke('e1'))
      .thenThrows(IllegalStateError, /未被指派/);
    a([granted('e1')])
      .when(revoke('e1', ''))
      .thenThrows(ValidationError, /撤销理由/);
  });

  describe('refusals, by code and issue path', () => {
    const invalid = (history: AssignmentEvent[], command: Parameters<typeof assignmentDecider.decide>[0]) => {
      const error = a(history).when(command).thenThrows(ValidationError);
      return { code: error.code, paths: error.issues.map((i) => i.path) };
    };

    it('needs every named user non-blank, and a reason, naming both at once', () => {
      expect(invalid([], grant('e1', ' '))).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['assigneeUserIds'] });
      expect(invalid([], { ...grant(), reason: '' })).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        paths: ['assigneeUserIds', 'reason'],
      });
      expect(invalid([], { ...grant('e1'), reason: '\t' })).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        paths: ['reason'],
      });
    });

    it('refuses a grant naming users already assigned as ILLEGAL_STATE, naming each of them', () => {
      const error = a([granted('e1'), granted('e2')])
        .when(grant('e3', 'e2', 'e1'))
        .thenThrows(IllegalStateError, /e2、e1 已被指派/);
      expect(error.code).toBe(ErrorCode.ILLEGAL_STATE);
    });

    it('remembers every grant of the history, not only the last', () => {
      a([granted('e1'), granted('e2')])
        .when(grant('e1'))
        .thenThrows(IllegalStateError, /e1 已被指派/);
    });

    it('asks for the reason of a revocation before looking at who is assigned', () => {
      expect(invalid([], revoke('e9', ' '))).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['reason'] });
    });

    it('refuses to revoke a user not assigned as ILLEGAL_STATE', () => {
      const error = a([granted('e1')])
        .when(revoke('e2'))
        .thenThrows(IllegalStateError);
      expect(error.code).toBe(ErrorCode.ILLEGAL_STATE);
    });

    it('keeps its state through an event it does not know', () => {
      const state = assignmentDecider.evolve(assignmentDecider.initialState(), granted('e1'));
      expect(assignmentDecider.evolve(state, { type: 'AssignmentMoved' } as unknown as AssignmentEvent)).toBe(state);
    });

    it('refuses a command it does not know', () => {
      expect(() =>
        assignmentDecider.decide({ type: 'Reassign' } as unknown as GrantAssignments, assignmentDecider.initialState()),
      ).toThrow(/unknown assignment command/);
    });
  });

  describe('names and reasons as typed', () => {
    it('trims the users named and the reason, and grants a user named twice once', () => {
      a([])
        .when({ ...grant(' e1', 'e1 ', 'e2'), reason: ' 评审专家库抽取\n' })
        .then([granted('e1'), granted('e2')]);
    });

    it('revokes the user named with spaces around, with the reason trimmed', () => {
      a([granted('e1'), granted('e2')])
        .when(revoke(' e1 ', ' 回避 '))
        .then([
          {
            type: 'AssignmentRevoked',
            data: { kind: 'PRE_ASSESSMENT', subjectId: 'p1', assigneeUserId: 'e1', reason: '回避' },
          },
        ]);
    });

    it('keeps the others assigned when one is revoked', () => {
      const revoked: AssignmentEvent = { type: 'AssignmentRevoked', data: { ...granted('e1').data, reason: '回避' } };
      a([granted('e1'), granted('e2'), revoked])
        .when(grant('e2'))
        .thenThrows(IllegalStateError, /e2 已被指派/);
    });
  });
});
