export * from './applied-feed';
export * from './live-updates';
export * from './redis-feed';
export * from './ws-server';
