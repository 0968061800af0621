export * from './generate';
export * from './scales';
export * from './seed';
export * from './streams';
export * from './year';
export { Rng } from './prng';
export * from './data/bureaus';
export * from './data/indicators';
export * from './data/sectors';
