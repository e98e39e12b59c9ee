// Mutation testing (`npm run mutation`): how many deliberate small breakages of the core and
// the page's code the unit, DOM and wiring tests notice. Not part of `npm test` (it takes a while);
// the HTML report lands in reports/mutation/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // Forks, not threads: a worker thread ignores a changed TZ, and the time tests switch zones.
  vitest: { configFile: 'vitest.config.ts', pool: 'forks' },
  mutate: ['utils/**/*.ts', 'entrypoints/feed.content/**/*.ts', '!**/*.d.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Stryker rewrites tsconfig.json with the TypeScript compiler's JS API, which TypeScript 7 no
  // longer has; the tests don't need that rewrite (Vite resolves `@/` itself), so point it nowhere.
  tsconfigFile: 'no-tsconfig-rewrite.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignoreStatic: true,
  thresholds: { high: 85, low: 75, break: null },
};
