import { createHash } from 'node:crypto';
import type { GatewayConfigSupergraph, GatewayPlugin } from '@graphql-hive/gateway-runtime';

/** Where the platform serves GraphiQL's files: `/graphiql/<version>/<file>`. */
export const GRAPHIQL_ASSETS_PATH = '/graphiql';

interface Asset {
  type: string;
  body: string | Uint8Array;
}

interface Assets {
  /** Content hash of the bundle: a new GraphiQL gets new URLs, so a file can be cached for good. */
  version: string;
  files: Map<string, Asset>;
}

/** Monaco's worker labels and the files that serve them. */
const WORKERS = { editorWorkerService: 'editor.worker.js', json: 'json.worker.js', graphql: 'graphql.worker.js' };

let loaded: Promise<Assets> | undefined;

/** GraphiQL's JS, CSS, favicon and editor workers, bundled by `@graphql-yoga/render-graphiql` (9 MB, read once). */
function assets(): Promise<Assets> {
  return (loaded ??= import('@graphql-yoga/render-graphiql/graphiql').then((bundle) => {
    const js = 'application/javascript; charset=utf-8';
    const files = new Map<string, Asset>([
      ['graphiql.js', { type: js, body: bundle.js }],
      ['graphiql.css', { type: 'text/css; charset=utf-8', body: bundle.css }],
      ['favicon.ico', { type: 'image/x-icon', body: Buffer.from(bundle.favicon.split(',', 2)[1] ?? '', 'base64') }],
      [WORKERS.editorWorkerService, { type: js, body: bundle.editorWorkerService }],
      [WORKERS.json, { type: js, body: bundle.jsonWorker }],
      [WORKERS.graphql, { type: js, body: bundle.graphqlWorker }],
    ]);
    const version = createHash('sha256').update(bundle.js).update(bundle.css).digest('hex').slice(0, 12);
    return { version, files };
  }));
}

/** JSON that is safe inside an inline `<script>`: no `</script>` or `<!--` can close it. */
const scriptJson = (value: unknown) => JSON.stringify(value ?? {}).replace(/</g, '\\u003c');

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The runtime's `renderGraphiQL`: the GraphiQL page with every file it loads served by this
 * platform ({@link JixiaoPluginGraphiQLAssets}), none from a CDN.
 */
export const renderGraphiQL: NonNullable<GatewayConfigSupergraph['renderGraphiQL']> = async (options) => {
  const { version } = await assets();
  const base = `${GRAPHIQL_ASSETS_PATH}/${version}`;
  const workers = Object.fromEntries(Object.entries(WORKERS).map(([label, file]) => [label, `${base}/${file}`]));
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options?.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${base}/favicon.ico" />
    <link rel="stylesheet" href="${base}/graphiql.css" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL 需要启用 JavaScript (GraphiQL needs JavaScript)</noscript>
    <div id="root"></div>
    <script>
      const workers = ${scriptJson(workers)};
      self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_moduleId, label) => workers[label] };
    </script>
    <script src="${base}/graphiql.js"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), ${scriptJson(options)});
    </script>
  </body>
</html>`;
};

/**
 * Serves GraphiQL's files at `/graphiql/<version>/<file>` (GET or HEAD), cacheable for good since a
 * new bundle has a new version; anything else under `/graphiql/` is 404.
 */
export function JixiaoPluginGraphiQLAssets(): GatewayPlugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(`${GRAPHIQL_ASSETS_PATH}/`)) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      return assets().then(({ version, files }) => {
        const [, at, file] = url.pathname.slice(GRAPHIQL_ASSETS_PATH.length).split('/');
        const asset = at === version && file ? files.get(file) : undefined;
        if (!asset) {
          endResponse(new fetchAPI.Response('Not Found', { status: 404 }));
          return;
        }
        const body = request.method === 'HEAD' ? null : asset.body;
        const headers = { 'content-type': asset.type, 'cache-control': 'public, max-age=31536000, immutable' };
        endResponse(new fetchAPI.Response(body as BodyInit | null, { status: 200, headers }));
      });
    },
  } as GatewayPlugin;
}
