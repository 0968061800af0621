import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The console is served by the platform under /console/; `npm run dev -w @jixiao/console` serves it
 * with hot reload and sends GraphQL, attachments and the sign-in to a platform on JIXIAO_URL (default :4000).
 */
const platform = process.env.JIXIAO_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  base: '/console/',
  plugins: [react()],
  // the platform's rule functions run in the browser too; only events' browser-safe part comes with them
  resolve: { alias: { '@jixiao/events': fileURLToPath(new URL('./src/shell/platform-rules.ts', import.meta.url)) } },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // the frameworks change less often than the pages: cached apart
        manualChunks(id: string) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts';
          if (
            id.includes('node_modules/antd') ||
            id.includes('node_modules/@ant-design') ||
            id.includes('node_modules/rc-')
          )
            return 'antd';
          if (id.includes('node_modules/react')) return 'react';
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
