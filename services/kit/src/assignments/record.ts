import { execute, type ExecuteOptions, type ServiceDeps } from '../commands';
import type { RequestContext } from '../context';
import { assignmentDecider, assignmentStreamId, type AssignmentCommand } from './assignment.decider';

/**
 * Records a grant or a revocation in the record's assignment stream and waits until the
 * assignments read model shows it: a context calls it where it names or withdraws a person.
 *
 * @example recordAssignment(deps, ctx, { type: 'GrantAssignments', kind: 'PRE_ASSESSMENT', subjectId, assigneeUserIds, reason }, { commandId })
 */
export function recordAssignment(
  deps: ServiceDeps,
  ctx: RequestContext,
  command: AssignmentCommand,
  options: ExecuteOptions = {},
) {
  return execute(deps, ctx, assignmentStreamId(command.kind, command.subjectId), assignmentDecider, command, options);
}
