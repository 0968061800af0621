import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { derivedId, invalid } from '@jixiao/events';
import { PreAssessmentRowSchema, type PreAssessmentRow } from '@jixiao/projections';
import {
  execute,
  newRecordId,
  recordAssignment,
  RowScope,
  scopedRows,
  type RequestContext,
  type ServiceDeps,
  type UnitScope,
  profileInForce,
  requireUnit,
} from '@jixiao/service-kit';
import { requireProject } from '../shared/facts';
import { preAssessmentDecider, preAssessmentStreamId, type PreAssessmentCommand } from './pre-assessment.decider';
import { ConcludePreAssessmentInput, GiveScoreInput, OpenPreAssessmentInput } from './pre-assessment.input';
import { preAssessmentNotFound, toPreAssessment } from './pre-assessment.read';
import { PreAssessment } from './pre-assessment.type';

/** Scorer roles: an expert scores as EXPERT, a review-centre (agency) user as INVESTMENT_REVIEW_CENTRE. */
const SCORER_ROLE = { EXPERT: 'EXPERT', AGENCY: 'INVESTMENT_REVIEW_CENTRE' } as const;

/**
 * Under the row-scope port: a unit's pre-assessments by their unit, and each by the PRE_ASSESSMENT
 * assignments of its scorers (an expert or review-centre user reads and scores exactly those).
 */
export const PRE_ASSESSMENTS = scopedRows<PreAssessmentRow>({
  unit: 'unitId',
  assignment: { kind: 'PRE_ASSESSMENT', column: 'preAssessmentId' },
});

/** Why the scorers named at opening are assigned: the grants say so in the audit trail. */
const NAMED_AT_OPENING = '启动事前评估时指派为评分人 (named as a scorer when the pre-assessment was opened)';

/** The row, or NOT_FOUND when it does not exist or lies outside the caller's scope (units and assignments). */
export async function reachablePreAssessment(
  deps: ServiceDeps,
  id: string,
  scope: UnitScope,
): Promise<PreAssessmentRow> {
  const row = await deps.em().findOne(PreAssessmentRowSchema, { preAssessmentId: id });
  if (!row || !PRE_ASSESSMENTS.reaches(scope, row)) throw preAssessmentNotFound(id, scope);
  return row;
}

/** 事前绩效评估: open, score per dimension, conclude against the profile's pass mark. */
@Resolver(() => PreAssessment)
export class PreAssessmentResolver {
  constructor(private readonly deps: ServiceDeps) {}

  /** Runs a command and answers with the pre-assessment, as far as the caller may see it. */
  private async run(ctx: RequestContext, scope: UnitScope, id: string, command: PreAssessmentCommand, options: object) {
    await execute(this.deps, ctx, preAssessmentStreamId(id), preAssessmentDecider, command, options);
    return toPreAssessment(await reachablePreAssessment(this.deps, id, scope));
  }

  /** Unit, year and division: from the project, or as given for a policy; in the caller's scope. */
  private async subjectOf(input: OpenPreAssessmentInput, scope: UnitScope) {
    const em = this.deps.em();
    if (input.subject === 'PROJECT' && input.projectId) {
      const p = await requireProject(em, input.projectId, scope);
      return { unitId: p.unitId, fiscalYear: p.fiscalYear, divisionCode: p.divisionCode };
    }
    if (input.subject === 'POLICY' && input.unitId && input.fiscalYear) {
      const unit = await requireUnit(em, input.unitId, scope);
      return { unitId: unit.unitId, fiscalYear: input.fiscalYear, divisionCode: unit.divisionCode };
    }
    throw invalid([
      input.subject === 'PROJECT'
        ? { path: 'projectId', zh: '评估项目时须指明项目', en: 'Name the project to assess' }
        : { path: 'unitId', zh: '评估政策时须指明单位和预算年度', en: 'Give the unit and fiscal year of the policy' },
    ]);
  }

