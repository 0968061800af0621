import { accessEvents } from './access';

export * from './access';

/** Every event type of the audit context (who read what). */
export const auditEvents = [...accessEvents] as const;
