import { MoneyScalar } from '@jixiao/service-kit';
import type { Fen } from '@jixiao/events';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { BudgetUnitRef } from '../unit-ref/budget-unit.ref';
import { GateCondition, LibraryStatus, ProjectCategory } from './project.enums';

@ObjectType({ description: '入库障碍：缺少的入库条件 (A condition of the library gate the project does not meet)' })
export class LibraryBlocker {
  @Field(() => GateCondition, { description: '缺少的条件 (missing condition)' })
  condition!: GateCondition;

  @Field({ description: '说明（中文）(explanation in Chinese)' })
  zh!: string;

  @Field({ description: '说明（英文）(explanation in English)' })
  en!: string;
}

@ObjectType({ description: '预算安排记录 (One budget allocation)' })
export class BudgetAllocation {
  @Field(() => Int, { description: '预算年度 (fiscal year)' })
  fiscalYear!: number;

  @Field(() => MoneyScalar, { name: 'amount', description: '金额（元）(amount, yuan)' })
  amountFen!: Fen;

  @Field({ description: '预算文号 (budget document)' })
  budgetDocument!: string;

  @Field({ description: '安排时间 (allocated at, ISO-8601)' })
  allocatedAt!: string;

  @Field(() => ID, { description: '对应事件标识 (event id)' })
  eventId!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: '项目 (Project): 申报、入库、安排预算 (proposal, library admission, budget)' })
export class Project {
  @Field(() => ID, { description: '项目标识 (project id)' })
  id!: string;

  @Field(() => BudgetUnitRef, { description: '申报单位 (the proposing budget unit)' })
  unit!: BudgetUnitRef;

  @Field({ description: '项目编码 (code)' })
  code!: string;

  @Field({ description: '项目名称 (name)' })
  name!: string;

  @Field(() => ProjectCategory, { description: '项目类别 (category)' })
  category!: ProjectCategory;

  @Field({ description: '是否新增项目 (new project, not continuing)' })
  isNew!: boolean;

  @Field({ description: '是否重大项目 (major project)' })
  isMajor!: boolean;

  @Field(() => MoneyScalar, { name: 'amountRequested', description: '申请金额（元）(amount requested, yuan)' })
  amountRequestedFen!: Fen;

  @Field(() => Int, { description: '预算年度 (fiscal year)' })
  fiscalYear!: number;

  @Field(() => Int, { description: '实施年限 (years)' })
  years!: number;

  @Field({ description: '行政区划代码 (division code)' })
  divisionCode!: string;

  @Field(() => LibraryStatus, { description: '项目库状态 (library status)' })
  libraryStatus!: LibraryStatus;

  @Field(() => ID, { nullable: true, description: '入库依据的目标 (the approved goal it was admitted with)' })
  admittedGoalId!: string | null;

  @Field(() => ID, { nullable: true, description: '入库依据的事前评估 (the pre-assessment it was admitted with)' })
  admittedPreAssessmentId!: string | null;

  @Field(() => MoneyScalar, { name: 'allocatedTotal', description: '已安排预算（元）(budget allocated so far, yuan)' })
  allocatedTotalFen!: Fen;

  @Field(() => [BudgetAllocation], { description: '预算安排记录 (allocations)' })
  allocations!: BudgetAllocation[];

  @Field(() => [LibraryBlocker], {
    description: '尚不满足的入库条件；已入库或可入库时为空 (library conditions not yet met; empty once met)',
  })
  libraryBlockers!: LibraryBlocker[];

  @Field(() => Int, { description: '事件流版本 (stream version)' })
  version!: number;

  @Field({ description: '申报时间 (proposed at, ISO-8601)' })
  proposedAt!: string;
}

@ObjectType({ description: '项目分页结果 (A page of projects)' })
export class ProjectPage {
  @Field(() => [Project], { description: '本页项目 (projects on this page)' })
  nodes!: Project[];

  @Field(() => Int, { description: '符合条件的总数 (total matching)' })
  totalCount!: number;
}

@ObjectType({ description: '目标覆盖率：有已批准目标的项目占比 (Goal coverage of one unit)' })
export class GoalCoverage {
  @Field(() => BudgetUnitRef, { description: '预算单位 (unit)' })
  unit!: BudgetUnitRef;

  @Field(() => Int, { description: '预算年度 (fiscal year)' })
  fiscalYear!: number;

  @Field(() => Int, { description: '项目数 (projects)' })
  projects!: number;

  @Field(() => Int, { description: '有已批准目标的项目数 (projects with an approved goal)' })
  projectsWithApprovedGoal!: number;

  @Field(() => Float, { description: '覆盖率，0–1 (coverage, 0 to 1)' })
  coverage!: number;
}
