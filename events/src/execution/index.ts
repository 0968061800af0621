import { disbursementEvents } from './disbursement';
import { monitoringEvents } from './monitoring';

export * from './disbursement';
export * from './monitoring';

/**
 * Every event type of the execution context (issue 15, in progress). Not yet in any context
 * module's `events`, so not in the platform's catalog: nothing appends them yet.
 */
export const executionEvents = [...disbursementEvents, ...monitoringEvents] as const;
