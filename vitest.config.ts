import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/dom/**/*.test.{ts,tsx}', 'tests/wiring/**/*.test.ts'],
    environment: 'node',
    globals: false,
    restoreMocks: true,
    setupFiles: ['tests/setup/i18n.ts', 'tests/setup/menus.ts', 'tests/setup/permissions.ts'],
  },
});
