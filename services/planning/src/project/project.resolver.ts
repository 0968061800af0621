import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ProjectRowSchema } from '@jixiao/projections';
import {
  execute,
  newRecordId,
  pageOf,
  PageInput,
  RowScope,
  type RequestContext,
  type ServiceDeps,
  type UnitScope,
  NO_ROWS,
  requireUnit,
} from '@jixiao/service-kit';
import { requireProject } from '../shared/facts';
import { projectDecider, projectStreamId, type ProjectCommand } from './project.decider';
import { AdmitProjectInput, AllocateBudgetInput, ProjectFilter, ProposeProjectInput } from './project.input';
import { findProject, findProjects, gateFactsOf, projectNotFound } from './project.read';
import { Project, ProjectPage } from './project.type';

/** Projects: proposal, the library gate, budget. */
@Resolver(() => Project)
export class ProjectResolver {
  constructor(private readonly deps: ServiceDeps) {}

  /**
   * Runs a project command and answers with the project as queries now see it, scoped: a proposal's
   * command id reused by another unit names the same project, whose first result must not reveal it.
   */
  private async run(
    ctx: RequestContext,
    scope: UnitScope,
    projectId: string,
    command: ProjectCommand,
    options: object,
  ) {
    await execute(this.deps, ctx, projectStreamId(projectId), projectDecider, command, options);
    await this.inScope(projectId, scope);
    return findProject(this.deps.em(), projectId, projectNotFound(projectId));
  }

  /** The project, or NOT_FOUND when it does not exist or lies outside the caller's scope. */
  private async inScope(projectId: string, scope: UnitScope) {
    return requireProject(this.deps.em(), projectId, scope);
  }

  @Query(() => Project, {
    description: '按标识查询项目，含入库障碍 (A project by id, with what blocks it from the library)',
  })
  async project(
    @Arg('id', () => ID, { description: '标识 (id)' }) id: string,
    @RowScope() scope: UnitScope,
  ): Promise<Project> {
    await this.inScope(id, scope);
    return findProject(this.deps.em(), id, projectNotFound(id));
  }

  @Query(() => ProjectPage, {
    description:
      '项目列表：按单位、年度、库状态筛选；blockedOnly 列出不能入库的项目及原因 (Projects; blockedOnly lists those the gate refuses, with why)',
  })
  async projects(
    @Arg('filter', () => ProjectFilter, { nullable: true, description: '筛选条件 (filter)' }) filter?: ProjectFilter,
    @Arg('page', () => PageInput, { nullable: true, description: '分页参数 (pagination)' }) page?: PageInput,
    @RowScope() scope: UnitScope = NO_ROWS,
  ): Promise<ProjectPage> {
    return findProjects(this.deps.em(), filter ?? {}, pageOf(page), scope);
  }

  @Mutation(() => Project, { description: '申报项目 (Propose a project)' })
  async proposeProject(
    @Arg('input', { description: '命令参数 (command input)' }) input: ProposeProjectInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<Project> {
    const em = this.deps.em();
    const unit = await requireUnit(em, input.unitId, scope);
    const sameCode = await em.findOne(ProjectRowSchema, { unitId: input.unitId, code: input.code.trim() });
    const projectId = newRecordId(input.commandId);
    const { commandId: _c, amountRequested, ...proposal } = input;
    const command: ProjectCommand = {
      type: 'ProposeProject',
      ...proposal,
      amountRequestedFen: amountRequested,
      code: input.code.trim(),
      projectId,
      divisionCode: unit.divisionCode,
      codeInUseBy: sameCode?.projectId ?? null,
    };
    return this.run(ctx, scope, projectId, command, input);
  }

  @Mutation(() => Project, {
    description:
      '项目入库：须有已批准的绩效目标，新增重大项目还须通过事前绩效评估 (Admit to the library: needs an approved goal, and a passed pre-assessment if new and major)',
  })
  async admitProjectToLibrary(
    @Arg('input', { description: '命令参数 (command input)' }) input: AdmitProjectInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<Project> {
    await this.inScope(input.projectId, scope);
    const facts = (await gateFactsOf(this.deps.em(), [input.projectId])).get(input.projectId)!;
    return this.run(
      ctx,
      scope,
      input.projectId,
      { type: 'AdmitProjectToLibrary', projectId: input.projectId, facts },
      input,
    );
  }

  @Mutation(() => Project, { description: '为已入库项目安排预算 (Allocate budget to a project in the library)' })
  async allocateBudget(
    @Arg('input', { description: '命令参数 (command input)' }) input: AllocateBudgetInput,
    @Ctx() ctx: RequestContext,
    @RowScope() scope: UnitScope,
  ): Promise<Project> {
    const project = await this.inScope(input.projectId, scope);
    const { projectId, amount, budgetDocument } = input;
    const command: ProjectCommand = {
      type: 'AllocateBudget',
      projectId,
      fiscalYear: project.fiscalYear,
      amountFen: amount,
      budgetDocument,
    };
    return this.run(ctx, scope, projectId, command, input);
  }
}

/** Federation: a Project referenced by id elsewhere resolves here. */
export function projectReference(deps: ServiceDeps) {
  return {
    Project: {
      __resolveReference: (ref: { id: string }) => findProject(deps.em(), ref.id, projectNotFound(ref.id)),
    },
  };
}
