export * from './cors';
