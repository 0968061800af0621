export * from './graphiql';
