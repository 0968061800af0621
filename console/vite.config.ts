import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { gqlDocuments } from './gql-documents';

/**
 * The console is served by the platform under /console/; `npm run dev -w @jixiao/console` serves it
 * with hot reload and sends GraphQL, attachments and the sign-in to a platform on JIXIAO_URL (default :4000).
 */
const platform = process.env.JIXIAO_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  base: '/console/',
  plugins: [gqlDocuments(fileURLToPath(new URL('./src/gql/graphql.ts', import.meta.url))), react()],
  // the platform's rule functions run in the browser too; only events' browser-safe part comes with them
  resolve: { alias: { '@jixiao/events': fileURLToPath(new URL('./src/shell/platform-rules.ts', import.meta.url)) } },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // ECharts and React change less often than the pages: cached apart. Ant Design is not one
        // chunk: the first page loads the components it and the shell use, each page the rest it needs
        manualChunks(id: string) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts';
          if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: {
      '/graphql': { target: platform, ws: true },
      // the request form's documents: uploaded and downloaded beside /graphql with the same token
      '/attachments': platform,
      '/console/config.json': platform,
      '/console/dev': platform,
    },
  },
});
