import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { EvaluationDimension } from '@jixiao/events';
import { assigneesOf } from '@jixiao/projections';
import {
  execute,
  recordAssignment,
  RowScope,
  type RequestContext,
  type ServiceDeps,
  type UnitScope,
} from '@jixiao/service-kit';
import {
  keyEvaluationDecider,
  keyEvaluationStreamId,
  type KeyEvaluationCommand,
  type KeyEvaluationState,
} from './key-evaluation.decider';
import { requireInviter } from './key-evaluation.expert.rules';
import { checkScoreDimensions, GiveEvaluationScoresInput, KeyEvaluationExpertInput } from './key-evaluation.input';
import { requireEvaluationRow, toKeyEvaluation } from './key-evaluation.read';
import { KeyEvaluation } from './key-evaluation.type';

type Row = Awaited<ReturnType<typeof requireEvaluationRow>>;
const asState = (row: Row) => row as unknown as Pick<KeyEvaluationState, 'stage' | 'kind' | 'evaluatorId'>;

/**
 * 专家评分: the performance section or the evaluator invites an expert to a key (or department)
 * evaluation — an assignment of kind KEY_EVALUATION (the directory's AssignmentGranted, as
 * pre-assessment scorers are named), which is what lets the expert read it and score it; the
 * expert's scores are recorded beside the evaluator's and do not enter the total.
 */
@Resolver(() => KeyEvaluation)
export class KeyEvaluationExpertsResolver {
  constructor(private readonly deps: ServiceDeps) {}

  @FieldResolver(() => [ID], { description: '当前受邀评分的专家 (the experts invited now)' })
  async expertIds(@Root() evaluation: KeyEvaluation): Promise<string[]> {
    const rows = await assigneesOf(this.deps.em(), 'KEY_EVALUATION', evaluation.id);
    return rows.map((row) => row.assigneeUserId);
  }

  @Mutation(() => KeyEvaluation, {
    description:
      '邀请专家参与评分：财政绩效科或受托评价方（机构、部门评价的主管部门），正式报告前 ' +
      '(Invite an expert to score: the performance section or the assigned evaluator, before the final report)',
  })
  async inviteKeyEvaluationExpert(
    @Arg('input', { description: '命令参数 (command input)' }) input: KeyEvaluationExpertInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<KeyEvaluation> {
    const row = await requireEvaluationRow(this.deps.em(), input.evaluationId, scope);
    requireInviter(asState(row), row.evaluationId, { role: ctx.actor.role, unitId: ctx.actor.unitId }, 'INVITE');
    const { userId, reason, commandId } = input;
    const grant = { type: 'GrantAssignments' as const, kind: 'KEY_EVALUATION' as const, subjectId: row.evaluationId };
    await recordAssignment(this.deps, ctx, { ...grant, assigneeUserIds: [userId], reason }, { commandId });
    return toKeyEvaluation(await requireEvaluationRow(this.deps.em(), row.evaluationId, scope));
  }

  @Mutation(() => KeyEvaluation, {
    description:
      '撤回专家邀请：其此后不能再查看或评分，已给出的评分保留 ' +
      '(Withdraw an expert’s invitation: no more reading or scoring; scores given stay)',
  })
  async withdrawKeyEvaluationExpert(
    @Arg('input', { description: '命令参数 (command input)' }) input: KeyEvaluationExpertInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<KeyEvaluation> {
    const row = await requireEvaluationRow(this.deps.em(), input.evaluationId, scope);
    requireInviter(asState(row), row.evaluationId, { role: ctx.actor.role, unitId: ctx.actor.unitId }, 'WITHDRAW');
    const { userId: assigneeUserId, reason, commandId } = input;
    const revoke = { type: 'RevokeAssignment' as const, kind: 'KEY_EVALUATION' as const, subjectId: row.evaluationId };
    await recordAssignment(this.deps, ctx, { ...revoke, assigneeUserId, reason }, { commandId });
    return toKeyEvaluation(await requireEvaluationRow(this.deps.em(), row.evaluationId, scope));
  }

  @Mutation(() => KeyEvaluation, {
    description:
      '受邀专家按维度和指标评分：与评价方评分并列记录，不计入最终得分；同一专家同一指标再次评分覆盖前次 ' +
      '(An invited expert scores indicators: recorded beside the evaluator’s, not in the total; a rescored indicator replaces the expert’s earlier score)',
  })
  async giveExpertEvaluationScores(
    @Arg('input', { description: '命令参数 (command input)' }) input: GiveEvaluationScoresInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<KeyEvaluation> {
    const em = this.deps.em();
    const row = await requireEvaluationRow(em, input.evaluationId, scope);
    checkScoreDimensions(input);
    const invited = (await assigneesOf(em, 'KEY_EVALUATION', row.evaluationId)).map((a) => a.assigneeUserId);
    const command: KeyEvaluationCommand = {
      type: 'GiveExpertEvaluationScores',
      evaluationId: row.evaluationId,
      actor: { role: ctx.actor.role, unitId: ctx.actor.unitId },
      expertId: ctx.actor.userId,
      scores: input.scores.map((s) => ({
        dimension: s.dimension as EvaluationDimension,
        indicator: s.indicator,
        points: s.points,
        maxPoints: s.maxPoints,
        reason: s.reason ?? null,
      })),
      context: { invited },
    };
    await execute(this.deps, ctx, keyEvaluationStreamId(row.evaluationId), keyEvaluationDecider, command, input);
    return toKeyEvaluation(await requireEvaluationRow(em, row.evaluationId, scope));
  }
}
