// The auditors' workspace (web/), built into dist/web for `filings serve`. tsc writes the rest of
// dist/, so only dist/web is emptied. Paths are resolved from this file, not the shell's directory.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // ECharts (line, bar, canvas) is ~540 kB on its own and is loaded only when a chart is drawn.
    chunkSizeWarningLimit: 600,
  },
});
