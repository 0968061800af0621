import { disbursementEvents } from './disbursement';
import { monitoringEvents } from './monitoring';

export * from './disbursement';
export * from './monitoring';

/** Every event type of the execution context. */
export const executionEvents = [...disbursementEvents, ...monitoringEvents] as const;
