/**
 * Sites in a real browser: switching a built-in site off on the dashboard stops everything
 * there at once (the boundary screen goes, nothing more is counted) and switching it on again
 * brings it back on the next load; adding a site of her own asks the browser for that site
 * alone and keeps it in her list, saying it isn't allowed yet until the browser allows it.
 */
import { expect, test } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../../utils/storage/settings';
import { ExtensionSession, INSTAGRAM, X_HOME } from './helpers/extension';

// Only ever evaluated inside the extension's service worker, where `chrome` exists.
declare const chrome: {
  storage: { sync: { get(key: string): Promise<Record<string, { sites: { added: unknown[] } } | undefined>> } };
  scripting: { getRegisteredContentScripts(): Promise<unknown[]> };
};

let session: ExtensionSession;
test.afterEach(async () => {
  await session?.close();
});

test('a site switched off on the dashboard shows nothing and counts nothing; on again, it does', async () => {
  session = await ExtensionSession.launch();
  await session.setSettings({
    ...structuredClone(DEFAULT_SETTINGS),
    tracking: { idleThresholdSeconds: 10, dayStartHour: 4 },
    boundaries: {
      ...DEFAULT_SETTINGS.boundaries,
      feedFreeWindows: [
        { id: 'all-day', start: '00:00', end: '23:59', days: [0, 1, 2, 3, 4, 5, 6], label: 'Quiet day' },
      ],
    },
  });
  await session.routeFixtures([INSTAGRAM, X_HOME]);
  const feed = await session.tab(0);
  await feed.goto('https://www.instagram.com/');
  const screen = feed.locator('outside-the-frame-boundary');
  await expect(screen).toBeAttached({ timeout: 5_000 });

  const dashboard = await session.context.newPage();
  await dashboard.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
  const instagram = dashboard.getByRole('checkbox', { name: 'Instagram' });
  await expect(instagram).toBeChecked();
  await instagram.uncheck();
  await expect(dashboard.getByRole('status').filter({ hasText: 'Instagram is off' })).toBeVisible();

  // The open page stops at once: its screen goes; X, still on, keeps its own.
  await expect(screen).not.toBeAttached({ timeout: 5_000 });
  const other = await session.context.newPage();
  await other.goto('https://x.com/home');
  await expect(other.locator('outside-the-frame-boundary')).toBeAttached({ timeout: 5_000 });
  await other.close();

  // Nothing is counted there while it is off.
  await feed.bringToFront();
  await feed.reload();
  for (let i = 0; i < 12; i++) {
    await feed.mouse.wheel(0, 200);
    await feed.waitForTimeout(250);
  }
  await expect(screen).not.toBeAttached();
  await feed.close();
  expect((await session.ledgerTotals()).instagram ?? 0).toBe(0);

  // On again: the next page load has its boundary back.
  await dashboard.bringToFront();
  await dashboard.getByRole('checkbox', { name: 'Instagram' }).check();
  await expect(dashboard.getByRole('status').filter({ hasText: 'Instagram is on again' })).toBeVisible();
  const again = await session.context.newPage();
  await again.goto('https://www.instagram.com/');
  await expect(again.locator('outside-the-frame-boundary')).toBeAttached({ timeout: 5_000 });
});

test('adding a site of her own asks the browser for that site alone and keeps it in her list', async () => {
  session = await ExtensionSession.launch();
  const dashboard = await session.tab(0);
  await dashboard.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
  await dashboard.getByLabel('Address of a site to add').fill('https://www.instagram.com/');
  await dashboard.getByRole('button', { name: 'Add site' }).click();
  await expect(dashboard.getByRole('alert')).toHaveText(/That’s Instagram, one of the built-in sites/);

  await dashboard.getByLabel('Address of a site to add').fill('news.example.org');
  await dashboard.getByLabel('Its name (if you like)').fill('Example news');
  await dashboard.getByRole('button', { name: 'Add site' }).click();
  // Kept at once (the browser's own question waits for her answer meanwhile).
  await expect(dashboard.locator('.sites .account-name')).toHaveText(['Example news']);
  const stored = await session.worker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings?.sites);
  expect(stored).toEqual({
    off: [],
    added: [
      { id: 'site:news.example.org', domain: 'news.example.org', name: 'Example news', addedAt: expect.any(Number) },
    ],
  });
  // Not allowed yet: nothing is registered to run there.
  expect(await session.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
  await dashboard.reload();
  await expect(dashboard.locator('.sites .account-states')).toHaveText(
    'Not allowed in this browser yet, so nothing is counted there',
  );
  await expect(dashboard.getByRole('button', { name: 'Allow Outside the Frame on Example news' })).toBeVisible();
  // Removed: gone from her list and her settings.
  await dashboard.getByRole('button', { name: 'Remove Example news' }).click();
  await expect(dashboard.getByText('None yet.', { exact: false })).toBeVisible();
  expect(
    await session.worker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings?.sites.added),
  ).toEqual([]);
});
