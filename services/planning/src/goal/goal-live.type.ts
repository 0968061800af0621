import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Goal } from './goal.type';

/**
 * One change to the caller's review queue: which goal, whether it is in the queue now, the queue's
 * new size. Enough for a reviewer's screen to update its badge and insert, refresh or drop one row
 * without reloading the list.
 */
@ObjectType({
  description: '我的审核待办变动：哪个目标进入、更新或离开了待办，以及待办现有数量 (A change to my review queue)',
})
export class ReviewQueueChange {
  @Field(() => ID, { description: '发生变动的目标标识 (the goal that changed)' })
  goalId!: string;

  @Field({
    description:
      '变动后该目标是否在我的待办中：true 为新进入或仍在待办中且有更新，false 为已离开 (whether the goal is in my queue now: entered or updated when true, left when false)',
  })
  inQueue!: boolean;

  @Field(() => Goal, {
    nullable: true,
    description:
      '变动后的目标（仍在待办中时），已离开时为空 (the goal as it now is while in my queue; null once it left)',
  })
  goal!: Goal | null;

  @Field(() => Int, { description: '变动后我的待办总数 (how many goals my queue holds now)' })
  totalCount!: number;
}
