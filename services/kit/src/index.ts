export * from './context';
export * from './pagination';
export * from './plugins/error-masking/format-error';
export * from './federation/build-subgraph';
export * from './federation/serve';
export * from './commands';
export * from './auth';
export * from './live';
