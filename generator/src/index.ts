export * from './generate';
export * from './scales';
export * from './seed';
export { Rng } from './prng';
export { TARGET_STATES, type TargetState } from './goal-path';
