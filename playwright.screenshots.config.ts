import { defineConfig } from '@playwright/test';

/** `npm run screenshots`: README pictures from the built extension (see tests/screenshots). */
export default defineConfig({
  testDir: 'tests/screenshots',
  workers: 1,
  timeout: 60_000,
  reporter: 'list',
  outputDir: 'test-results/screenshots',
});
