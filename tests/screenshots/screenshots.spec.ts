/**
 * `npm run screenshots`: the pictures in the README, made from the built extension in the
 * real browser with example data, so they stay true as the UI changes.
 */
import { join } from 'node:path';
import { expect, type FrameLocator, type Page, test } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../../utils/storage/settings';
import { dayKeyOf } from '../../utils/time/day';
import { ExtensionSession, INSTAGRAM, PROJECT_ROOT } from '../e2e/helpers/extension';

const DOCS = join(PROJECT_ROOT, 'docs');
const MIN = 60_000;
/** Example day: what a mother might see mid-afternoon. */
const EXAMPLE_TODAY = { instagram: 14 * MIN + 20_000, facebook: 6 * MIN + 5_000, pinterest: 3 * MIN + 40_000 };

const clock = (date: Date) =>
  `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
/** Her boundaries in the pictures: 30 minutes in all, 15 on Instagram, a bedtime hour. */
const EXAMPLE_SETTINGS = {
  ...structuredClone(DEFAULT_SETTINGS),
  boundaries: {
    ...DEFAULT_SETTINGS.boundaries,
    dailyLimitMinutes: 30,
    siteLimits: { instagram: 15 },
    feedFreeWindows: [
      { id: 'bedtime', start: '19:00', end: '20:00', days: [0, 1, 2, 3, 4, 5, 6], label: 'Bedtime routine' },
    ],
  },
};
/** A feed-free time around now, for the boundary screen picture. */
const NOW_WINDOW = () => ({
  id: 'now',
  start: clock(new Date(Date.now() - 30 * MIN)),
  end: clock(new Date(Date.now() + 60 * MIN)),
  days: [0, 1, 2, 3, 4, 5, 6],
  label: 'Bedtime routine',
});

const suffix = (scheme: 'light' | 'dark') => (scheme === 'light' ? '' : '-dark');

/** The reflection's views, one picture each: its start, the three steps, and what Save did. */
async function shootSteps(
  page: Page,
  within: Page | FrameLocator,
  name: string,
  scheme: 'light' | 'dark',
  selector?: string,
) {
  const shoot = async (view: string) => {
    await page.waitForTimeout(300);
    const path = join(DOCS, `${name}-${view}${suffix(scheme)}.png`);
    if (selector) await page.locator(selector).screenshot({ path });
    else await page.screenshot({ path });
  };
  await expect(within.getByRole('heading', { name: 'A moment to reflect' })).toBeVisible();
  await shoot('start');
  await within.getByRole('button', { name: 'Say a little more' }).click();
  await within.getByRole('button', { name: 'Compared myself' }).click();
  await within.getByRole('button', { name: 'Felt tired' }).click();
  await within.getByLabel('In your own words (optional)').fill('The spotless kitchens again.');
  await shoot('1');
  await within.getByRole('button', { name: 'Next' }).click();
  await shoot('2');
  await within.getByRole('button', { name: 'Next' }).click();
  await within.getByRole('radio').nth(1).check();
  await shoot('3');
  await within.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(within.getByRole('button', { name: 'Undo the boundary' })).toBeVisible();
  await shoot('saved');
  await within.getByRole('button', { name: 'Undo the boundary' }).click();
  await expect(within.getByRole('heading', { name: /The boundary is taken back/ })).toBeVisible();
}

let session: ExtensionSession;
test.beforeAll(async () => {
  session = await ExtensionSession.launch();
  await session.routeFixtures([INSTAGRAM]);
});
test.afterAll(async () => {
  await session.close();
});

async function seedToday(ms: Record<string, number>) {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await page.evaluate(async (totals) => {
    const now = new Date();
    const local = now.getHours() < 4 ? new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, 12) : now;
    const pad = (n: number) => String(n).padStart(2, '0');
    const day = `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('outside-the-frame');
      open.onupgradeneeded = () => open.result.createObjectStore('ledger');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('ledger', 'readwrite');
        tx.objectStore('ledger').put({ schemaVersion: 1, day, ms: totals }, `day/${day}`);
        // What the background publishes after each write, which the popup reads first.
        tx.oncomplete = () =>
          void (
            globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }
          ).chrome.storage.local
            .set({ boundaryUsage: { day, todayMsBySite: totals, at: Date.now() } })
            .then(() => resolve());
        tx.onerror = () => reject(tx.error);
      };
    });
  }, ms);
  await page.close();
}

