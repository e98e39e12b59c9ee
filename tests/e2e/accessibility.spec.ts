/**
 * An automated WCAG audit (axe-core, WCAG 2.1 A and AA rules) of everything the extension
 * shows: the popup (a check-in waiting, a journal entry being edited, the
 * reflection open) and
 * the dashboard in light and dark, the boundary screen (with its pause, and the reflection's
 * views in place), the reminder card and the mute suggestion (its steps open) over a fixture feed. Any
 * violation fails, with the rule and the element named.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../../utils/storage/settings';
import { dayKeyOf } from '../../utils/time/day';
import { ExtensionSession, INSTAGRAM } from './helpers/extension';

declare const chrome: {
  storage: { local: { set(items: object): Promise<void>; remove(key: string): Promise<void> } };
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(id: number, message: object, options: object): Promise<unknown>;
  };
};

/** One account hidden, one never suggested and marked: the dashboard's Accounts list has rows. */
const ACCOUNTS = (now: number) => ({
  schemaVersion: 1,
  accounts: [
    { site: 'instagram', handle: 'quiet_kitchen_notes', hiddenAt: now },
    { site: 'x', handle: 'river', name: 'River', silencedAt: now, markedAt: now },
  ],
  triggerWords: ['glow up'],
});

let session: ExtensionSession;
test.beforeAll(async () => {
  session = await ExtensionSession.launch();
  await session.routeFixtures([INSTAGRAM]);
});
test.afterAll(async () => {
  await session?.close();
});

