import { Field, ID, Int, ObjectType } from 'type-graphql';
import { IndicatorLevel1, IndicatorLevel2, IndicatorOperator } from '../goal/goal.enums';
import { CatalogueVersion, TemplateScope } from './template.enums';

@ObjectType({ description: '指标库指标 (An indicator template of the library)' })
export class IndicatorTemplate {
  @Field(() => ID, { description: '模板标识 (template id)' })
  id!: string;

  @Field(() => TemplateScope, { description: '共性或个性 (common or individual)' })
  scope!: TemplateScope;

  @Field({ description: '行业或领域，共性指标为空 (sector; empty for common indicators)' })
  sector!: string;

  @Field(() => IndicatorLevel1, { description: '一级指标 (level-1 category)' })
  level1!: IndicatorLevel1;

  @Field(() => IndicatorLevel2, { description: '二级指标 (level-2 category)' })
  level2!: IndicatorLevel2;

  @Field({ description: '指标名称 (name)' })
  name!: string;

  @Field(() => IndicatorOperator, { description: '比较方式 (operator)' })
  operator!: IndicatorOperator;

  @Field({ description: '计量单位 (unit of measure)' })
  unit!: string;

  @Field({ description: '目标值设置提示，如「≥95」(how targets are usually set)' })
  targetHint!: string;

  @Field({ description: '指标解释 (description)' })
  description!: string;

  @Field(() => CatalogueVersion, { description: '指标目录版本 (catalogue version)' })
  catalogueVersion!: CatalogueVersion;

  @Field(() => Int, { description: '被目标引用的次数 (times used in goals)' })
  usageCount!: number;
}

@ObjectType({ description: '指标库分页结果 (A page of templates)' })
export class IndicatorTemplatePage {
  @Field(() => [IndicatorTemplate], { description: '本页模板 (templates on this page)' })
  nodes!: IndicatorTemplate[];

  @Field(() => Int, { description: '符合条件的总数 (total matching)' })
  totalCount!: number;
}
