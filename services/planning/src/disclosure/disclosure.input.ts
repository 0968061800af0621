import { Field, ID, InputType, Int } from 'type-graphql';
import { VersionedCommandInput } from '../shared/command.input';

@InputType({ description: '公开单位年度已下达的绩效目标 (Publish a unit-year’s goals issued with the budget)' })
export class PublishGoalsInput extends VersionedCommandInput {
  @Field(() => ID, { description: '预算单位标识 (budget unit id)' })
  unitId!: string;

  @Field(() => Int, { description: '预算年度 (fiscal year)' })
  fiscalYear!: number;

  @Field(() => String, {
    nullable: true,
    description:
      '再次公开的原因，第二次起必填，如「年中追加下达目标」(why it is published again; required from the second time)',
  })
  reason?: string | null;
}
