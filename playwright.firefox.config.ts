import { defineConfig } from '@playwright/test';

/**
 * The Firefox build in a real Firefox (tests/firefox): Firefox ESR 140 driven over WebDriver
 * BiDi by puppeteer-core, with Playwright's runner. `npm run build` first.
 */
export default defineConfig({
  testDir: 'tests/firefox',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 180_000,
  reporter: 'list',
  outputDir: 'test-results/firefox',
  forbidOnly: !!process.env.CI,
});
