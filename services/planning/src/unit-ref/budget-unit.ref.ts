import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The directory's BudgetUnit, referenced by id; the directory subgraph resolves its fields. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('BudgetUnit', { description: '预算单位 (Budget unit), resolved by the directory service' })
export class BudgetUnitRef {
  @Field(() => ID, { description: '单位标识 (unit id)' })
  id!: string;
}
