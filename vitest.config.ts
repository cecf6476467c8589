import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import SummaryLineReporter from './scripts/summary-reporter.ts';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', new SummaryLineReporter()],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: [
            'packages/*/src/**/*.test.ts',
            'apps/*/src/**/*.test.ts',
            'e2e/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**', 'apps/admin/**'],
        },
      },
      {
        // The admin's screens in a simulated browser (jsdom), against a fake fetch typed by the API.
        extends: true,
        plugins: [react()],
        test: {
          name: 'admin',
          include: ['apps/admin/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['apps/admin/src/test/setup.ts'],
        },
      },
    ],
  },
});
