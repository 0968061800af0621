export * from './postgres';
export * from './goal-events';
export * from './load';
export * from './replay';
export * from './kafka';
export * from './redis';
export * from './orders-context';
export * from './sample-files';
