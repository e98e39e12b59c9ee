/**
 * The Firefox build in a real Firefox ESR 140 (the oldest desktop Firefox it supports): the
 * first-run page opens on install and works from the keyboard; a site taken back in Firefox's
 * settings is asked for again from the popup; scrolling a fixture feed is counted and shows in
 * the popup; a reminder card slides in; a 1-minute limit brings the boundary screen; a hidden
 * account's posts fold to their placeholder as the page loads.
 */
import { expect, test } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../../utils/storage/settings';
import { clickButton, extensionFrame, FirefoxSession, focusedText, INSTAGRAM, scrollStep } from './helpers/firefox';

// Only ever evaluated inside the add-on's own pages.
declare const browser: {
  permissions: {
    remove(permissions: { origins: string[] }): Promise<boolean>;
    contains(permissions: { origins: string[] }): Promise<boolean>;
  };
};

let session: FirefoxSession;
test.afterEach(async () => {
  await session?.close();
});

const INSTAGRAM_ORIGINS = ['https://*.instagram.com/*'];

function settingsWith(boundaries: Partial<(typeof DEFAULT_SETTINGS)['boundaries']> = {}) {
  return {
    ...structuredClone(DEFAULT_SETTINGS),
    tracking: { idleThresholdSeconds: 10, dayStartHour: 4 },
    boundaries: { ...DEFAULT_SETTINGS.boundaries, ...boundaries },
  };
}

test('runs in Firefox ESR 140 or newer', async () => {
  session = await FirefoxSession.launch();
  const major = Number((await session.version()).match(/(\d+)\./)?.[1]);
  expect(major).toBeGreaterThanOrEqual(140);
  test.info().annotations.push({ type: 'firefox', description: await session.version() });
});

test('the first-run page opens on install, works from the keyboard, and saves her choices', async () => {
  session = await FirefoxSession.launch();
  const page = session.welcome;
  if (!page) throw new Error('The first-run page did not open on install');
  expect(await page.title()).toBe('Welcome to Outside the Frame');

  /** Tab forward until the focused element reads `name`, then press `key`. */
  const press = async (name: string, key: 'Enter' | ' ' = 'Enter') => {
    for (let step = 0; step < 30; step++) {
      await page.keyboard.press('Tab');
      if ((await focusedText(page)) === name) return page.keyboard.press(key);
    }
    throw new Error(`Nothing named “${name}” in reach of Tab`);
  };
  const focusedHeading = () => page.evaluate(() => document.activeElement?.textContent?.trim());

  await page.bringToFront();
  await press('Next');
  await expect.poll(focusedHeading).toBe('Which sites to watch');
  await press('TikTok', ' ');
  await press('Next');
  await expect.poll(focusedHeading).toBe('A first daily limit');
  await press('Next');
  await expect.poll(focusedHeading).toBe('Keep it within reach');
  // Firefox's words for pinning the button.
  expect(await page.evaluate(() => document.body.textContent)).toContain('Pin to Toolbar');

  const settings = (await session.settings()) as {
    sites: { off: string[] };
    boundaries: { dailyLimitMinutes: number | null };
    nudges: { frequency: string };
  };
  expect(settings.sites.off).toEqual(['tiktok']);
  expect(settings.boundaries.dailyLimitMinutes).toBe(30);
  expect(settings.nudges.frequency).toBe('gentle');
});

test('a site taken back in Firefox is named in the popup, and her click allows it again', async () => {
  session = await FirefoxSession.launch();
  await session.inExtension((origins) => browser.permissions.remove({ origins }), INSTAGRAM_ORIGINS);
  const popup = await session.extensionPage('popup.html');
  await popup.waitForSelector('::-p-text(Allow Outside the Frame on these sites)');
  expect(await popup.evaluate(() => document.body.textContent)).toContain('Instagram');
  await clickButton(popup, 'Allow Outside the Frame on these sites');
  await popup.waitForSelector('::-p-text(Allow Outside the Frame on these sites)', { hidden: true });
  expect(await session.inExtension((origins) => browser.permissions.contains({ origins }), INSTAGRAM_ORIGINS)).toBe(
    true,
  );
});

