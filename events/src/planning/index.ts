import { disclosureEvents } from './disclosure';
import { goalEvents } from './goal';
import { goalResubmissionEvents } from './goal-resubmission';
import { indicatorLibraryEvents } from './indicator-library';
import { preAssessmentEvents, projectEvents } from './project';
import { ruleProfileEvents } from './rule-profile';

export * from './goal';
export * from './goal-resubmission';
export * from './disclosure';
export * from './project';
export * from './indicator-library';
export * from './rule-profile';
export * from './goal.labels';
export * from './project.labels';
export * from './indicator-library.labels';
export * from './rule-profile.labels';

/** Every event type of the planning context. */
export const planningEvents = [
  ...goalEvents,
  ...goalResubmissionEvents,
  ...projectEvents,
  ...preAssessmentEvents,
  ...indicatorLibraryEvents,
  ...ruleProfileEvents,
  ...disclosureEvents,
] as const;