for (const scheme of ['light', 'dark'] as const) {
  test(`first-run page, its sites step (${scheme})`, async () => {
    await session.setSettings(structuredClone(DEFAULT_SETTINGS));
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 900, height: 760 });
    await page.goto(`chrome-extension://${session.extensionId}/welcome.html?first`);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('heading', { name: 'Which sites to watch' })).toBeFocused();
    await page.getByRole('checkbox', { name: 'LinkedIn' }).uncheck();
    await page.screenshot({ path: join(DOCS, `welcome${suffix(scheme)}.png`) });
    await page.close();
  });

  test(`popup (${scheme})`, async () => {
    await seedToday(EXAMPLE_TODAY);
    await session.setSettings(EXAMPLE_SETTINGS);
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 360, height: 600 });
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await expect(page.getByText('24 min in all')).toBeVisible();
    await page.screenshot({ path: join(DOCS, scheme === 'light' ? 'popup.png' : 'popup-dark.png'), fullPage: true });
    await page.close();
  });

  test(`reminder card (${scheme})`, async () => {
    await session.setSettings({ ...EXAMPLE_SETTINGS, boundaries: DEFAULT_SETTINGS.boundaries });
    await session.worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }
      ).chrome.storage.local.set({
        nudgeFrequencyOverride: 'test',
        nudgeState: undefined,
        // A reminder here, not the check-in the other pictures' long sessions would bring.
        checkInsOff: true,
      }),
    );
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('https://www.instagram.com/');
    await page.mouse.move(640, 400);
    const card = page.frameLocator('outside-the-frame-nudge iframe').getByRole('button', { name: 'This helped' });
    for (let step = 0; step < 80 && !(await card.isVisible()); step++) {
      await page.mouse.wheel(0, 150);
      await page.waitForTimeout(400);
    }
    await expect(card).toBeVisible();
    await page.waitForTimeout(500); // the slide-in
    await page.screenshot({ path: join(DOCS, scheme === 'light' ? 'reminder.png' : 'reminder-dark.png') });
    await page.close();
  });

  test(`boundary screen (${scheme})`, async () => {
    await session.setSettings({
      ...EXAMPLE_SETTINGS,
      boundaries: { ...EXAMPLE_SETTINGS.boundaries, feedFreeWindows: [NOW_WINDOW()] },
    });
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('https://www.instagram.com/');
    const screen = page.frameLocator('outside-the-frame-boundary iframe');
    await expect(screen.getByRole('dialog')).toBeVisible({ timeout: 5_000 });
    await page.waitForTimeout(400); // the fade-in
    await page.screenshot({ path: join(DOCS, scheme === 'light' ? 'boundary.png' : 'boundary-dark.png') });
    // The reflection in place, each step, and what a Save did.
    await screen.getByRole('button', { name: 'Reflect on this' }).click();
    await shootSteps(page, screen, 'boundary-reflect', scheme);
    await page.close();
  });

  test(`journal and reflection in the popup (${scheme})`, async () => {
    await seedToday(EXAMPLE_TODAY);
    await session.setSettings(EXAMPLE_SETTINGS);
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 360, height: 600 });
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const journal = page.locator('.journal');
    await page.getByRole('button', { name: 'Write', exact: true }).click();
    await page.getByLabel('Your words, for you alone').fill('We built a blanket fort after school. Nobody filmed it.');
    await journal.screenshot({ path: join(DOCS, `journal${suffix(scheme)}.png`) });
    await page.getByLabel('Your words, for you alone').fill('');
    await page.getByRole('button', { name: 'Reflect', exact: true }).click();
    await shootSteps(page, page, 'popup-reflect', scheme, '.reflect');
    await page.close();
  });

  test(`check-ins (${scheme})`, async () => {
    await session.setSettings({ ...EXAMPLE_SETTINGS, boundaries: DEFAULT_SETTINGS.boundaries });
    // A 26-minute Instagram session that ended ten minutes ago: the popup asks about it. (No
    // questions asked yet today: the other scheme's pictures would count towards the day's three.)
    const end = Date.now() - 10 * MIN;
    const day = dayKeyOf(end, 4);
    await session.seedLedger([
      [`checkins/${day}`, { schemaVersion: 1, day, checkIns: [] }],
      [
        `sessions/${day}`,
        {
          schemaVersion: 1,
          day,
          sessions: [
            { id: `instagram-${end}`, site: 'instagram', day, start: end - 26 * MIN, end, activeMs: 26 * MIN },
          ],
        },
      ],
    ]);
    await session.worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { local: { remove(key: string): Promise<void> } } } }
      ).chrome.storage.local.remove('checkInsOff'),
    );
    const popup = await session.context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const checkIn = popup.locator('.checkin');
    await expect(checkIn).toBeVisible();
    await checkIn.screenshot({ path: join(DOCS, `checkin-popup${suffix(scheme)}.png`) });
    await popup.close();
    // Scrolling on for 21 minutes now: the question comes to the feed's corner, in a reminder's place.
    const now = Date.now();
    const today = dayKeyOf(now, 4);
    const id = `instagram-${now}`;
    await session.seedLedger([
      [
        `sessions/${today}`,
        {
          schemaVersion: 1,
          day: today,
          sessions: [{ id, site: 'instagram', day: today, start: now - 21 * MIN, end: now, activeMs: 21 * MIN }],
        },
      ],
      ['tracking-state', { schemaVersion: 1, counted: [], latestSession: { instagram: { id, day: today } } }],
    ]);
    await session.worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }
      ).chrome.storage.local.set({ nudgeFrequencyOverride: 'test', nudgeState: undefined, checkInsOff: false }),
    );
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('https://www.instagram.com/');
    await page.mouse.move(640, 400);
    const card = page.frameLocator('outside-the-frame-nudge iframe').getByRole('button', { name: 'A bit worse' });
    for (let step = 0; step < 80 && !(await card.isVisible()); step++) {
      await page.mouse.wheel(0, 150);
      await page.waitForTimeout(400);
    }
    await expect(card).toBeVisible();
    await page.screenshot({ path: join(DOCS, `checkin-feed${suffix(scheme)}.png`) });
    await page.close();
  });

  test(`mute suggestion and a hidden account (${scheme})`, async () => {
    await session.setSettings({ ...EXAMPLE_SETTINGS, boundaries: DEFAULT_SETTINGS.boundaries });
    // One account hidden on this device; the suggestion card comes for another she marks.
    await session.worker.evaluate((now) => {
      const local = (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } })
        .chrome.storage.local;
      return local.set({
        accounts: {
          schemaVersion: 1,
          accounts: [{ site: 'instagram', handle: 'quiet_kitchen_notes', hiddenAt: now }],
          triggerWords: [],
        },
      });
    }, Date.now());
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('https://www.instagram.com/');
    const placeholder = page.locator('outside-the-frame-hidden').first();
    await expect(placeholder).toBeAttached({ timeout: 5_000 });
    await placeholder.scrollIntoViewIfNeeded();
    await page.mouse.move(640, 400);
    // "This made me feel worse" on the post most in view, as the menu item or the shortcut does.
    await session.worker.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          chrome: {
            tabs: {
              query(q: object): Promise<{ id?: number; url?: string }[]>;
              sendMessage(id: number, message: object, options: object): Promise<unknown>;
            };
          };
        }
      ).chrome.tabs;
      const [tab] = (await api.query({})).filter((candidate) =>
        candidate.url?.startsWith('https://www.instagram.com/'),
      );
      if (tab?.id !== undefined) await api.sendMessage(tab.id, { type: 'page/markWorse' }, { frameId: 0 });
    });
    await expect(
      page.frameLocator('outside-the-frame-mute iframe').getByRole('button', { name: 'Hide on this device' }),
    ).toBeVisible({ timeout: 5_000 });
    await page.waitForTimeout(500); // the slide-in
    await page.screenshot({ path: join(DOCS, scheme === 'light' ? 'mute.png' : 'mute-dark.png') });
    await session.worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { local: { remove(key: string): Promise<void> } } } }
      ).chrome.storage.local.remove('accounts'),
    );
    await page.close();
  });
  test(`dashboard (${scheme})`, async () => {
    // A few weeks of made-up history: time on four sites, long sessions answered mostly "a bit
    // worse", comparison-trap posts mostly from two accounts, and two journal entries; LinkedIn
    // switched off and a forum of her own added (not allowed in this browser yet).
    await session.setSettings({
      ...EXAMPLE_SETTINGS,
      sites: {
        off: ['linkedin'],
        added: [{ id: 'site:forum.example.org', domain: 'forum.example.org', name: 'Parents’ forum', addedAt: 0 }],
      },
    });
    const records: [string, unknown][] = [];
    const checkIns: Record<string, unknown[]> = {};
    for (let back = 0; back < 30; back++) {
      const at = Date.now() - back * 86_400_000;
      const day = dayKeyOf(at, 4);
      const ms = {
        instagram: (8 + ((back * 7) % 15)) * MIN,
        facebook: ((back * 3) % 7) * MIN,
        pinterest: ((back * 5) % 6) * MIN,
        x: back % 4 === 0 ? 6 * MIN : 0,
      };
      records.push([`day/${day}`, { schemaVersion: 1, day, ms }]);
      if (back < 9) {
        const start = at - 3 * 3_600_000;
        const long = back % 3 !== 2;
        checkIns[day] = [
          {
            sessionId: `instagram-${start}`,
            site: 'instagram',
            start,
            activeMs: (long ? 24 : 9) * MIN,
            askedAt: start + 40 * MIN,
            askedWhere: 'popup',
            feeling: long ? (back % 4 === 1 ? 'same' : 'bit-worse') : 'same',
            answeredAt: start + 41 * MIN,
          },
        ];
      }
      if (back < 6) {
        records.push([
          `exposure/${day}`,
          {
            schemaVersion: 1,
            day,
            accounts: [
              {
                site: 'instagram',
                handle: 'the.tidy.corner',
                trapPosts: 3,
                seconds: 30,
                lastSeen: at,
                themes: { 'spotless-home': 3 },
              },
              {
                site: 'instagram',
                handle: 'linen_days_studio',
                trapPosts: 2,
                seconds: 20,
                lastSeen: at,
                themes: { 'perfect-routine': 2 },
              },
              {
                site: 'instagram',
                handle: 'maple.and.moss',
                trapPosts: 1,
                seconds: 9,
                lastSeen: at,
                themes: { 'spotless-home': 1 },
              },
            ],
          },
        ]);
      }
    }
    for (const [day, list] of Object.entries(checkIns))
      records.push([`checkins/${day}`, { schemaVersion: 1, day, checkIns: list }]);
    // Reminders over ten weeks: one to three a day on most days, about a third marked "Helped".
    for (let back = 0; back < 70; back++) {
      if (back % 5 === 4) continue;
      const at = Date.now() - back * 86_400_000;
      const day = dayKeyOf(at, 4);
      const nudges = Array.from({ length: 1 + (back % 3) }, (_, i) => ({
        id: `n-${back}-${i}`,
        reminderId: 'shown_not_lived',
        tag: 'highlight-reel',
        site: 'instagram',
        shownAt: at - i * 600_000,
        outcome: (back + i) % 3 === 0 ? 'helped' : 'not-now',
        outcomeAt: at - i * 600_000 + 20_000,
      }));
      records.push([`nudges/${day}`, { schemaVersion: 1, day, nudges }]);
    }
    const today = dayKeyOf(Date.now(), 4);
    records.push([
      `journal/${today}`,
      {
        schemaVersion: 1,
        day: today,
        entries: [
          {
            id: 'j1',
            at: Date.now() - 3_600_000,
            text: 'We built a blanket fort after school. Nobody filmed it.',
            promptId: 'nobody_saw_today',
          },
          {
            id: 'j2',
            at: Date.now() - 600_000,
            text: 'I keep comparing myself.',
            site: 'instagram',
            feelings: ['compared'],
            fed: 'Instagram: @the.tidy.corner',
            boundary: { kind: 'site-limit', site: 'instagram', minutes: 10, before: 15 },
          },
        ],
      },
    ]);
    await session.seedLedger(records);
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
    await page.getByRole('button', { name: '30 days' }).click();
    await expect(page.locator('.insight').first()).toBeVisible();
    await page.locator('.chart-hit').nth(27).focus();
    await page.waitForTimeout(300);
    const shoot = (name: string, selector: string) =>
      page
        .locator(selector)
        .first()
        .screenshot({ path: join(DOCS, `${name}${suffix(scheme)}.png`) });
    await shoot('dashboard-chart', 'section:has(.chart)');
    await shoot('dashboard-insights', 'section:has(.insights)');
    await shoot('dashboard-feelings', 'section:has(.feelings-chart)');
    await shoot('dashboard-reminders', 'section:has(#reminders-heading)');
    await page.getByRole('button', { name: 'By theme' }).click();
    await shoot('dashboard-trap', 'section:has(#trap-heading)');
    await expect(page.locator('#journal-history-heading')).toBeVisible();
    await shoot('dashboard-journal', 'section:has(#journal-history-heading)');
    await shoot('dashboard-data', 'section:has(#data-heading)');
    await shoot('dashboard-sites', 'section:has(#sites-heading)');
    await page.close();
  });
}
