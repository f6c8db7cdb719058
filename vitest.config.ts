import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'server/**/*.test.{ts,tsx}',
            'db/**/*.test.ts',
            'scripts/**/*.test.ts',
            'test/**/*.test.ts',
            'tv-app/src/**/*.test.ts',
            'tv-app/build/**/*.test.ts',
          ],
          exclude: ['test/browser/**', 'node_modules/**'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // A page answers within milliseconds on a quiet machine and within seconds on a loaded
          // one; expect.poll's 1 s default made assertions about behaviour fail on load alone.
          // Speed is measured by npm run bench:live and bench:tv, not here.
          expect: { poll: { timeout: 10_000 } },
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
