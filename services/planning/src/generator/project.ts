import type { RuleProfileRef, RuleSet } from '@jixiao/events';
import type { CityYear, ProjectFacts, Unit } from '@jixiao/generator';
import { goalIdOf, type GoalRules } from '../goal/goal.decider';
import { projectDecider, projectStreamId } from '../project/project.decider';
import type { Template } from './city';
import type { Disclosures } from './disclosure';
import { GoalPath, type TargetState } from './goal-path';
import { goalIndicators, overallGoalText, scaledTarget } from './indicators';
import { preAssess } from './pre-assessment';

/** What one project of the year goes through, decided up front by the planner. */
export interface ProjectPlan {
  unit: Unit;
  code: string;
  name: string;
  category: 'RECURRING' | 'CONTINUING' | 'ONE_OFF';
  isNew: boolean;
  isMajor: boolean;
  /** The amount requested, in fen. */
  amountFen: number;
  /** Whether its pre-assessment (new major projects only) passes. */
  preAssessmentPasses: boolean;
  target: TargetState;
  /** Whether the goal is returned once on the way and resubmitted. */
  returnedOnce: boolean;
  indicatorCount: number;
}

/** The city's year as planning walks its projects: the shared year, and planning's own reference data. */
export interface YearContext extends Pick<CityYear, 'rng' | 'streams' | 'scale'> {
  profile: { ref: RuleProfileRef; rules: RuleSet };
  goalRules: GoalRules;
  library: readonly Template[];
  /** Numbers budget documents (天财预〔2023〕n号) in the order they are issued. */
  documents: { budget: number; adjustment: number };
  /** The issued goals of the units that publish them (公开), and their publications. */
  disclosures: Disclosures;
}

const PAST_REVIEW: readonly TargetState[] = ['APPROVED', 'ISSUED', 'ADJUSTED', 'EXEMPLARY'];

/** Proposes the project, pre-assesses it if new and major, and walks its goal to the planned state. */
export function walkProject(ctx: YearContext, plan: ProjectPlan): ProjectFacts {
  const { rng, streams, scale } = ctx;
  const projectId = rng.uuid();
  const officer = plan.unit.officer;
  const propose = {
    type: 'ProposeProject' as const,
    projectId,
    unitId: plan.unit.unitId,
    code: plan.code,
    name: plan.name,
    category: plan.category,
    isNew: plan.isNew,
    isMajor: plan.isMajor,
    amountRequestedFen: plan.amountFen,
    fiscalYear: scale.fiscalYear,
    years: plan.category === 'CONTINUING' ? rng.int(2, 5) : plan.category === 'RECURRING' ? 1 : rng.int(1, 2),
    divisionCode: scale.divisionCode,
    codeInUseBy: null,
  };
  streams.run(projectDecider, projectStreamId(projectId), propose, officer);
  const preAssessmentId =
    plan.isNew && plan.isMajor
      ? preAssess(rng, streams, { ...propose, profile: ctx.profile, passes: plan.preAssessmentPasses })
      : null;
  const goal = walkGoal(ctx, plan, projectId);
  const issue = PAST_REVIEW.includes(plan.target) ? admitAndIssue(ctx, plan, projectId, goal, preAssessmentId) : null;
  ctx.disclosures.remember(plan.unit, goal, issue);
  streams.forget(projectStreamId(projectId));
  streams.forget(goal.streamId);
  return { projectId, unit: plan.unit, goalId: goal.goalId, goalStatus: goal.status, amountFen: plan.amountFen };
}

