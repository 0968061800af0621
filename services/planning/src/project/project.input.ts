import { MoneyScalar } from '@jixiao/service-kit';
import type { Fen } from '@jixiao/events';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CommandInput, VersionedCommandInput } from '../shared/command.input';
import { LibraryStatus, ProjectCategory } from './project.enums';

@InputType({ description: '申报项目 (Propose a project)' })
export class ProposeProjectInput extends CommandInput {
  @Field(() => ID, { description: '申报单位 (proposing unit)' })
  unitId!: string;

  @Field({ description: '项目编码，本单位内唯一 (code, unique within the unit)' })
  code!: string;

  @Field({ description: '项目名称 (name)' })
  name!: string;

  @Field(() => ProjectCategory, { description: '项目类别 (category)' })
  category!: ProjectCategory;

  @Field({ description: '是否新增项目 (new project)' })
  isNew!: boolean;

  @Field({ description: '是否重大项目 (major project)' })
  isMajor!: boolean;

  @Field(() => MoneyScalar, { description: '申请金额（元）(amount requested, yuan)' })
  amountRequested!: Fen;

  @Field(() => Int, { description: '预算年度 (fiscal year)' })
  fiscalYear!: number;

  @Field(() => Int, { defaultValue: 1, description: '实施年限 (years)' })
  years!: number;
}

@InputType({ description: '项目入库 (Admit a project to the library)' })
export class AdmitProjectInput extends VersionedCommandInput {
  @Field(() => ID, { description: '项目标识 (project id)' })
  projectId!: string;
}

@InputType({ description: '安排预算 (Allocate budget to a project in the library)' })
export class AllocateBudgetInput extends VersionedCommandInput {
  @Field(() => ID, { description: '项目标识 (project id)' })
  projectId!: string;

  @Field(() => MoneyScalar, { description: '金额（元）(amount, yuan)' })
  amount!: Fen;

  @Field({ description: '预算文号 (budget document number)' })
  budgetDocument!: string;
}

@InputType({ description: '项目筛选条件 (Project filter)' })
export class ProjectFilter {
  @Field(() => ID, { nullable: true, description: '预算单位 (unit)' })
  unitId?: string | null;

  @Field(() => Int, { nullable: true, description: '预算年度 (fiscal year)' })
  fiscalYear?: number | null;

  @Field(() => LibraryStatus, { nullable: true, description: '项目库状态 (library status)' })
  libraryStatus?: LibraryStatus | null;

  @Field(() => Boolean, {
    nullable: true,
    description: '只看尚不满足入库条件的项目 (only projects the gate still blocks)',
  })
  blockedOnly?: boolean | null;
}
