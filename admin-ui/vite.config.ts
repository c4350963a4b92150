import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const uiRoot = import.meta.dirname;
const repoRoot = path.resolve(uiRoot, '..');

/**
 * The web app. Built into `dist/admin-ui/` at the repo root (outside the sources, served by
 * core/server/web-app.ts); `.vite/manifest.json` there feeds scripts/report-bundle.ts.
 */
export default defineConfig({
  root: uiRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.join(repoRoot, 'dist/admin-ui'),
    emptyOutDir: true,
    manifest: true,
    // The bundle report is ours (gzip sizes plus the initial-load budget, scripts/report-bundle.ts);
    // Vite's raw-size warning would only repeat it less precisely.
    reportCompressedSize: false,
    chunkSizeWarningLimit: 2048,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    // Module pages live in modules/<id>/ui, outside the Vite root.
    fs: { allow: [repoRoot] },
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
