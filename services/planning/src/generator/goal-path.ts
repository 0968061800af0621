import { GOAL_STATUSES } from '@jixiao/events';
import type { Actor, Rng, Streams, Unit } from '@jixiao/generator';
import { goalDecider, goalStreamId, type GoalCommand, type GoalRules, type GoalState } from '../goal/goal.decider';
import type { Indicator } from '../goal/goal.events';
import { scaledTarget } from './indicators';

/** Where a generated goal ends up: a status of the lifecycle, or EXEMPLARY (issued and marked as a sample). */
export const TARGET_STATES = [...GOAL_STATUSES, 'EXEMPLARY'] as const;
export type TargetState = (typeof TARGET_STATES)[number];

const BUDGET_SECTION = ['wang.fang', 'zhou.min', 'xu.tao'];
const PERFORMANCE_SECTION = ['li.na', 'sun.jie', 'guo.ping', 'he.yan'];
const EXPERTS = Array.from({ length: 40 }, (_, n) => `expert.${String(n + 1).padStart(3, '0')}`);

export const RETURN_COMMENTS = [
  '产出数量指标偏低，应与年度工作计划一致',
  '效益指标表述不够具体，请细化为可衡量的目标值',
  '满意度指标目标值应参照上年实际水平设定',
  '指标值测算依据不充分，请补充说明',
  '成本指标缺失，请补充成本控制目标',
];

/** One goal's walk through the lifecycle: every step is a command its decider accepts. */
export class GoalPath {
  state: GoalState | null = null;
  readonly streamId: string;

  constructor(
    private readonly rng: Rng,
    private readonly streams: Streams,
    readonly goalId: string,
    private readonly unit: Unit,
    private readonly rules: GoalRules,
  ) {
    this.streamId = goalStreamId(goalId);
  }

  run(command: GoalCommand, actor: Actor): GoalState {
    this.state = this.streams.run(goalDecider, this.streamId, command, actor);
    return this.state;
  }

  get status() {
    return this.state?.status ?? 'NONE';
  }

  private departmentActor(): Actor {
    const parent = this.unit.parent!;
    return { actorId: parent.officer.actorId, role: 'DEPARTMENT', unitId: parent.unitId };
  }

  private performance(): Actor {
    return { actorId: this.rng.pick(PERFORMANCE_SECTION), role: 'PERFORMANCE_SECTION', unitId: null };
  }

  submitDraft(): void {
    const departmentReview = this.unit.parent !== null;
    this.run({ type: 'SubmitDraft', goalId: this.goalId, departmentReview, rules: this.rules }, this.unit.officer);
  }

  /** The department's decision on a second-level unit's goal. */
  departmentReview(result: 'APPROVE' | 'RETURN'): void {
    const comment = result === 'RETURN' ? this.rng.pick(RETURN_COMMENTS) : '同意报送财政联审';
    this.run(
      {
        type: 'ReviewGoal',
        goalId: this.goalId,
        reviewerRole: 'DEPARTMENT',
        result,
        comment,
        indicatorComments: [],
        rules: this.rules,
      },
      this.departmentActor(),
    );
  }

  /** Joint-review opinions, `count` of the members the profile requires; one returns if asked. */
  opinions(count: number, returning: boolean): void {
    const roles = this.rules.jointReviewRoles.slice(0, count);
    roles.forEach((role, i) => {
      const reviewerId =
        role === 'EXPERT'
          ? this.rng.pick(EXPERTS)
          : role === 'BUDGET_SECTION'
            ? this.rng.pick(BUDGET_SECTION)
            : 'li.na';
      const opinion = returning && i === roles.length - 1 ? 'RETURN' : 'APPROVE';
      const first = this.state!.indicators[0]!;
      const indicatorComments =
        opinion === 'RETURN' ? [{ indicatorId: first.indicatorId, comment: this.rng.pick(RETURN_COMMENTS) }] : [];
      this.run(
        {
          type: 'RecordReviewOpinion',
          goalId: this.goalId,
          reviewerRole: role,
          reviewerId,
          opinion,
          comment: opinion === 'APPROVE' ? '同意' : '建议退回修改',
          indicatorComments,
        },
        { actorId: reviewerId, role, unitId: null },
      );
    });
  }

  /** The performance section concludes the joint review once every member has spoken. */
  financeReview(result: 'APPROVE' | 'RETURN'): void {
    this.opinions(this.rules.jointReviewRoles.length, result === 'RETURN');
    const comment = result === 'RETURN' ? '请按联审意见修改后重新报送' : '经财政联审，同意该绩效目标';
    this.run(
      {
        type: 'ReviewGoal',
        goalId: this.goalId,
        reviewerRole: 'PERFORMANCE_SECTION',
        result,
        comment,
        indicatorComments: [],
        rules: this.rules,
      },
      this.performance(),
    );
  }

  /** After a return the unit revises the commented indicator and submits again. */
  reviseAndResubmit(): void {
    const first = this.state!.indicators[0]!;
    const raised: Indicator =
      first.targetValue === null ? first : { ...first, targetValue: scaledTarget(first.targetValue, 1.1, first.unit) };
    this.run(
      { type: 'ReviseIndicator', goalId: this.goalId, indicator: raised, reason: '根据审核意见调整目标值' },
      this.unit.officer,
    );
    this.submitDraft();
  }

  performanceActor(): Actor {
    return this.performance();
  }
}