async function audit(page: Page, include?: string) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder = builder.include(include);
  const { violations, passes } = await builder.analyze();
  // The audit really looked at something (an empty scope would pass vacuously).
  expect(passes.length).toBeGreaterThan(5);
  const found = violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`popup and dashboard pass the audit (${scheme})`, async () => {
    await session.setSettings({
      ...structuredClone(DEFAULT_SETTINGS),
      boundaries: { ...DEFAULT_SETTINGS.boundaries, dailyLimitMinutes: 30, siteLimits: { instagram: 10 } },
    });
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await session.worker.evaluate((accounts) => chrome.storage.local.set({ accounts }), ACCOUNTS(Date.now()));
    // A long session that ended a few minutes ago: the popup's check-in shows.
    const end = Date.now() - 8 * 60_000;
    const day = dayKeyOf(end, 4);
    const long = {
      id: `instagram-${end}`,
      site: 'instagram',
      day,
      start: end - 20 * 60_000,
      end,
      activeMs: 20 * 60_000,
    };
    await session.seedLedger([[`sessions/${day}`, { schemaVersion: 1, day, sessions: [long] }]]);
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await expect(page.getByRole('heading', { name: 'How do you feel after 20 minutes on Instagram?' })).toBeVisible();
    await expect(page.locator('#today-heading')).toBeVisible();
    await audit(page);
    // The journal's entry being edited, and the reflection open in the popup.
    await page.getByRole('button', { name: 'Write', exact: true }).click();
    await page.getByLabel('Your words, for you alone').fill('A few words.');
    await page.getByRole('button', { name: 'Save in journal' }).click();
    await page
      .getByRole('button', { name: /^Edit the entry from/ })
      .first()
      .click();
    await audit(page);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Reflect', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'A moment to reflect' })).toBeFocused();
    await audit(page);
    // Some days of time: the chart, its table and a day focused are audited too.
    await session.seedLedger(
      [0, 1, 2].map((back) => {
        const date = dayKeyOf(Date.now() - back * 86_400_000, 4);
        return [`day/${date}`, { schemaVersion: 1, day: date, ms: { instagram: (12 + back) * 60_000, x: 4 * 60_000 } }];
      }),
    );
    // A reminder marked "Helped" and comparison-trap posts: their charts are audited too.
    const today = dayKeyOf(Date.now(), 4);
    await session.seedLedger([
      [
        `nudges/${today}`,
        {
          schemaVersion: 1,
          day: today,
          nudges: [{ id: 'n1', reminderId: 'r', tag: 't', site: 'instagram', shownAt: Date.now(), outcome: 'helped' }],
        },
      ],
      [
        `exposure/${today}`,
        {
          schemaVersion: 1,
          day: today,
          accounts: [
            {
              site: 'instagram',
              handle: 'the.tidy.corner',
              trapPosts: 3,
              seconds: 30,
              lastSeen: Date.now(),
              themes: { 'spotless-home': 3 },
            },
          ],
        },
      ],
    ]);
    await page.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
    await expect(page.getByRole('button', { name: 'Export data' })).toBeVisible();
    await expect(page.locator('.chart-svg').first()).toBeVisible();
    await page.locator('section:has(#week-heading) .chart-hit').last().focus();
    await page.getByRole('button', { name: 'Show as a table' }).first().click();
    await expect(page.locator('#trap-heading')).toBeVisible();
    await page.getByRole('button', { name: 'By theme' }).click();
    await page.locator('section:has(#reminders-heading) .chart-hit').last().focus();
    // Her accounts and the reminder settings are on the dashboard.
    await expect(page.getByRole('button', { name: 'Show again: @quiet_kitchen_notes on Instagram' })).toBeVisible();
    await expect(page.getByLabel('How often')).toBeVisible();
    await audit(page);
    await session.worker.evaluate(() => chrome.storage.local.remove('accounts'));
    await page.close();
  });

  test(`the boundary screen passes the audit (${scheme})`, async () => {
    const clock = (date: Date) =>
      `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
    const now = Date.now();
    await session.setSettings({
      ...structuredClone(DEFAULT_SETTINGS),
      boundaries: {
        ...DEFAULT_SETTINGS.boundaries,
        feedFreeWindows: [
          {
            id: 'now',
            start: clock(new Date(now - 30 * 60_000)),
            end: clock(new Date(now + 60 * 60_000)),
            days: [0, 1, 2, 3, 4, 5, 6],
            label: 'Bedtime routine',
          },
        ],
      },
    });
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('https://www.instagram.com/');
    // The screen is an extension page in a frame (its fallback beneath is inert once it loads).
    const screen = page.frameLocator('outside-the-frame-boundary iframe');
    await expect(screen.getByRole('dialog')).toBeVisible({ timeout: 5_000 });
    await page.waitForTimeout(400);
    await audit(page, 'outside-the-frame-boundary');
    await screen.getByRole('button', { name: 'A few more minutes…' }).click();
    await audit(page, 'outside-the-frame-boundary');
    await screen.getByRole('button', { name: 'Back' }).click();
    // The reflection in place: its first view, and a step with the feeling words.
    await screen.getByRole('button', { name: 'Reflect on this' }).click();
    await expect(screen.getByRole('heading', { name: 'A moment to reflect' })).toBeFocused();
    await audit(page, 'outside-the-frame-boundary');
    await screen.getByRole('button', { name: 'Say a little more' }).click();
    await screen.getByRole('button', { name: 'Compared myself' }).click();
    await audit(page, 'outside-the-frame-boundary');
    await screen.getByRole('button', { name: 'Next' }).click();
    await screen.getByRole('button', { name: 'Next' }).click();
    await audit(page, 'outside-the-frame-boundary');
    await page.close();
  });

  test(`the reminder card passes the audit (${scheme})`, async () => {
    await session.setSettings(structuredClone(DEFAULT_SETTINGS));
    await session.worker.evaluate(() => chrome.storage.local.set({ nudgeFrequencyOverride: 'test', nudgeState: null }));
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('https://www.instagram.com/');
    await page.mouse.move(640, 400);
    const card = page.frameLocator('outside-the-frame-nudge iframe').getByRole('button', { name: 'This helped' });
    for (let step = 0; step < 100 && !(await card.isVisible()); step++) {
      await page.mouse.wheel(0, 150);
      await page.waitForTimeout(400);
    }
    await expect(card).toBeVisible();
    await page.waitForTimeout(500);
    await audit(page, 'outside-the-frame-nudge');
    await page.close();
  });

  test(`the mute suggestion passes the audit (${scheme})`, async () => {
    await session.setSettings(structuredClone(DEFAULT_SETTINGS));
    await session.worker.evaluate((accounts) => chrome.storage.local.set({ accounts }), ACCOUNTS(Date.now()));
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('https://www.instagram.com/');
    // A hidden account's placeholder, drawn in the site's page: its words and its Show button.
    await expect(page.locator('outside-the-frame-hidden').first()).toBeVisible({ timeout: 5_000 });
    await audit(page, 'outside-the-frame-hidden');
    // "This made me feel worse" on the post most in view brings the card at once.
    await session.worker.evaluate(async () => {
      const [tab] = (await chrome.tabs.query({})).filter((t) => t.url?.startsWith('https://www.instagram.com/'));
      if (tab?.id !== undefined) await chrome.tabs.sendMessage(tab.id, { type: 'page/markWorse' }, { frameId: 0 });
    });
    const card = page.frameLocator('outside-the-frame-mute iframe');
    await card.getByRole('button', { name: 'How to mute on Instagram' }).click();
    await expect(card.getByRole('link', { name: /’s page$/ })).toBeVisible();
    await audit(page, 'outside-the-frame-mute');
    await session.worker.evaluate(() => chrome.storage.local.remove('accounts'));
    await page.close();
  });
}
