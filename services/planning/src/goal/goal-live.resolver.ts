import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import { entityId, IllegalStateError } from '@jixiao/events';
import { goalsProjection, GoalRowSchema } from '@jixiao/projections';
import {
  liveUpdates,
  scopeOf,
  subscribedInParts,
  unitScopeOf,
  unitWhere,
  type AppliedEvent,
  type AppliedFeed,
  type RequestContext,
  type ServiceDeps,
  type SubscribeFn,
  type UnitScope,
} from '@jixiao/service-kit';
import { reviewQueueFilter } from './goal.queue';
import { findGoal, pageOfGoals } from './goal.read';
import { goalStreamId } from './goal.state';
import { Goal } from './goal.type';
import { ReviewQueueChange } from './goal-live.type';
import { planningPolicy } from '../policy';

/** Live goal updates. Each event's value is produced by the sources in {@link goalSubscriptions}. */
@Resolver()
export class GoalLiveResolver {
  @Subscription(() => Goal, {
    subscribe: subscribedInParts,
    description:
      '订阅某一绩效目标的变化：每次该目标的事件被读模型应用后推送目标的最新状态；无权查看的目标视为不存在 (The goal, as queries see it, after each change)',
  })
  goalStateChanged(
    @Root() goal: Goal,
    @Arg('goalId', () => ID, { description: '要订阅的目标标识 (the goal to follow)' }) _goalId: string,
  ): Goal {
    return goal;
  }

  @Subscription(() => ReviewQueueChange, {
    subscribe: subscribedInParts,
    description:
      '订阅我的审核待办的变化：目标进入、更新或离开待办时推送，规则与 reviewQueue 查询相同 (Changes to my review queue, by the reviewQueue rules)',
  })
  myReviewQueueChanged(@Root() change: ReviewQueueChange): ReviewQueueChange {
    return change;
  }
}

const noFeed = () =>
  new IllegalStateError({
    zh: '本服务未启用实时订阅，请改用查询轮询',
    en: 'Live subscriptions are not enabled on this service; poll the query instead',
  });

/** The caller's rows for `operation`, as the policy table scopes them. */
async function scopeFor(operation: string, ctx: RequestContext): Promise<UnitScope> {
  const scope = scopeOf(operation, ctx.actor.role, planningPolicy);
  return scope ? unitScopeOf(scope, ctx.actor, ctx.units) : { all: false, unitIds: [] };
}

/** The sources of the planning subgraph's Subscription fields, reading the goals read model. */
export function goalSubscriptions(deps: ServiceDeps): Record<string, SubscribeFn> {
  const feed = (): AppliedFeed => {
    if (!deps.applied) throw noFeed();
    return deps.applied;
  };
  return {
    async goalStateChanged(args, ctx) {
      const goalId = String(args['goalId']);
      const scope = await scopeFor('Subscription.goalStateChanged', ctx);
      // refused at subscribe time exactly as `goal(id)` would be: out of scope is NOT_FOUND
      await findGoal(deps.em(), goalId, scope);
      const streamId = goalStreamId(goalId);
      return liveUpdates({
        feed: feed(),
        projection: goalsProjection.name,
        select: (events) => events.filter((e) => e.streamId === streamId),
        read: async () => [await findGoal(deps.em(), goalId, scope)],
      });
    },

    async myReviewQueueChanged(_args, ctx) {
      const scope = await scopeFor('Subscription.myReviewQueueChanged', ctx);
      const queue = async () => {
        const em = deps.em();
        return { em, where: { $and: [await reviewQueueFilter(em, ctx.actor), unitWhere(scope)] } };
      };
      // the goals in the queue, taken once listening: a goal entering meanwhile is not missed
      const known = new Set<string>();
      return liveUpdates<ReviewQueueChange>({
        feed: feed(),
        projection: goalsProjection.name,
        prepare: async () => {
          const { em, where } = await queue();
          for (const row of await em.find(GoalRowSchema, where, { fields: ['goalId'] })) known.add(row.goalId);
        },
        select: (events) => events,
        read: async (events: readonly AppliedEvent[]) => {
          const changed = [...new Set(events.map((e) => entityId(e.streamId)))];
          const { em, where } = await queue();
          const inQueue = await pageOfGoals(
            em,
            { $and: [where, { goalId: { $in: changed } }] },
            { limit: changed.length, offset: 0 },
          );
          const totalCount = await em.count(GoalRowSchema, where);
          const now = new Map(inQueue.nodes.map((goal) => [goal.id, goal]));
          const changes = changed
            .filter((goalId) => now.has(goalId) || known.has(goalId))
            .map((goalId) => ({ goalId, inQueue: now.has(goalId), goal: now.get(goalId) ?? null, totalCount }));
          for (const change of changes) {
            if (change.inQueue) known.add(change.goalId);
            else known.delete(change.goalId);
          }
          return changes;
        },
      });
    },
  };
}
