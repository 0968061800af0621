export * from './rate-limiter';
export * from './rate-limit';
