import { Field, InputType } from 'type-graphql';
import { IndicatorLevel1, IndicatorLevel2, IndicatorOperator } from '../goal/goal.enums';
import { CommandInput } from '../shared/command.input';
import { CatalogueVersion, TemplateScope } from './template.enums';

@InputType({ description: '新增指标库指标 (Add a template to the indicator library)' })
export class AddIndicatorTemplateInput extends CommandInput {
  @Field(() => TemplateScope, { description: '共性或个性 (scope)' })
  scope!: TemplateScope;

  @Field({ defaultValue: '', description: '行业或领域，个性指标必填 (sector; required for INDIVIDUAL)' })
  sector!: string;

  @Field(() => IndicatorLevel1, { description: '一级指标 (level-1 category)' })
  level1!: IndicatorLevel1;

  @Field(() => IndicatorLevel2, { description: '二级指标 (level-2 category)' })
  level2!: IndicatorLevel2;

  @Field({ description: '指标名称 (name)' })
  name!: string;

  @Field(() => IndicatorOperator, { description: '比较方式 (operator)' })
  operator!: IndicatorOperator;

  @Field({ defaultValue: '', description: '计量单位 (unit of measure)' })
  unit!: string;

  @Field({ defaultValue: '', description: '目标值设置提示 (target hint)' })
  targetHint!: string;

  @Field({ defaultValue: '', description: '指标解释 (description)' })
  description!: string;

  @Field(() => CatalogueVersion, {
    defaultValue: CatalogueVersion.V2021,
    description: '指标目录版本 (catalogue version)',
  })
  catalogueVersion!: CatalogueVersion;
}

@InputType({ description: '指标库检索条件 (Library search)' })
export class TemplateSearch {
  @Field(() => String, { nullable: true, description: '名称或解释包含的文字 (text in the name or description)' })
  text?: string | null;

  @Field(() => IndicatorLevel1, { nullable: true, description: '一级指标 (level-1 category)' })
  level1?: IndicatorLevel1 | null;

  @Field(() => IndicatorLevel2, { nullable: true, description: '二级指标 (level-2 category)' })
  level2?: IndicatorLevel2 | null;

  @Field(() => String, { nullable: true, description: '行业或领域 (sector)' })
  sector?: string | null;

  @Field(() => TemplateScope, { nullable: true, description: '共性或个性 (scope)' })
  scope?: TemplateScope | null;
}
