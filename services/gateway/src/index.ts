export { createGateway, CSRF_HEADERS, FORWARDED_HEADERS, type Gateway, type GatewayOptions } from './gateway';
export { startGatewayServer, type GatewayServer, type GatewayServerOptions } from './server';
export * from './plugins/authentication';
export * from './plugins/rate-limit';
export * from './plugins/limits';
export { serveClientSubscriptions } from './subscriptions';
export * from './plugins/cors';
export * from './plugins/persisted-documents';
export * from './plugins/graphiql';
