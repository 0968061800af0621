export * from './reaction';
export * from './processor-runner';
export * from './issue';
export * from './deadlines';
