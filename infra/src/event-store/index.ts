export * from './sqlite-event-store';
export * from './postgres-event-store';
export * from './postgres-schema';
