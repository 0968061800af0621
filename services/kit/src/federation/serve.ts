import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { GraphQLSchema } from 'graphql';
import { contextFromHeaders, type RequestContext } from '../context';
import { JixiaoFormatError } from '../plugins/error-masking/format-error';

export interface SubgraphServer {
  url: string;
  close(): Promise<void>;
}

/** Serves a subgraph over HTTP on 127.0.0.1 (port 0 = any free port). */
export async function serveSubgraph(options: {
  schema: GraphQLSchema;
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
    context: async ({ req }) => contextFromHeaders(req.headers, req.socket.remoteAddress),
  });
  return { url, close: () => server.stop() };
}
