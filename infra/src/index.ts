export * from './config/config';
export * from './event-store';
export * from './read-models/orm';
export * from './platform/platform';
export * from './platform/subgraphs';
export * from './testing/postgres';
export * from './auth/dev-key';
export * from './auth/token-settings';
export * from './bus';
export type { ChildStatus } from './distributed/supervised-child';
/** Test helpers (fixtures, write load, fresh replay, Kafka waits) shared by the fault tests. */
export * as testing from './testing';
export * from './read-models/rebuild';
export * from './read-models/verify-chains';
export { readPolicyDocs, policyDocs, POLICY_DOCS_DIR } from './docs/policy-docs';
export { processPlan, workerPools } from './distributed/supervisor';
export * from './reactions/start-reactions';
export * from './dead-letters';
