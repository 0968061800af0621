import 'reflect-metadata';
import { buildFederatedSubgraph, type ServiceDeps, type Subgraph } from '@jixiao/service-kit';
import { DashboardResolver } from './dashboard/dashboard.resolver';
import { DisclosureResolver } from './disclosure/disclosure.resolver';
import { GoalLiveResolver, goalSubscriptions } from './goal/goal-live.resolver';
import { GoalReviewResolver } from './goal/goal-review.resolver';
import { goalReference } from './goal/goal.reference';
import { GoalResolver } from './goal/goal.resolver';
import { TemplateResolver } from './library/template.resolver';
import { PreAssessmentResolver } from './pre-assessment/pre-assessment.resolver';
import { PreAssessmentScorersResolver } from './pre-assessment/pre-assessment-scorers.resolver';
import { projectReference, ProjectResolver } from './project/project.resolver';
import { RuleProfileResolver } from './rule-profile/rule-profile.resolver';
import { planningPolicy } from './policy';
import { BudgetUnitRef } from './unit-ref/budget-unit.ref';

export * from './goal/goal.decider';
export * from './goal/goal.resubmission';
export * from './project/project.decider';
export * from './pre-assessment/pre-assessment.decider';
export * from './library/template.decider';
export * from './rule-profile/rule-profile.decider';
export * from './disclosure/disclosure.decider';
export type * from './goal/goal.events';
export { planningPolicy } from './policy';
export { planningContext } from './context';

/** The planning subgraph: projects, pre-assessments, goals and indicators, the library, rule profiles, disclosure; live goal updates. */
export function planningSubgraph(deps: ServiceDeps): Promise<Subgraph> {
  return buildFederatedSubgraph({
    resolvers: [
      new GoalResolver(deps),
      new GoalReviewResolver(deps),
      new ProjectResolver(deps),
      new PreAssessmentResolver(deps),
      new PreAssessmentScorersResolver(deps),
      new TemplateResolver(deps),
      new RuleProfileResolver(deps),
      new DashboardResolver(deps),
      new DisclosureResolver(deps),
      new GoalLiveResolver(),
    ],
    orphanedTypes: [BudgetUnitRef],
    references: { ...goalReference(deps), ...projectReference(deps) },
    subscriptions: goalSubscriptions(deps),
    policy: planningPolicy,
  });
}
