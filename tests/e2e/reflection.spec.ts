/**
 * The reflection in the real browser: on the boundary screen at a 1-minute limit, in place
 * (the screen stays up, Leave stays), choosing "a few minutes less on Instagram" stores the
 * entry and lowers the limit the popup shows; and from the popup, one click.
 */
import { expect, type Page, test } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../../utils/storage/settings';
import { dayKeyOf } from '../../utils/time/day';
import { ExtensionSession, INSTAGRAM } from './helpers/extension';

declare const chrome: {
  storage: { sync: { get(key: string): Promise<{ settings: { boundaries: { dailyLimitMinutes: number | null } } }> } };
};

let session: ExtensionSession;
const dailyLimit = () =>
  session.worker.evaluate(
    async () => (await chrome.storage.sync.get('settings')).settings.boundaries.dailyLimitMinutes,
  );
test.beforeAll(async () => {
  session = await ExtensionSession.launch();
  await session.routeFixtures([INSTAGRAM]);
});
test.afterAll(async () => {
  await session?.close();
});

const screen = (page: Page) => page.frameLocator('outside-the-frame-boundary iframe');

test('on the boundary screen: the three steps lower Instagram’s limit, keep the entry, and the screen stays', async () => {
  const today = dayKeyOf(Date.now(), 4);
  // Two minutes on Instagram today, then a 1-minute limit for all feeds (publishing the new totals).
  await session.seedLedger([[`day/${today}`, { schemaVersion: 1, day: today, ms: { instagram: 120_000 } }]]);
  await session.setSettings({
    ...structuredClone(DEFAULT_SETTINGS),
    boundaries: { ...DEFAULT_SETTINGS.boundaries, dailyLimitMinutes: 1, siteLimits: { instagram: 15 } },
  });
  const page = await session.context.newPage();
  await page.goto('https://www.instagram.com/');
  const dialog = screen(page).getByRole('dialog');
  await expect(dialog).toBeVisible({ timeout: 5_000 });
  await expect(screen(page).getByRole('heading', { level: 1 })).toHaveText('You set a daily limit for your feeds');

  await screen(page).getByRole('button', { name: 'Reflect on this' }).click();
  await expect(screen(page).getByRole('heading', { name: 'A moment to reflect' })).toBeFocused();
  await screen(page).getByRole('button', { name: 'Say a little more' }).click();
  await expect(screen(page).getByRole('heading', { name: 'What did you notice just now?' })).toBeFocused();
  // By keyboard: Tab to the first feeling and press it.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(screen(page).getByRole('button', { name: 'Compared myself' })).toHaveAttribute('aria-pressed', 'true');
  await screen(page).getByLabel('In your own words (optional)').fill('The tidy kitchens again.');
  await screen(page).getByRole('button', { name: 'Next' }).click();
  await expect(screen(page).getByLabel('A site, an account, a habit or a time of day')).toHaveValue('Instagram');
  await screen(page).getByRole('button', { name: 'Next' }).click();
  await screen(page).getByLabel('Instagram: 10 minutes a day instead of 15').check();
  await screen(page).getByRole('button', { name: 'Save' }).click();
  await expect(screen(page).getByRole('heading', { name: 'Saved. Instagram now has 10 minutes a day.' })).toBeVisible();

  // The boundary is not lifted by reflecting: the screen and its Leave stay.
  await expect(dialog).toBeVisible();
  await expect(screen(page).getByRole('button', { name: 'Leave Instagram' })).toBeVisible();

  const journal = (await session.ledgerEntries()).filter(([key]) => key.startsWith('journal/'));
  expect(journal).toEqual([
    [
      `journal/${today}`,
      expect.objectContaining({
        entries: [
          expect.objectContaining({
            text: 'The tidy kitchens again.',
            feelings: ['compared'],
            fed: 'Instagram',
            site: 'instagram',
            boundary: { kind: 'site-limit', site: 'instagram', minutes: 10, before: 15 },
          }),
        ],
      }),
    ],
  ]);

  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await expect(popup.locator('.quick-row', { hasText: 'Instagram' }).locator('.quick-minutes')).toHaveText('10 min');
  await popup.close();
  await page.close();
});

test('from the popup: one ready-made reflection saves and applies its boundary, and undo takes it back', async () => {
  await session.setSettings({
    ...structuredClone(DEFAULT_SETTINGS),
    boundaries: { ...DEFAULT_SETTINGS.boundaries, dailyLimitMinutes: 40 },
  });
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await popup.getByRole('button', { name: 'Reflect', exact: true }).click();
  const less = popup.getByRole('button', { name: /This is taking more time than I want → All feeds: 35 minutes/ });
  await less.click();
  await expect(
    popup.getByRole('heading', { name: 'Saved. Your feeds now have 35 minutes a day together.' }),
  ).toBeFocused();
  expect(await dailyLimit()).toBe(35);
  await popup.getByRole('button', { name: 'Undo the boundary' }).click();
  await expect(popup.getByRole('heading', { name: /The boundary is taken back/ })).toBeVisible();
  expect(await dailyLimit()).toBe(40);
  await popup.getByRole('button', { name: 'Done' }).click();
  await expect(popup.getByRole('button', { name: 'Reflect', exact: true })).toBeFocused();
  await popup.close();
});
