import { defineConfig } from 'vitest/config';

// Two projects: pure analysis tests, and API tests that share one throwaway FerretDB.
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'analysis',
          include: ['test/analysis/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'form-ui',
          include: ['test/form-ui/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'api',
          include: ['test/api/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['./test/support/database.global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          // Fuzzing, OpenAPI conformance, NoSQL injection, headers and the canary; the XSS test is in browser.
          name: 'security',
          include: ['test/security/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['./test/support/database.global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['./test/support/browser.global-setup.ts'],
          // A busy CI machine can take more than the default second to load a language or a chunk.
          expect: { poll: { timeout: 15_000 } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      // Fault injection (test/faults): minutes of load per fault, so only with `npm run test:faults` (full) or
      // `npm run test:faults:short`, which set MEDSKAPA_FAULTS; never part of a plain `npm test`.
      ...(process.env['MEDSKAPA_FAULTS'] === undefined
        ? []
        : [
            {
              test: {
                name: 'faults',
                include: ['test/faults/**/*.test.ts'],
                environment: 'node',
                // One scenario at a time: they measure timings and memory on the same machine.
                fileParallelism: false,
                testTimeout: 360_000,
                hookTimeout: 180_000,
              },
            },
          ]),
    ],
  },
});
