// The package's `./*` export (`@graphql-yoga/render-graphiql/graphiql` → cjs/graphiql.js), which
// `moduleResolution: node` does not read: the bundled GraphiQL, as strings.
declare module '@graphql-yoga/render-graphiql/graphiql' {
  export const js: string;
  export const css: string;
  /** A `data:image/x-icon;base64,…` URL. */
  export const favicon: string;
  export const editorWorkerService: string;
  export const jsonWorker: string;
  export const graphqlWorker: string;
}
