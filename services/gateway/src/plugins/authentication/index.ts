export * from './authentication';
