export * from './authentication';
export * from './public-access';
