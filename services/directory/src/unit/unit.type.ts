import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UNIT_LEVEL_LABELS, UNIT_LEVELS, UNIT_SECTORS } from '@jixiao/events';
import { COMMAND_ID_DESCRIPTION, registerCatalogEnum, type CatalogEnumValue } from '@jixiao/service-kit';

export const UnitLevel = registerCatalogEnum(UNIT_LEVELS, {
  name: 'UnitLevel',
  description: { zh: '预算单位级次', en: 'Budget unit level' },
  labels: UNIT_LEVEL_LABELS,
});
export type UnitLevel = CatalogEnumValue<typeof UnitLevel>;

const SECTOR_DESCRIPTION = `行业/领域，取值：${UNIT_SECTORS.join('、')}；空串为未分类 (sector, one of the list; '' = unclassified)`;

@Directive('@key(fields: "id")')
@ObjectType({ description: '预算单位 (Budget unit)' })
export class BudgetUnit {
  @Field(() => ID, { description: '单位标识 (unit id)' })
  id!: string;

  @Field({ description: '单位编码 (unit code)' })
  code!: string;

  @Field({ description: '单位名称 (unit name)' })
  name!: string;

  @Field(() => UnitLevel, { description: '级次 (level)' })
  level!: UnitLevel;

  @Field(() => ID, { nullable: true, description: '上级单位标识 (parent unit id)' })
  parentId!: string | null;

  @Field({ description: '行政区划代码 (division code)' })
  divisionCode!: string;

  @Field({ description: SECTOR_DESCRIPTION })
  sector!: string;

  @Field({ description: '行业名称，未分类的单位为「未分类」 (sector as shown; 未分类 for a unit without one)' })
  sectorLabel!: string;

  @Field({ description: '登记时间 (registered at, ISO-8601)' })
  registeredAt!: string;
}

@ObjectType({ description: '预算单位分页结果 (A page of budget units)' })
export class BudgetUnitPage {
  @Field(() => [BudgetUnit], { description: '本页单位 (units on this page)' })
  nodes!: BudgetUnit[];

  @Field(() => Int, { description: '符合条件的总数 (total matching)' })
  totalCount!: number;
}

@InputType({ description: '登记预算单位 (Register a budget unit)' })
export class RegisterBudgetUnitInput {
  @Field({ description: '单位编码 (unit code)' })
  code!: string;

  @Field({ description: '单位名称 (unit name)' })
  name!: string;

  @Field(() => UnitLevel, { description: '级次 (level)' })
  level!: UnitLevel;

  @Field(() => ID, { nullable: true, description: '上级单位，二级单位必填 (parent; required for a second-level unit)' })
  parentId?: string | null;

  @Field({ description: '行政区划代码，6 位 (division code, 6 digits)' })
  divisionCode!: string;

  @Field(() => String, { nullable: true, description: `${SECTOR_DESCRIPTION}；不填为未分类 (absent: unclassified)` })
  sector?: string | null;

  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;
}

@InputType({ description: '调整预算单位行业 (Give a budget unit its sector)' })
export class ChangeBudgetUnitSectorInput {
  @Field(() => ID, { description: '单位标识 (unit id)' })
  unitId!: string;

  @Field({ description: SECTOR_DESCRIPTION })
  sector!: string;

  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;
}
