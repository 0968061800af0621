import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for every GraphQL document in the console, from the committed supergraph: a document that
 * asks for a field the schema lacks fails here, so a schema change that breaks a page fails the build.
 */
const config: CodegenConfig = {
  schema: '../schema/supergraph.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  errorsOnly: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Money: 'string', DateTime: 'string', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
};

export default config;
