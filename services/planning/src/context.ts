import { planningEvents } from '@jixiao/events';
import {
  goalCountsProjection,
  goalsProjection,
  preAssessmentsProjection,
  projectsProjection,
  publishedGoalsProjection,
  ruleProfilesProjection,
  templatesProjection,
} from '@jixiao/projections';
import type { ContextModule } from '@jixiao/service-kit';
import { planningGenerator } from './generator/steps';
import { planningSubgraph } from './index';
import { goalResubmissionDeadline, resubmissionDeadlineOnReturn } from './goal/goal.resubmission';
import { planningPolicy } from './policy';

/** 预算编制 — planning: projects, pre-assessment, goals and indicators, the indicator library, rule profiles. */
export const planningContext: ContextModule = {
  name: 'planning',
  title: { zh: '目标编制与审核', en: 'Planning' },
  events: planningEvents,
  streamCategories: [
    'goal',
    'goalresubmission',
    'project',
    'preassessment',
    'indicatortemplate',
    'ruleprofile',
    'disclosure',
  ],
  // the rule profiles and the library before what reads them
  projections: [
    ruleProfilesProjection,
    templatesProjection,
    projectsProjection,
    preAssessmentsProjection,
    goalsProjection,
    goalCountsProjection,
    publishedGoalsProjection,
  ],
  subgraph: planningSubgraph,
  policy: planningPolicy,
  generator: planningGenerator,
  audited: [
    { type: 'Goal', streamCategory: 'goal', label: { zh: '绩效目标', en: 'Goal' } },
    { type: 'Project', streamCategory: 'project', label: { zh: '项目', en: 'Project' } },
  ],
  // a returned goal is to be resubmitted within the profile's goalResubmissionDays; past that day it is overdue
  reactions: [resubmissionDeadlineOnReturn],
  deadlines: [goalResubmissionDeadline],
};
