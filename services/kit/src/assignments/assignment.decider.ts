import {
  IllegalStateError,
  invalid,
  isBlank,
  issueIf,
  ASSIGNMENT_KIND_LABELS,
  type AssignmentGranted as AssignmentGrantedDef,
  type AssignmentKind,
  type AssignmentRevoked as AssignmentRevokedDef,
  type Decider,
  type EventOf,
} from '@jixiao/events';

export type AssignmentGranted = EventOf<typeof AssignmentGrantedDef>;
export type AssignmentRevoked = EventOf<typeof AssignmentRevokedDef>;
/** Every event of an `assignment-<kind>-<subjectId>` stream. */
export type AssignmentEvent = AssignmentGranted | AssignmentRevoked;

/** 指派 — name one or more users on a record; each gets one AssignmentGranted. */
export interface GrantAssignments {
  type: 'GrantAssignments';
  kind: AssignmentKind;
  subjectId: string;
  assigneeUserIds: readonly string[];
  reason: string;
}

/** 撤销指派 — withdraw one user's assignment. */
export interface RevokeAssignment {
  type: 'RevokeAssignment';
  kind: AssignmentKind;
  subjectId: string;
  assigneeUserId: string;
  reason: string;
}

export type AssignmentCommand = GrantAssignments | RevokeAssignment;

/** The users assigned to one record now. */
export interface AssignmentState {
  assignees: ReadonlySet<string>;
}

/**
 * `assignment-<kind>-<subjectId>`, e.g. `assignment-pre_assessment-<id>`: one stream per assigned
 * record, so granting a record's several scorers is one append and its grants and revocations are
 * in one order; who is assigned to what across records is the projection's answer.
 */
export const assignmentStreamId = (kind: AssignmentKind, subjectId: string): string =>
  `assignment-${kind.toLowerCase()}-${subjectId}`;

const label = (kind: AssignmentKind, subjectId: string) => ({
  zh: `${ASSIGNMENT_KIND_LABELS[kind].zh} ${subjectId}`,
  en: `${ASSIGNMENT_KIND_LABELS[kind].en} ${subjectId}`,
});

function grant(c: GrantAssignments, state: AssignmentState): AssignmentEvent[] {
  const named = [...new Set(c.assigneeUserIds.map((id) => id.trim()))];
  const issues = [
    ...issueIf(
      named.length === 0 || named.some(isBlank),
      'assigneeUserIds',
      '请指明被指派人',
      'Name the user to assign',
    ),
    ...issueIf(isBlank(c.reason), 'reason', '请说明指派理由', 'Give the reason for the assignment'),
  ];
  if (issues.length > 0) throw invalid(issues);
  const already = named.filter((id) => state.assignees.has(id));
  if (already.length > 0) {
    const { zh, en } = label(c.kind, c.subjectId);
    throw new IllegalStateError({
      zh: `${already.join('、')} 已被指派到${zh}，无需重复指派`,
      en: `${already.join(', ')} already assigned to ${en}; nothing to assign`,
    });
  }
  const { kind, subjectId } = c;
  const reason = c.reason.trim();
  return named.map((assigneeUserId) => ({
    type: 'AssignmentGranted' as const,
    data: { kind, subjectId, assigneeUserId, reason },
  }));
}

function revoke(c: RevokeAssignment, state: AssignmentState): AssignmentEvent[] {
  if (isBlank(c.reason)) {
    throw invalid([{ path: 'reason', zh: '请说明撤销理由', en: 'Give the reason for withdrawing the assignment' }]);
  }
  const assigneeUserId = c.assigneeUserId.trim();
  if (!state.assignees.has(assigneeUserId)) {
    const { zh, en } = label(c.kind, c.subjectId);
    throw new IllegalStateError({
      zh: `${assigneeUserId} 未被指派到${zh}，无可撤销`,
      en: `${assigneeUserId} is not assigned to ${en}; nothing to withdraw`,
    });
  }
  const { kind, subjectId } = c;
  return [{ type: 'AssignmentRevoked', data: { kind, subjectId, assigneeUserId, reason: c.reason.trim() } }];
}

function evolve(state: AssignmentState, event: AssignmentEvent): AssignmentState {
  const assignees = new Set(state.assignees);
  switch (event.type) {
    case 'AssignmentGranted':
      assignees.add(event.data.assigneeUserId);
      return { assignees };
    case 'AssignmentRevoked':
      assignees.delete(event.data.assigneeUserId);
      return { assignees };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

function decide(command: AssignmentCommand, state: AssignmentState): AssignmentEvent[] {
  switch (command.type) {
    case 'GrantAssignments':
      return grant(command, state);
    case 'RevokeAssignment':
      return revoke(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`unknown assignment command ${JSON.stringify(_exhaustive)}`);
    }
  }
}

/** Who is assigned to one record (stream category `assignment`; the events are the directory's). */
export const assignmentDecider: Decider<AssignmentCommand, AssignmentEvent, AssignmentState> = {
  initialState: () => ({ assignees: new Set() }),
  evolve,
  decide,
};
