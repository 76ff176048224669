// Builds the dashboard into web/dist, which the addio binary embeds (src/api/web_assets.h).
// During development `npm run dev` serves it with hot reload and forwards /api to a running
// `addio serve` (ADDIO_API, default http://127.0.0.1:8080).
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    // echarts alone is a few hundred kB even when trimmed; it stays one cached chunk.
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      output: {
        manualChunks: (id) =>
          id.includes('node_modules/echarts') || id.includes('node_modules/zrender')
            ? 'charts'
            : undefined,
      },
    },
  },
  server: {
    // The words are the catalogue's data files, outside web/ (src/i18n.ts imports them).
    fs: { allow: ['.', '../src/report/i18n'] },
    proxy: { '/api': process.env.ADDIO_API ?? 'http://127.0.0.1:8080' },
  },
});
