import { defineConfig } from 'vitest/config';

// Browser tests (`npm run test:e2e`): build the web app, start the real server on a fresh
// embedded database and drive Debian's chromium. Kept out of `npm test`.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 300_000,
  },
});
