import { randomUUID } from 'node:crypto';
import { collectSubFields } from '@graphql-tools/utils';
import { getNamedType, type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { IllegalStateError, NotFoundError, type Fen } from '@jixiao/events';
import { GoalRowSchema, TemplateRowSchema } from '@jixiao/projections';
import {
  execute,
  pageOf,
  PageInput,
  RowScope,
  type RequestContext,
  type ServiceDeps,
  type UnitScope,
  NO_ROWS,
  profileInForce,
  requireUnit,
} from '@jixiao/service-kit';
import { goalRulesOf, requireProject } from '../shared/facts';
import { goalDecider, goalIdOf, goalStreamId, type GoalCommand } from './goal.decider';
import {
  AddIndicatorFromTemplateInput,
  AddIndicatorInput,
  DraftGoalFromSampleInput,
  DraftGoalInput,
  GoalFilter,
  RemoveIndicatorInput,
  ReviseIndicatorInput,
  SubmitDraftInput,
  SubmitGoalInput,
} from './goal.input';
import { toIndicatorData } from './goal.mapping';
import { findGoal, findGoals, goalNotFound } from './goal.read';
import { Goal, GoalPage } from './goal.type';

/** The field nodes named `name` (under any alias) selected on `type` by `fieldNodes`, fragments and @skip/@include applied. */
function selected(
  info: GraphQLResolveInfo,
  type: GraphQLObjectType,
  fieldNodes: FieldNode[],
  name: string,
): FieldNode[] {
  const { fields } = collectSubFields(info.schema, info.fragments, info.variableValues, type, fieldNodes);
  return [...fields.values()].flat().filter((node) => node.name.value === name);
}

/** Whether a `goals` query asks for the goals' indicators (a list of 200 goals would read 700-odd for nothing). */
function asksForIndicators(info: GraphQLResolveInfo): boolean {
  const page = getNamedType(info.returnType) as GraphQLObjectType;
  const nodes = selected(info, page, [...info.fieldNodes], 'nodes');
  const goal = getNamedType(page.getFields().nodes!.type) as GraphQLObjectType;
  return nodes.length > 0 && selected(info, goal, nodes, 'indicators').length > 0;
}

interface CommandOptions {
  commandId?: string | null;
  expectedVersion?: number | null;
}

/** Goals: queries, drafting and submission. Thin: arguments → command → decider; reads → read model. */
@Resolver(() => Goal)
export class GoalResolver {
  constructor(private readonly deps: ServiceDeps) {}

  /**
   * Runs a goal command and answers with the goal as queries now see it. An existing goal is
   * checked against the caller's scope first (out of scope is NOT_FOUND); a new one was checked
   * through its project. A repeated command id answers for this goal's stream only (the runner
   * refuses an id used on another stream), and the answer is read within the caller's scope.
   */
  private async run(
    ctx: RequestContext,
    scope: UnitScope,
    goalId: string,
    command: GoalCommand,
    options: CommandOptions,
    isNew = false,
  ) {
    if (!isNew) await findGoal(this.deps.em(), goalId, scope);
    await execute(this.deps, ctx, goalStreamId(goalId), goalDecider, command, options);
    return findGoal(this.deps.em(), goalId, scope);
  }

  private async goalRow(goalId: string) {
    const row = await this.deps.em().findOne(GoalRowSchema, { goalId });
    if (!row) throw goalNotFound(goalId);
    return row;
  }

  /** The project, or NOT_FOUND when it does not exist or lies outside the caller's scope. */
  private async projectInScope(projectId: string, scope: UnitScope) {
    return requireProject(this.deps.em(), projectId, scope);
  }

  /** The id a project's goal of this term takes, and the goal of that term already on record, if any. */
  private async goalSlot(project: { projectId: string; fiscalYear: number }, term: Goal['term']) {
    const { projectId, fiscalYear } = project;
    const where = term === 'ANNUAL' ? { projectId, term, fiscalYear } : { projectId, term };
    const existing = await this.deps.em().findOne(GoalRowSchema, where, { fields: ['goalId'] });
    return { goalId: goalIdOf(projectId, term, fiscalYear), existingGoalId: existing?.goalId ?? null };
  }

  /** Whether the unit has a supervising department that reviews first. */
  private async departmentReviews(unitId: string): Promise<boolean> {
    return (await requireUnit(this.deps.em(), unitId)).parentId !== null;
  }

  @Query(() => Goal, { description: '按标识查询绩效目标，含指标、审核历史和当前状态 (A goal by id)' })
  async goal(
    @Arg('id', () => ID, { description: '标识 (id)' }) id: string,
    @RowScope() scope: UnitScope,
  ): Promise<Goal> {
    return findGoal(this.deps.em(), id, scope);
  }

  @Query(() => GoalPage, {
    description: '绩效目标列表，可按单位、年度、状态、项目、样本、文字筛选 (Goals, filtered and paginated)',
  })
  async goals(
    @Arg('filter', () => GoalFilter, { nullable: true, description: '筛选条件 (filter)' }) filter?: GoalFilter,
    @Arg('page', () => PageInput, { nullable: true, description: '分页参数 (pagination)' }) page?: PageInput,
    @RowScope() scope: UnitScope = NO_ROWS,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<GoalPage> {
    const withIndicators = info ? asksForIndicators(info) : true;
    return findGoals(this.deps.em(), filter ?? {}, pageOf(page), scope, withIndicators);
  }

  @Mutation(() => Goal, { description: '提交绩效目标及其指标，直接进入审核 (Submit a new goal straight to review)' })
  async submitGoal(
    @Arg('input', { description: '命令参数 (command input)' }) input: SubmitGoalInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<Goal> {
    const em = this.deps.em();
    const project = await this.projectInScope(input.projectId, scope);
    const profile = await profileInForce(em, project.divisionCode, project.fiscalYear);
    const { goalId, existingGoalId } = await this.goalSlot(project, input.term);
    const command: GoalCommand = {
      type: 'SubmitGoal',
      ...this.contentFrom(goalId, project, input),
      existingGoalId,
      indicators: input.indicators.map((i) => toIndicatorData(i, i.id ?? randomUUID())),
      departmentReview: await this.departmentReviews(project.unitId),
      rules: goalRulesOf(profile),
    };
    return this.run(ctx, scope, goalId, command, input, true);
  }

  @Mutation(() => Goal, { description: '建立绩效目标草稿 (Draft a goal for a project)' })
  async draftGoal(
    @Arg('input', { description: '命令参数 (command input)' }) input: DraftGoalInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<Goal> {
    const project = await this.projectInScope(input.projectId, scope);
    const { goalId, existingGoalId } = await this.goalSlot(project, input.term);
    const indicators = input.indicators.map((i) => toIndicatorData(i, i.id ?? randomUUID()));
    const command: GoalCommand = {
      type: 'DraftGoal',
      ...this.contentFrom(goalId, project, input),
      projectId: project.projectId,
      indicators,
      copiedFromGoalId: null,
      existingGoalId,
    };
    return this.run(ctx, scope, goalId, command, input, true);
  }

  @Mutation(() => Goal, {
    description: '复制精品样本为新项目的目标草稿 (Draft a goal for a project by copying an exemplary sample)',
  })
  async draftGoalFromSample(
    @Arg('input', { description: '命令参数 (command input)' }) input: DraftGoalFromSampleInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<Goal> {
    const em = this.deps.em();
    // samples are published to every unit; any other goal stays as private as ever
    // only a goal that is not there is "not a sample"; a failing database is reported as such
    const sample = await findGoal(em, input.sampleGoalId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
    if (!sample?.exemplary) {
      await findGoal(em, input.sampleGoalId, scope);
      throw new IllegalStateError({
        zh: `目标 ${input.sampleGoalId} 不是精品样本，只能复制精品样本`,
        en: `Goal ${input.sampleGoalId} is not an exemplary sample; only samples can be copied`,
      });
    }
    const project = await this.projectInScope(input.projectId, scope);
    const { goalId, existingGoalId } = await this.goalSlot(project, sample.term);
    const indicators = sample.indicators.map((i) => toIndicatorData({ ...i, templateId: i.templateId }, randomUUID()));
    const content = { term: sample.term, overallGoal: sample.overallGoal, amount: project.amountRequestedFen };
    const command: GoalCommand = {
      type: 'DraftGoal',
      ...this.contentFrom(goalId, project, content),
      projectId: project.projectId,
      indicators,
      copiedFromGoalId: sample.id,
      existingGoalId,
    };
    return this.run(ctx, scope, goalId, command, input, true);
  }

  @Mutation(() => Goal, {
    description: '提交草稿，或修改后重新提交退回的目标 (Submit a draft, or resubmit a returned goal)',
  })
  async submitDraft(
    @Arg('input', { description: '命令参数 (command input)' }) input: SubmitDraftInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<Goal> {
    const row = await this.goalRow(input.goalId);
    const profile = await profileInForce(this.deps.em(), row.divisionCode, row.fiscalYear);
    const departmentReview = await this.departmentReviews(row.unitId);
    const command: GoalCommand = {
      type: 'SubmitDraft',
      goalId: input.goalId,
      departmentReview,
      rules: goalRulesOf(profile),
    };
    return this.run(ctx, scope, input.goalId, command, input);
  }

  @Mutation(() => Goal, { description: '添加自定义指标 (Add an own indicator to a draft or returned goal)' })
  async addIndicator(
    @Arg('input', { description: '命令参数 (command input)' }) input: AddIndicatorInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<Goal> {
    const indicator = toIndicatorData({ ...input.indicator, templateId: null }, input.indicator.id ?? randomUUID());
    return this.run(ctx, scope, input.goalId, { type: 'AddIndicator', goalId: input.goalId, indicator }, input);
  }

  @Mutation(() => Goal, {
    description: '从指标库添加指标，目标记住来源模板，模板使用次数加一 (Add an indicator from the library)',
  })
  async addIndicatorFromTemplate(
    @Arg('input', { description: '命令参数 (command input)' }) input: AddIndicatorFromTemplateInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<Goal> {
    const template = await this.deps.em().findOne(TemplateRowSchema, { templateId: input.templateId });
    if (!template) {
      throw new NotFoundError({
        zh: `指标库中没有模板 ${input.templateId}`,
        en: `The library has no template ${input.templateId}`,
      });
    }
    const { level1, level2, name, operator, unit, templateId } = template;
    const indicator = toIndicatorData(
      { ...input, level1, level2, name, operator, unit, templateId } as Parameters<typeof toIndicatorData>[0],
      randomUUID(),
    );
    return this.run(ctx, scope, input.goalId, { type: 'AddIndicator', goalId: input.goalId, indicator }, input);
  }

  @Mutation(() => Goal, {
    description: '修改一项绩效指标（草稿或退回时）(Revise one indicator of a draft or returned goal)',
  })
  async reviseIndicator(
    @Arg('input', { description: '命令参数 (command input)' }) input: ReviseIndicatorInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<Goal> {
    const indicator = toIndicatorData(input.indicator, input.indicator.id ?? '');
    const command: GoalCommand = { type: 'ReviseIndicator', goalId: input.goalId, indicator, reason: input.reason };
    return this.run(ctx, scope, input.goalId, command, input);
  }

  @Mutation(() => Goal, {
    description: '删除一项绩效指标（草稿或退回时）(Remove an indicator from a draft or returned goal)',
  })
  async removeIndicator(
    @Arg('input', { description: '命令参数 (command input)' }) input: RemoveIndicatorInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<Goal> {
    const { goalId, indicatorId, reason } = input;
    return this.run(ctx, scope, goalId, { type: 'RemoveIndicator', goalId, indicatorId, reason }, input);
  }

  private contentFrom(
    goalId: string,
    project: {
      projectId: string;
      unitId: string;
      code: string;
      name: string;
      fiscalYear: number;
      divisionCode: string;
    },
    input: { term: Goal['term']; overallGoal: string; amount: Fen },
  ) {
    return {
      goalId,
      projectId: project.projectId as string | null,
      unitId: project.unitId,
      projectCode: project.code,
      projectName: project.name,
      fiscalYear: project.fiscalYear,
      divisionCode: project.divisionCode,
      term: input.term,
      overallGoal: input.overallGoal,
      amountFen: input.amount,
    };
  }
}
