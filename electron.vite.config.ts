import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // The library export renders articles in worker threads (export-pool.ts loads it).
          'export-worker': resolve(__dirname, 'electron/library/export/export-worker.ts'),
          // A big library's first scan reads in worker threads too (scan-pool.ts loads it).
          'scan-worker': resolve(__dirname, 'electron/library/scan-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require packages: bundle everything into one file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // Sandboxed preloads must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    resolve: {
      alias: {
        // Its browser build decodes entities through `document`, which a Web Worker lacks; the
        // preview pipeline runs in a worker, so take the table-based build everywhere.
        'decode-named-character-reference': resolve(
          __dirname,
          'node_modules/decode-named-character-reference/index.js',
        ),
      },
    },
    worker: { format: 'es' },
    build: {
      minify: true,
      // CodeMirror and the markdown pipeline are big by nature; the app loads from disk.
      chunkSizeWarningLimit: 4096,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'renderer/index.html'),
          preview: resolve(__dirname, 'renderer/preview.html'),
        },
      },
    },
  },
});
