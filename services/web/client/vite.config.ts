import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../../../', import.meta.url));

// Build: npx vite build --config services/web/client/vite.config.ts  ->  services/web/dist-client
export default defineConfig({
  root: here,
  plugins: [react()],
  resolve: {
    alias: {
      '@claimflow/domain': `${repo}libs/domain/src/index.ts`,
      '@claimflow/contracts': `${repo}libs/contracts/src/index.ts`,
    },
  },
  build: { outDir: `${here}../dist-client`, emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: {
    // Dev: run the web service (port 3000) and let it proxy the APIs.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
