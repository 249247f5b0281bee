import path from 'node:path';
import { defineConfig } from 'vitest/config';

// CI sets FOLIO_TEST_REPORT_DIR to collect one JSON report per run and sum them up.
const reportDir = process.env.FOLIO_TEST_REPORT_DIR;

export default defineConfig({
  test: {
    ...(reportDir
      ? {
          reporters: ['default', 'json'],
          outputFile: { json: path.join(reportDir, `vitest-${process.pid}-${Date.now()}.json`) },
        }
      : {}),
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
