import { defineConfig } from 'vite';

// Root is this folder whatever the working directory; `npx vite build --config apps/console/vite.config.ts`.
const root = new URL('.', import.meta.url).pathname;
const api = process.env.CONSOLE_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  // The server's contract files (view and live-delta types), as in tsconfig.json `paths`. The console imports them
  // with `import type` only, so they are erased at compile time and nothing of the server ends up in the bundle.
  resolve: {
    alias: [
      {
        find: /^@app\/([a-z-]+)\/contract$/,
        replacement: new URL('../../libs/$1/src/contract.ts', import.meta.url).pathname,
      },
    ],
  },
  // Vite 8 (Rolldown + Oxc) compiles TSX itself; no React plugin needed.
  oxc: { jsx: { runtime: 'automatic' } },
  // No source maps in the build: the server would publish them with the console (the server refuses *.map anyway).
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1200 },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: true },
      '/socket.io': { target: api, ws: true, changeOrigin: true },
      '/console-config.json': { target: api, changeOrigin: true },
    },
  },
});
