import { defineConfig } from 'vitest/config';

/**
 * The test files whose oracle is an outside program: Singular, Chromium, Jupyter notebooks,
 * pdflatex, and the package as a user installs it (`npm pack`). They take most of the full run's
 * time. `npm run test:unit` runs every other file (the "unit" project); `npm test` runs both.
 * A file that calls Singular for any of its tests is listed whole: a project is a set of files.
 */
const ORACLE_FILES = [
  // Singular
  'test/node/singular.test.ts',
  'test/poly/singular.test.ts',
  'test/poly/singular-bridge.test.ts',
  'test/poly/groebner.test.ts',
  'test/poly/solve.test.ts',
  'test/groebner/census.test.ts',
  'test/groebner/rur.test.ts',
  'test/analysis/census.test.ts',
  'test/analysis/critical.test.ts',
  'test/analysis/landscape.test.ts',
  'test/cli/commands/expand.test.ts',
  // Chromium
  'test/**/browser.test.ts',
  // Jupyter
  'test/notebooks/**/*.test.ts',
  // pdflatex
  'test/report/pdflatex.test.ts',
  'test/report/tikz.test.ts',
  // the packed package, its toolchain
  'test/packaging/**/*.test.ts',
];

export default defineConfig({
  test: {
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ORACLE_FILES } },
      { extends: true, test: { name: 'oracle', include: ORACLE_FILES } },
    ],
  },
});
