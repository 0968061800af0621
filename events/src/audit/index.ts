import { accessEvents } from './access';

export * from './access';
export * from './merkle';
export * from './proof-check';
export * from './tree-head';

/** Every event type of the audit context (who read what). */
export const auditEvents = [...accessEvents] as const;
