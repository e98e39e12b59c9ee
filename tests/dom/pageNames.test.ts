// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nameThisPage } from '@/utils/i18n';

const ENTRYPOINTS = join(__dirname, '../../entrypoints');

describe('extension pages take their title and language from the messages', () => {
  it('names a page from a message', () => {
    nameThisPage('dashboardPageTitle');
    expect(document.title).toBe('Outside the Frame — dashboard');
    expect(document.documentElement.lang).not.toBe('');
  });

  it('every extension page does so (directly, or as a card’s frame)', () => {
    const pages = readdirSync(ENTRYPOINTS, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && readdirSync(join(ENTRYPOINTS, entry.name)).includes('index.html'))
      .map((entry) => entry.name);
    expect(pages.length).toBeGreaterThanOrEqual(7);
    for (const page of pages) {
      const main = readFileSync(join(ENTRYPOINTS, page, 'main.tsx'), 'utf8');
      expect(/nameThisPage\('\w+'\)|framePage\('\w+'\)/.test(main), page).toBe(true);
    }
  });
});
