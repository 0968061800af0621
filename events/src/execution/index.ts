import { disbursementEvents } from './disbursement';

export * from './disbursement';

/**
 * Every event type of the execution context (issue 15, in progress). Not yet in any context
 * module's `events`, so not in the platform's catalog: nothing appends them yet.
 */
export const executionEvents = [...disbursementEvents] as const;
