import { defineConfig } from 'vitest/config';

// API tests build the real app against a real database: PostgreSQL when DATABASE_URL is set,
// else embedded PGlite. The global setup migrates once; each test file gets its own copy.
export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'modules/**/*.test.ts', 'admin-ui/src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
