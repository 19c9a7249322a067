// @ts-check
import js from '@eslint/js';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
  {
    // Feature boundaries: features plug into each other through callbacks wired in the composition root.
    files: ['api/src/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: [
            { target: 'api/src/triggers', from: 'api/src/journeys', message: 'The trigger catalog knows nothing of journeys; take a callback wired in services.ts.' },
            { target: 'api/src/ingestion', from: 'api/src/journeys', message: 'Ingestion knows nothing of journeys; it calls a hook wired in services.ts / server.ts.' },
            { target: 'api/src/ingestion', from: 'api/src/runtime', message: 'Ingestion knows nothing of the journey runtime; it calls a hook wired in server.ts.' },
            { target: 'api/src/triggers', from: 'api/src/runtime', message: 'The trigger catalog knows nothing of the journey runtime.' },
            {
              target: 'api/src/!(graphql)/**/*',
              from: 'api/src/services.ts',
              message: 'Services take their dependencies as ServiceDeps (service-deps.ts), not from the composition root.',
            },
          ],
        },
      ],
    },
  },
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
