import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { assignmentsOf, type AssignmentRow } from '@jixiao/projections';
import { RowScope, type RequestContext, type ServiceDeps, type UnitScope } from '@jixiao/service-kit';
import { Assignment, AssignmentKind } from './assignment.type';

const toAssignment = (row: AssignmentRow): Assignment => ({
  kind: row.kind as Assignment['kind'],
  subjectId: row.subjectId,
  assigneeUserId: row.assigneeUserId,
  reason: row.reason,
  grantedBy: row.grantedBy,
  grantedAt: new Date(row.grantedAt).toISOString(),
});

/** 指派查询: what a user is assigned to now (the grants and revocations are events of `assignment-*` streams). */
@Resolver(() => Assignment)
export class AssignmentResolver {
  constructor(private readonly deps: ServiceDeps) {}

  @Query(() => [Assignment], {
    description:
      '某用户当前的指派，默认为本人；仅绩效科与审计可查他人 (A user’s current assignments — your own by default; others’ for the performance section and auditors)',
  })
  async assignments(
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
    @Arg('userId', () => ID, { nullable: true, description: '用户标识，默认本人 (user id; yourself by default)' })
    userId?: string | null,
    @Arg('kind', () => AssignmentKind, { nullable: true, description: '类别 (kind)' }) kind?: Assignment['kind'] | null,
  ): Promise<Assignment[]> {
    const whose = userId ?? ctx.actor.userId;
    // another user's assignments are theirs: a caller scoped to their own assignments sees none of them
    if (!scope.all && whose !== ctx.actor.userId) return [];
    return (await assignmentsOf(this.deps.em(), whose, kind ?? undefined)).map(toAssignment);
  }
}
