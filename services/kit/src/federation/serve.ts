import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { GraphQLSchema } from 'graphql';
import { ASSERTION_HEADER, verifyAssertion, type AssertionSecret } from '../auth/assertion';
import type { UnitHierarchy } from '../auth/scope';
import { contextFromHeaders, type RequestContext } from '../context';
import { JixiaoFormatError, toGraphQLError } from '../plugins/error-masking/format-error';

export interface SubgraphServer {
  url: string;
  close(): Promise<void>;
}

/** Serves a subgraph over HTTP on 127.0.0.1 (port 0 = any free port). */
export async function serveSubgraph(options: {
  schema: GraphQLSchema;
  /** Shared with the gateway only: a request without the gateway's signed assertion is refused. */
  assertionSecret: AssertionSecret;
  /** The unit tree, for scopes over subordinate units. */
  units?: UnitHierarchy;
  port?: number;
  host?: string;
  production?: boolean;
}): Promise<SubgraphServer> {
  const server = new ApolloServer<RequestContext>({
    schema: options.schema,
    formatError: JixiaoFormatError(),
    includeStacktraceInErrorResponses: false,
    introspection: !options.production,
    csrfPrevention: true,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: options.port ?? 0, host: options.host ?? '127.0.0.1' },
    context: async ({ req }) => {
      const assertion = req.headers[ASSERTION_HEADER];
      const caller = await verifyAssertion(
        options.assertionSecret,
        Array.isArray(assertion) ? assertion[0] : assertion,
      ).catch((error: Error) => {
        throw toGraphQLError(error, 401);
      });
      return contextFromHeaders(req.headers, caller, { units: options.units });
    },
  });
  return { url, close: () => server.stop() };
}
