export * from './topics';
export * from './kafka';
export * from './outbox-relay';
export * from './projection-worker';
