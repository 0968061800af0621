// graphql-ws exposes `useServer` only through package exports, which `moduleResolution: node` does
// not read; this points the type checker at the same file Node loads.
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws';
}
