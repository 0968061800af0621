export { createGateway, FORWARDED_HEADERS, type Gateway, type GatewayOptions } from './gateway';
export { startGatewayServer, type GatewayServer, type GatewayServerOptions } from './server';
