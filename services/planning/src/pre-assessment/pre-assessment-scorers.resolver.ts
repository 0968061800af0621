import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { IllegalStateError } from '@jixiao/events';
import { assigneesOf } from '@jixiao/projections';
import { recordAssignment, RowScope, type RequestContext, type ServiceDeps, type UnitScope } from '@jixiao/service-kit';
import { PreAssessmentScorerInput } from './pre-assessment.input';
import { toPreAssessment } from './pre-assessment.read';
import { reachablePreAssessment } from './pre-assessment.resolver';
import { PreAssessment } from './pre-assessment.type';

/**
 * 评分人指派: the performance section adds or withdraws a scorer of an open pre-assessment. Each is
 * an assignment (the directory's AssignmentGranted / AssignmentRevoked), which is what lets the
 * scorer read and score it — the row-scope port reads nothing else.
 */
@Resolver(() => PreAssessment)
export class PreAssessmentScorersResolver {
  constructor(private readonly deps: ServiceDeps) {}

  @FieldResolver(() => [ID], { description: '当前指派的评分人 (the scorers assigned now)' })
  async scorerIds(@Root() preAssessment: PreAssessment): Promise<string[]> {
    const rows = await assigneesOf(this.deps.em(), 'PRE_ASSESSMENT', preAssessment.id);
    return rows.map((row) => row.assigneeUserId);
  }

  @Mutation(() => PreAssessment, {
    description: '为进行中的事前评估增派评分人 (Assign another scorer to an open pre-assessment)',
  })
  async assignPreAssessmentScorer(
    @Arg('input', { description: '命令参数 (command input)' }) input: PreAssessmentScorerInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<PreAssessment> {
    const row = await reachablePreAssessment(this.deps, input.preAssessmentId, scope);
    if (row.status !== 'OPEN') {
      throw new IllegalStateError({
        zh: `事前评估 ${row.preAssessmentId} 已出具结论，不能再指派评分人`,
        en: `Pre-assessment ${row.preAssessmentId} is concluded; no scorer can be assigned any more`,
      });
    }
    const { preAssessmentId: subjectId, userId, reason, commandId } = input;
    const grant = { type: 'GrantAssignments' as const, kind: 'PRE_ASSESSMENT' as const, subjectId };
    await recordAssignment(this.deps, ctx, { ...grant, assigneeUserIds: [userId], reason }, { commandId });
    return toPreAssessment(await reachablePreAssessment(this.deps, subjectId, scope));
  }

  @Mutation(() => PreAssessment, {
    description:
      '撤销一名评分人的指派，其此后不能再查看或评分；已给出的评分保留 (Withdraw a scorer: no more reading or scoring; scores given stay)',
  })
  async revokePreAssessmentScorer(
    @Arg('input', { description: '命令参数 (command input)' }) input: PreAssessmentScorerInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<PreAssessment> {
    await reachablePreAssessment(this.deps, input.preAssessmentId, scope);
    const { preAssessmentId: subjectId, userId: assigneeUserId, reason, commandId } = input;
    const revoke = { type: 'RevokeAssignment' as const, kind: 'PRE_ASSESSMENT' as const, subjectId };
    await recordAssignment(this.deps, ctx, { ...revoke, assigneeUserId, reason }, { commandId });
    return toPreAssessment(await reachablePreAssessment(this.deps, subjectId, scope));
  }
}
