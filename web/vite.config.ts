import react from '@vitejs/plugin-react';
import path from 'node:path';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { defineConfig } from 'vitest/config';
import { gqlDocuments } from './build/gql-documents.js';

const api = process.env.FLARE_API_URL ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [
    react(),
    gqlDocuments(path.resolve(import.meta.dirname, 'src/gql')),
    // Brotli and gzip siblings of every text file; the API serves the best one the browser accepts (express-static-gzip).
    compression({ algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })], logLevel: 'silent' }),
  ],
  server: {
    port: 5173,
    proxy: { '/graphql': { target: api, ws: true, changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    // Maps for our own debugging, never referenced from the served files (the API answers 404 for *.map).
    sourcemap: 'hidden',
    // scripts/check-bundle.mjs reads it to hold the first-load budget of the sign-in page and the catalog.
    manifest: true,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'build/**/*.test.ts', 'scripts/**/*.test.ts'],
    css: false,
    // Rendering a full form (e.g. 100 attribute rows of Fluent controls) in jsdom takes seconds on a busy CI
    // machine; the default 5 s made that flaky. Tests assert behaviour, never time.
    testTimeout: 30_000,
  },
});
