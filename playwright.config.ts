import { defineConfig } from '@playwright/test';

/**
 * Real-browser tests: Debian's Chromium (no browser download; set CHROMIUM_PATH to use
 * another) driving the built extension in .output/chrome-mv3 (`npx wxt build` first).
 * One worker: the tests measure time and a 2-core machine must not be shared between them.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // Each scripted session runs for about one to two minutes of real time.
  timeout: 240_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  outputDir: 'test-results',
  forbidOnly: !!process.env.CI,
});
