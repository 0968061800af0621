export * from './errors';
export * from './envelope';
export * from './hash';
export * from './store';
export * from './verify';
export * from './subscription';
export * from './decider';
export * from './command-handler';
export * from './command-ids';
export * from './catalog';
// the event contracts, one folder per bounded context (the platform's catalog is built from the contexts list)
export * from './directory';
export * from './planning';
export * from './audit';
export * from './testing/conformance';
export * from './testing/given';
export * from './rules/rule-profiles';
export * from './money';
