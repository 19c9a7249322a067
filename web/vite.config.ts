import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const api = process.env.FLARE_API_URL ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/graphql': { target: api, ws: true, changeOrigin: true } },
  },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 2_000 },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // Rendering a full form (e.g. 100 attribute rows of Fluent controls) in jsdom takes seconds on a busy CI
    // machine; the default 5 s made that flaky. Tests assert behaviour, never time.
    testTimeout: 30_000,
  },
});
