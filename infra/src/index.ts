export * from './config/config';
export * from './event-store';
export * from './read-models/orm';
export * from './platform/platform';
export * from './platform/subgraphs';
export * from './testing/postgres';
export * from './auth/dev-key';
export * from './auth/token-settings';