function walkGoal(ctx: YearContext, plan: ProjectPlan, projectId: string): GoalPath {
  const { rng, scale } = ctx;
  const term = plan.category === 'CONTINUING' && rng.chance(0.3) ? ('MEDIUM_TERM' as const) : ('ANNUAL' as const);
  // the project's one goal of its term, under the id the API gives it
  const goal = new GoalPath(rng, ctx.streams, goalIdOf(projectId, term, scale.fiscalYear), plan.unit, ctx.goalRules);
  const indicators = goalIndicators(rng, ctx.library, plan.unit.sector, plan.indicatorCount);
  const content = {
    goalId: goal.goalId,
    projectId,
    unitId: plan.unit.unitId,
    projectCode: plan.code,
    projectName: plan.name,
    fiscalYear: scale.fiscalYear,
    divisionCode: scale.divisionCode,
    term,
    overallGoal: overallGoalText(scale.fiscalYear, plan.name, indicators),
    amountFen: plan.amountFen,
    existingGoalId: null,
  };
  const officer = plan.unit.officer;
  if (plan.target === 'DRAFT') {
    // a draft in progress: some indicators written, the rest still to come
    goal.run(
      { type: 'DraftGoal', ...content, indicators: indicators.slice(0, rng.int(1, 3)), copiedFromGoalId: null },
      officer,
    );
    return goal;
  }
  if (rng.chance(0.3)) {
    // drafted over several sittings: the last indicator added later, and now and then a duplicate
    // of the first added by mistake and removed again
    const last = indicators[indicators.length - 1]!;
    goal.run({ type: 'DraftGoal', ...content, indicators: indicators.slice(0, -1), copiedFromGoalId: null }, officer);
    goal.run({ type: 'AddIndicator', goalId: goal.goalId, indicator: last }, officer);
    if (rng.chance(0.2)) {
      const duplicate = { ...indicators[0]!, indicatorId: `${indicators[0]!.indicatorId}-dup` };
      goal.run({ type: 'AddIndicator', goalId: goal.goalId, indicator: duplicate }, officer);
      goal.run(
        { type: 'RemoveIndicator', goalId: goal.goalId, indicatorId: duplicate.indicatorId, reason: '重复录入，删除' },
        officer,
      );
    }
    goal.submitDraft();
  } else {
    const departmentReview = plan.unit.parent !== null;
    goal.run({ type: 'SubmitGoal', ...content, indicators, departmentReview, rules: ctx.goalRules }, officer);
  }
  if (plan.target === 'SUBMITTED') return goal;
  if (plan.returnedOnce || plan.target === 'RETURNED') {
    if (plan.unit.parent && rng.chance(0.5)) goal.departmentReview('RETURN');
    else {
      if (plan.unit.parent) goal.departmentReview('APPROVE');
      goal.financeReview('RETURN');
    }
    if (plan.target === 'RETURNED') return goal;
    goal.reviseAndResubmit();
  }
  if (goal.status === 'SUBMITTED') goal.departmentReview('APPROVE');
  if (plan.target === 'FINANCE_REVIEW') {
    goal.opinions(rng.int(0, 2), false);
    return goal;
  }
  goal.financeReview('APPROVE');
  return goal;
}

const REASONS = ['年中预算调整，相应调整产出目标', '受汛期影响工期顺延，调整年度目标', '上级追加资金，扩大实施范围'];

/** 入库 → 安排预算 → 随预算下达 → (调整) → (精品样本); the budget reply the goal was issued with, if it was. */
function admitAndIssue(
  ctx: YearContext,
  plan: ProjectPlan,
  projectId: string,
  goal: GoalPath,
  preAssessmentId: string | null,
): { budgetDocument: string; issuedAmountFen: number } | null {
  const { rng, streams, scale } = ctx;
  const performance = goal.performanceActor();
  const stream = projectStreamId(projectId);
  if (plan.target === 'APPROVED' && rng.chance(0.5)) return null;
  const facts = { approvedGoalId: goal.goalId, passedPreAssessmentId: preAssessmentId };
  streams.run(projectDecider, stream, { type: 'AdmitProjectToLibrary', projectId, facts }, performance);
  if (plan.target === 'APPROVED') return null;
  const budgetDocument = `天财预〔${scale.fiscalYear}〕${++ctx.documents.budget}号`;
  // 80–100 % of the request, to the fen, so the year's sums are exact only if fen add up exactly
  const amountFen = Math.round(plan.amountFen * (0.8 + 0.2 * rng.next()));
  const budget = {
    type: 'AllocateBudget' as const,
    projectId,
    fiscalYear: scale.fiscalYear,
    amountFen,
    budgetDocument,
  };
  streams.run(projectDecider, stream, budget, { actorId: 'wang.fang', role: 'BUDGET_SECTION', unitId: null });
  goal.run({ type: 'IssueGoal', goalId: goal.goalId, budgetDocument, issuedAmountFen: amountFen }, performance);
  if (plan.target === 'ADJUSTED') {
    for (let n = rng.int(1, 2); n > 0; n--) {
      const indicators = goal.state!.indicators.map((i, k) =>
        k === 0 && i.targetValue !== null ? { ...i, targetValue: scaledTarget(i.targetValue, 0.9, i.unit) } : i,
      );
      const adjust = {
        type: 'AdjustGoal' as const,
        goalId: goal.goalId,
        budgetAdjustmentRef: `天财预调〔${scale.fiscalYear}〕${++ctx.documents.adjustment}号`,
        reason: rng.pick(REASONS),
        amountFen: Math.round(amountFen * 0.9),
        indicators,
        indicatorCatalogueVersion: ctx.profile.rules.indicatorCatalogueVersion,
      };
      goal.run(adjust, plan.unit.officer);
    }
  }
  if (plan.target === 'EXEMPLARY') {
    goal.run(
      { type: 'MarkGoalExemplary', goalId: goal.goalId, reason: '指标设置完整、目标值量化清晰，评为精品样本' },
      performance,
    );
  }
  return { budgetDocument, issuedAmountFen: amountFen };
}
