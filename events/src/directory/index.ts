export * from './units';
export * from './units.labels';
