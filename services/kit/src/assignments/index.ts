export * from './assignment.decider';
export * from './record';
