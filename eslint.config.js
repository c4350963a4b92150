// ESLint (flat config): run by `npm run lint` and by CI (.ci/run).
// Beyond typescript-eslint's recommended rules it holds the project's architecture rules:
// - a module imports the platform only through its kit (core/module-kit.ts on the server,
//   admin-ui/src/module-kit.ts in the browser), and another module only through its public-api.ts;
// - core and the shell know no module by name;
// - no import cycles between files;
// - error codes are constants (core/schemas/error-codes.ts, modules/<id>/schemas/error-codes.ts), never literals.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** A string written in place: what an error code may not be. */
const LITERAL = ':matches(Literal, TemplateLiteral)';
const CODE_MESSAGE =
  'Name the error code from its constants (CORE_ERRORS in core/schemas/error-codes.ts, or the module’s schemas/error-codes.ts): clients and tests rely on the values, and a constant is found by search.';
/**
 * Where an error's code is written: the helpers' first argument, AppError's second, decodeCursor's
 * third (the code of a bad cursor), and `code` of an `{ error: { … } }` answer built by hand.
 */
const ERROR_CODE_LITERALS = [
  `CallExpression[callee.name=/^(badRequest|unauthorized|forbidden|notFound|conflict|payloadTooLarge|unsupportedMediaType)$/] > ${LITERAL}:first-child`,
  `NewExpression[callee.name='AppError'] > ${LITERAL}:nth-child(2)`,
  `CallExpression[callee.name='decodeCursor'] > ${LITERAL}:nth-child(3)`,
  `Property[key.name='error'] > ObjectExpression > Property[key.name='code'] > ${LITERAL}.value`,
].map((selector) => ({ selector, message: CODE_MESSAGE }));

/** Core, shell or module files other than the kits and public APIs: what a module may not import. */
const MODULE_BOUNDARY = [
  {
    group: ['**/core/**', '!**/core/module-kit.ts'],
    message: 'A module imports the platform only through core/module-kit.ts (docs/ARCHITECTURE.md, "Writing a module").',
  },
  {
    group: ['**/admin-ui/src/**', '!**/admin-ui/src/module-kit', '!**/admin-ui/src/module-kit.ts'],
    message: 'A module’s web pages import the shell only through admin-ui/src/module-kit.ts.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'scratch/**', 'test-results/**', 'admin-ui/dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
      // The files an import leads to are TypeScript too: parsed to follow their imports (no-cycle).
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Names, cells and ids are cleaned of control characters on purpose (\u0000-\u001f).
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['modules/**/*.{ts,tsx}'],
    // A module's tests (modules/<id>/tests) drive the platform from outside, as tests/ does.
    ignores: ['modules/index.ts', 'modules/**/*.test.ts', 'modules/*/tests/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: MODULE_BOUNDARY }] },
  },
  {
    // A module's route schemas are type-checked by the web app too (its pages import their request
    // and response types from them, FromSchema): they reach core only through the browser-safe
    // core/schemas/schema-kit.ts, never the server kit (fastify, knex, node).
    files: ['modules/*/schemas/**/*.ts'],
    // The export schemas move to the core export table (issue 12); until then they keep the server kit.
    ignores: ['modules/forms/schemas/export.schema.ts', 'modules/dispatch/schemas/aggregation.schema.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/core/**', '!**/core/schemas', '!**/core/schemas/schema-kit.ts'],
              message: 'A module’s schemas import core only through core/schemas/schema-kit.ts (the web app type-checks them).',
            },
            MODULE_BOUNDARY[1],
          ],
        },
      ],
    },
  },
  {
    // A module's pages reach the network only through the shell's client: a `fetch` of their own
    // would skip the expired-session redirect, the CSRF token and the idempotency keys.
    files: ['modules/*/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Use apiRequest from admin-ui/src/module-kit.ts.' },
        { name: 'XMLHttpRequest', message: 'Use apiRequest or uploadFile from admin-ui/src/module-kit.ts.' },
      ],
    },
  },
  {
    files: ['core/**/*.ts', 'modules/**/*.{ts,tsx}', 'admin-ui/src/**/*.{ts,tsx}'],
    // Tests state the codes' values on purpose (they are the API), and fake answers with them.
    ignores: ['**/*.test.{ts,tsx}', 'modules/*/tests/**'],
    rules: { 'no-restricted-syntax': ['error', ...ERROR_CODE_LITERALS] },
  },
  {
    files: ['core/**/*.ts', 'admin-ui/src/**/*.{ts,tsx}'],
    // The entry points compose the installed modules (modules/index.ts, admin-ui/src/modules/registry.ts); nothing else does.
    ignores: ['core/server.ts', 'core/**/*.cli.ts', 'core/**/*-cli.ts', 'admin-ui/src/modules/registry.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/modules/*/**', '**/modules/index*'], message: 'Core and the shell know no module by name.' }] },
      ],
    },
  },
);
