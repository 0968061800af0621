export * from './sealer';
export * from './tree-heads';
export * from './log-sealer';
