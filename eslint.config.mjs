// ESLint flat config: typescript-eslint's type-checked recommended rules for the whole tree, React's hook rules for
// the console. Formatting is Prettier's job (.prettierrc.json); none of the rule sets below has stylistic rules.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.data/**',
      '**/coverage/**',
      '**/test-artifacts/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // The project service finds each file's tsconfig (tsconfig.json, apps/console/tsconfig.json); the config
        // files outside both projects fall back to the default project.
        projectService: {
          allowDefaultProject: [
            '*.js',
            '*.mjs',
            'apps/console/vite.config.ts',
            'apps/console/vitest.config.ts',
            'test/support/console-module-transform.js',
          ],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Off for the whole tree: the code marks array elements it knows are present with `!` (as if
      // noUncheckedIndexedAccess were on); under the current tsconfig the rule calls each of those (about 300) needless.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['apps/console/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'libs/event-store/src/contract/**/*.ts'],
    rules: {
      // supertest types every response body as `any`, and the tests read those bodies field by field on purpose
      // (the assertion is the check); typing each body would restate the API in the tests without catching more.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Fakes and route tables implement async signatures (`path: async () => '/api/v1/plans'`) without awaiting.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // CommonJS config files run by Node (jest, dependency-cruiser).
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' },
    },
  },
);