test('scrolling a feed is counted and shows in the popup', async () => {
  session = await FirefoxSession.launch();
  await session.setSettings(settingsWith());
  const feed = await session.openFeed(INSTAGRAM);
  const started = Date.now();
  while (Date.now() - started < 20_000) await scrollStep(feed);
  const scrolled = Date.now() - started;
  // The span is reported when it closes (a 1 s tick after the last input) or every 20 s.
  await expect
    .poll(async () => (await session.ledgerTotals()).instagram ?? 0, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(scrolled - 2_000);
  expect((await session.ledgerTotals()).instagram).toBeLessThanOrEqual(scrolled + 3_000);

  const popup = await session.extensionPage('popup.html');
  await popup.waitForSelector('::-p-text(Instagram)');
  expect(await popup.evaluate(() => document.body.textContent)).toMatch(/Instagram\s*under 1 min/);
});

test('a reminder card slides in while scrolling, takes no focus, and leaves with Esc (the site never hears it)', async () => {
  session = await FirefoxSession.launch();
  await session.setSettings(settingsWith());
  // The scheduler's short preset for tests: a card after 5 s of scrolling.
  await session.setLocal({ nudgeFrequencyOverride: 'test' });
  const feed = await session.openFeed(INSTAGRAM);
  // What the site's own scripts could hear: every window message on its page.
  await feed.evaluate(() => {
    const heard: string[] = [];
    Object.assign(window, { heard });
    window.addEventListener('message', (event) => heard.push(String(event.data)));
  });
  let card = await extensionFrame(feed, 'nudge.html');
  for (const until = Date.now() + 30_000; !card && Date.now() < until; ) {
    await scrollStep(feed);
    card = await extensionFrame(feed, 'nudge.html');
  }
  if (!card) throw new Error('No reminder card within 30 s of scrolling');
  await card.waitForSelector('::-p-text(This helped)');
  expect(await feed.evaluate(() => document.activeElement?.tagName.toLowerCase())).not.toBe('outside-the-frame-nudge');
  await feed.keyboard.press('Escape');
  await expect.poll(() => feed.evaluate(() => document.querySelector('outside-the-frame-nudge') !== null)).toBe(false);
  // Her answer went through the background, not through the site's page (not even as "closed").
  const heard = await feed.evaluate(() => (window as unknown as { heard: string[] }).heard);
  expect(heard.some((data) => data.startsWith('outside-the-frame:height:'))).toBe(true);
  expect(heard.filter((data) => data.includes(':done:'))).toEqual([]);
});

test('a 1-minute limit reached by scrolling brings the boundary screen', async () => {
  session = await FirefoxSession.launch();
  await session.setSettings(settingsWith({ dailyLimitMinutes: 1, pauseSeconds: 10, extraMinutes: 5 }));
  const feed = await session.openFeed(INSTAGRAM);
  const started = Date.now();
  let screen = await extensionFrame(feed, 'boundary.html');
  while (!screen) {
    expect(Date.now() - started, 'the screen appears soon after a minute of scrolling').toBeLessThan(75_000);
    await scrollStep(feed, 120, 500);
    screen = await extensionFrame(feed, 'boundary.html');
  }
  expect((Date.now() - started) / 1000).toBeGreaterThanOrEqual(58);
  await screen.waitForSelector('[role="dialog"]');
  expect(await screen.evaluate(() => document.body.textContent)).toContain('limit');
  await expect.poll(() => focusedText(screen)).toBe('Leave Instagram');
});

test("a hidden account's posts fold to a placeholder as the page loads, and Show brings one back", async () => {
  session = await FirefoxSession.launch();
  await session.setSettings(settingsWith());
  const handle = 'maple.and.moss';
  await session.setLocal({
    accounts: { schemaVersion: 1, accounts: [{ site: 'instagram', handle, hiddenAt: Date.now() }], triggerWords: [] },
  });
  const feed = await session.openFeed(INSTAGRAM);
  // Each post: whose it is, whether it is folded (one line, nothing of its own drawn), and whether it holds the placeholder.
  const posts = () =>
    feed.evaluate(() =>
      [...document.querySelectorAll('main article')].map((post) => {
        const placeholder = [...post.children].find((child) => child.localName === 'outside-the-frame-hidden');
        return {
          author: post.querySelector('header a')?.getAttribute('href'),
          folded:
            getComputedStyle(post).visibility === 'hidden' &&
            post.getBoundingClientRect().height <= 46 &&
            [...post.children].every((child) => child === placeholder || getComputedStyle(child).display === 'none'),
          placeholder: placeholder !== undefined && placeholder.getBoundingClientRect().height > 0,
        };
      }),
    );
  const hers = `/${handle}/`;
  await expect
    .poll(async () => (await posts()).filter((post) => post.author === hers && post.folded && post.placeholder).length)
    .toBeGreaterThan(0);
  const now = await posts();
  expect(now.filter((post) => post.author === hers).every((post) => post.folded && post.placeholder)).toBe(true);
  expect(now.filter((post) => post.author !== hers).some((post) => post.folded || post.placeholder)).toBe(false);
  // Show, on the first placeholder: that post alone comes back.
  await feed.click('outside-the-frame-hidden > button');
  await expect.poll(async () => (await posts()).find((post) => post.author === hers)?.folded).toBe(false);
  const after = (await posts()).filter((post) => post.author === hers);
  expect(after[0]).toMatchObject({ folded: false, placeholder: false });
  expect(after.slice(1).every((post) => post.folded && post.placeholder)).toBe(true);
});
