export * from './units';
export * from './units.labels';
export * from './assignments';