  @Query(() => PreAssessment, { description: '按标识查询事前评估 (A pre-assessment by id)' })
  async preAssessment(
    @Arg('id', () => ID, { description: '标识 (id)' }) id: string,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<PreAssessment> {
    return toPreAssessment(await reachablePreAssessment(this.deps, id, scope));
  }

  @Query(() => [PreAssessment], { description: '某项目的事前评估 (The pre-assessments of a project)' })
  async preAssessmentsOfProject(
    @Arg('projectId', () => ID, { description: '项目标识 (project id)' }) projectId: string,
    @RowScope() scope: UnitScope,
  ): Promise<PreAssessment[]> {
    const where = { projectId, ...PRE_ASSESSMENTS.where(scope) };
    const rows = await this.deps.em().find(PreAssessmentRowSchema, where, { orderBy: { openedAt: 'asc' } });
    return rows.map(toPreAssessment);
  }

  @Mutation(() => PreAssessment, {
    description:
      '启动事前绩效评估并指派评分人，分数线与维度满分取自规则配置 (Open a pre-assessment, assign its scorers; pass mark and maxima from the rule profile in force)',
  })
  async openPreAssessment(
    @Arg('input', { description: '命令参数 (command input)' }) input: OpenPreAssessmentInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<PreAssessment> {
    const subject = await this.subjectOf(input, scope);
    const profile = await profileInForce(this.deps.em(), subject.divisionCode, subject.fiscalYear);
    const id = newRecordId(input.commandId);
    const command: PreAssessmentCommand = {
      type: 'OpenPreAssessment',
      preAssessmentId: id,
      subject: input.subject,
      projectId: input.subject === 'PROJECT' ? (input.projectId ?? null) : null,
      policyName: input.subject === 'POLICY' ? (input.policyName ?? null) : null,
      ...subject,
      ruleProfile: profile.ref,
      passMark: profile.rules.preAssessment.passMark,
      dimensionMaxPoints: profile.rules.preAssessment.dimensionMaxPoints,
      scorerIds: [...new Set(input.scorerIds)],
    };
    await execute(this.deps, ctx, preAssessmentStreamId(id), preAssessmentDecider, command, input);
    // the scorers named here are assigned in the assignment stream, so that stream holds every grant
    // and revocation of this pre-assessment and the port reads one source; a retry with the same
    // commandId repeats both steps, each answering its first result
    const grant = { type: 'GrantAssignments' as const, kind: 'PRE_ASSESSMENT' as const, subjectId: id };
    await recordAssignment(
      this.deps,
      ctx,
      { ...grant, assigneeUserIds: command.scorerIds, reason: NAMED_AT_OPENING },
      { commandId: input.commandId ? derivedId(`jixiao.assign:${input.commandId}`) : null },
    );
    return toPreAssessment(await reachablePreAssessment(this.deps, id, scope));
  }

  @Mutation(() => PreAssessment, {
    description:
      '指派的专家或投资评审中心对一个维度评分，每人每维度一次 (An assigned scorer scores one dimension, once)',
  })
  async giveScore(
    @Arg('input', { description: '命令参数 (command input)' }) input: GiveScoreInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<PreAssessment> {
    await reachablePreAssessment(this.deps, input.preAssessmentId, scope);
    const { preAssessmentId, dimension, points, reason } = input;
    const command: PreAssessmentCommand = {
      type: 'GiveScore',
      preAssessmentId,
      scorerId: ctx.actor.userId,
      scorerRole: SCORER_ROLE[ctx.actor.role as keyof typeof SCORER_ROLE] ?? 'EXPERT',
      dimension,
      points,
      reason,
    };
    return this.run(ctx, scope, preAssessmentId, command, input);
  }

  @Mutation(() => PreAssessment, {
    description: '出具评估结论：总分对照分数线（默认 85 分）(Conclude: the total against the pass mark, 85 by default)',
  })
  async concludePreAssessment(
    @Arg('input', { description: '命令参数 (command input)' }) input: ConcludePreAssessmentInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<PreAssessment> {
    await reachablePreAssessment(this.deps, input.preAssessmentId, scope);
    const { preAssessmentId, conclusion, report } = input;
    const command: PreAssessmentCommand = { type: 'ConcludePreAssessment', preAssessmentId, conclusion, report };
    return this.run(ctx, scope, preAssessmentId, command, input);
  }
}
