import { defineConfig } from 'vite';

/** The explorer: sources in client/, built into dist/client/ for the server to serve. */
export default defineConfig({
  root: 'client',
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
  },
});
