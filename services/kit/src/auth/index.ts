export * from './roles';
export * from './policy';
export * from './policy-table';
export * from './tokens';
export * from './discovery';
export * from './assertion';
export * from './scope';
export * from './authorize';
