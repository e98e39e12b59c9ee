/**
 * The first-run page in a real browser: it opens by itself when the extension is installed;
 * each step works from the keyboard alone; the choices are saved; the axe audit passes on every
 * step, in light and dark.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { ExtensionSession } from './helpers/extension';

declare const chrome: { storage: { sync: { get(key: string): Promise<Record<string, unknown>> } } };

let session: ExtensionSession;
test.afterEach(async () => {
  await session?.close();
});

async function audit(page: Page) {
  const { violations, passes } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(passes.length).toBeGreaterThan(5);
  expect(violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
    [],
  );
}

/** Tab forward until the focused element's accessible text is `name`, then press `key`. */
async function press(page: Page, name: string, key = 'Enter') {
  for (let step = 0; step < 30; step++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      return (active?.closest('label')?.textContent ?? active?.textContent ?? '').trim();
    });
    if (text === name) {
      await page.keyboard.press(key);
      return;
    }
  }
  throw new Error(`Nothing named “${name}” in reach of Tab`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`opens on install; every step by keyboard; choices saved; the audit passes (${scheme})`, async () => {
    session = await ExtensionSession.launch({ keepWelcome: true });
    const page = session.welcome;
    if (!page) throw new Error('The first-run page did not open on install');
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page).toHaveTitle('Welcome to Outside the Frame');
    await expect(page.getByRole('heading', { name: 'What it does, and what it keeps' })).toBeVisible();
    await audit(page);

    await press(page, 'Next');
    await expect(page.getByRole('heading', { name: 'Which sites to watch' })).toBeFocused();
    // Chrome grants the sites at install: no question to answer here.
    await expect(page.getByRole('button', { name: 'Allow Outside the Frame on these sites' })).toHaveCount(0);
    await press(page, 'TikTok', 'Space');
    await expect(page.getByRole('checkbox', { name: 'TikTok' })).not.toBeChecked();
    await audit(page);
    await press(page, 'Next');

    await expect(page.getByRole('heading', { name: 'A first daily limit' })).toBeFocused();
    await expect(page.getByRole('radio', { name: '30 minutes (a good place to start)' })).toBeChecked();
    await audit(page);
    await press(page, 'Next');

    await expect(page.getByRole('heading', { name: 'Keep it within reach' })).toBeFocused();
    await expect(page.getByText('then the pin beside Outside the Frame')).toBeVisible();
    await audit(page);

    const { settings } = (await session.worker.evaluate(() => chrome.storage.sync.get('settings'))) as {
      settings: {
        sites: { off: string[] };
        boundaries: { dailyLimitMinutes: number | null };
        nudges: { frequency: string };
      };
    };
    expect(settings.sites.off).toEqual(['tiktok']);
    expect(settings.boundaries.dailyLimitMinutes).toBe(30);
    expect(settings.nudges.frequency).toBe('gentle');
  });
}
