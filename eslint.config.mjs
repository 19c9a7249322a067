// @ts-check
import js from '@eslint/js';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Feature boundaries: no feature imports the composition root (`services.ts`) — services take `ServiceDeps` —
 * and the catalog, ingestion and verification import nothing of journeys or the journey runtime: features plug
 * into each other only through callbacks (hooks) wired in `services.ts` / `server.ts`. Type imports included.
 */
const NO_COMPOSITION_ROOT = { group: ['**/services.js'], message: 'Take dependencies as ServiceDeps (service-deps.ts), never from the composition root services.ts.' };
const NO_JOURNEYS = {
  group: ['**/journeys/**', '**/runtime/**'],
  message: 'The catalog and ingestion know nothing of journeys or the runtime: take a callback (a hook) wired in services.ts or server.ts.',
};
const NO_CUSTOMERS = {
  group: ['**/customers/**'],
  message: 'Ingestion knows nothing of customers: events meet them through the onStored hook wired in server.ts.',
};
const FEATURES = ['accounts', 'api-keys', 'audit', 'auth', 'content', 'db', 'ingestion', 'journeys', 'ops', 'runtime', 'snippets', 'triggers', 'verification', 'workspaces'];
const JOURNEY_FREE = new Set(['triggers', 'ingestion', 'verification']);
function boundaries() {
  return FEATURES.map((feature) => ({
    files: [`api/src/${feature}/**/*.ts`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [NO_COMPOSITION_ROOT, ...(JOURNEY_FREE.has(feature) ? [NO_JOURNEYS] : []), ...(feature === 'ingestion' ? [NO_CUSTOMERS] : [])] },
      ],
    },
  }));
}

/**
 * Type-aware rules that catch real bugs here (promises nobody awaits, promises handed to callbacks that
 * ignore them, switches that miss a case), React hook rules, GraphQL documents checked against the
 * published contract, and the feature boundaries that keep the code in its folders.
 */
export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'web/src/gql/**', '.data/**', 'schema/**', '**/*.js', '**/*.mjs'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Rows from `pg` and JSON bodies are `any` by nature; the checks below would flag every SQL call site.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/only-throw-error': 'error',
      'import-x/no-default-export': 'error',
    },
  },
  ...boundaries(),
  {
    // Tests, configs and default-export conventions of the tools (vitest/vite configs, global setups).
    files: ['**/vitest.config.ts', '**/vite.config.ts', '**/codegen.ts', '**/global-setup.ts', 'migrations/**/*.ts'],
    rules: { 'import-x/no-default-export': 'off' },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // GraphQL documents inside the SPA, checked against the published contract.
    files: ['web/src/**/*.{ts,tsx}'],
    processor: graphqlPlugin.processor,
  },
  {
    files: ['web/src/**/*.graphql'],
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: { graphQLConfig: { schema: 'schema/schema.graphql', documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**'] } },
    },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      ...graphqlPlugin.configs['flat/operations-recommended'].rules,
      // Names follow the client preset's conventions (queries named after the page, fragments Component_field).
      '@graphql-eslint/naming-convention': 'off',
      '@graphql-eslint/require-selections': 'off',
    },
  },
);
