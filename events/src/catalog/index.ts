import { accessEvents } from './access';
import { EventCatalog } from './define';
import { directoryEvents } from './directory';
import { goalEvents } from './goal';
import { indicatorLibraryEvents } from './indicator-library';
import { preAssessmentEvents, projectEvents } from './project';
import { ruleProfileEvents } from './rule-profile';

export * from './access';
export * from './define';
export * from './directory';
export * from './goal';
export * from './project';
export * from './indicator-library';
export * from './rule-profile';

/** Every event type of the planning context. */
export const planningEvents = [
  ...goalEvents,
  ...projectEvents,
  ...preAssessmentEvents,
  ...indicatorLibraryEvents,
  ...ruleProfileEvents,
] as const;

/** The platform's catalog: every event type any context may append. */
export const catalog = new EventCatalog([...directoryEvents, ...planningEvents, ...accessEvents]);
