export * from './sealer';
export * from './tree-heads';
