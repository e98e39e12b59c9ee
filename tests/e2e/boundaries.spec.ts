/**
 * Boundaries in a real browser: a 1-minute limit reached by scrolling shows the boundary
 * screen on that tab and on a second tab of the site; "a few more minutes" waits out the
 * pause; a feed-free time that includes now shows the screen on load; a hostile page can't
 * hide it.
 */
import { expect, type Page, test } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../../utils/storage/settings';
import { ExtensionSession, INSTAGRAM } from './helpers/extension';

const HOSTILE = { origin: 'https://www.instagram.com', file: 'hostile-feed.html' };

let session: ExtensionSession;
test.afterEach(async () => {
  await session?.close();
});

type Boundaries = (typeof DEFAULT_SETTINGS)['boundaries'];
function settingsWith(boundaries: Partial<Boundaries>) {
  return {
    ...structuredClone(DEFAULT_SETTINGS),
    tracking: { idleThresholdSeconds: 10, dayStartHour: 4 },
    boundaries: { ...DEFAULT_SETTINGS.boundaries, ...boundaries },
  };
}

/** A feed-free window around now, every day, in the browser's local time. */
function windowAroundNow() {
  const clock = (date: Date) =>
    `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  const now = Date.now();
  return {
    id: 'now',
    start: clock(new Date(now - 30 * 60_000)),
    end: clock(new Date(now + 60 * 60_000)),
    days: [0, 1, 2, 3, 4, 5, 6],
    label: 'Bedtime routine',
  };
}

/** The boundary screen is an extension page in a frame inside our element on the site's page. */
const screen = (page: Page) => page.frameLocator('outside-the-frame-boundary iframe');
const boundaryScreen = (page: Page) => screen(page).getByRole('dialog');

async function scroll(page: Page, seconds: number) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(500);
  }
}

test('a 1-minute limit reached by scrolling shows the boundary screen on both tabs; extra minutes wait for the pause', async () => {
  session = await ExtensionSession.launch();
  await session.setSettings(settingsWith({ dailyLimitMinutes: 1, pauseSeconds: 10, extraMinutes: 5 }));
  await session.routeFixtures([INSTAGRAM]);
  const second = await session.tab(0);
  await second.goto('https://www.instagram.com/explore/');
  const first = await session.context.newPage();
  await first.goto('https://www.instagram.com/');
  await first.bringToFront();
  await first.mouse.move(300, 300);

  const started = Date.now();
  await expect(boundaryScreen(first)).toBeHidden();
  // Scroll until the screen appears (a minute of active time), but never much longer.
  while (!(await boundaryScreen(first).isVisible())) {
    expect(Date.now() - started, 'the screen appears soon after a minute of scrolling').toBeLessThan(75_000);
    await scroll(first, 1);
  }
  const appearedAfter = (Date.now() - started) / 1000;
  expect(appearedAfter).toBeGreaterThanOrEqual(58);
  await expect(boundaryScreen(first)).toContainText('limit');
  await expect(screen(first).getByRole('button', { name: 'Leave Instagram' })).toBeFocused();
  // The other open tab of the site shows it too, within 2 seconds.
  await expect(boundaryScreen(second)).toBeVisible({ timeout: 2_000 });
  // A page loaded later shows it as well.
  const third = await session.context.newPage();
  await third.goto('https://www.instagram.com/reels/');
  await expect(boundaryScreen(third)).toBeVisible({ timeout: 3_000 });
  await third.close();

  await first.bringToFront();
  await screen(first).getByRole('button', { name: 'A few more minutes…' }).click();
  const extend = screen(first).getByRole('button', { name: 'A few more minutes (5 min)' });
  await expect(extend).toBeDisabled();
  await first.waitForTimeout(5_000);
  await expect(extend, 'still waiting halfway through the pause').toBeDisabled();
  await expect(extend).toBeEnabled({ timeout: 8_000 });
  await extend.click();
  await expect(boundaryScreen(first)).toBeHidden({ timeout: 3_000 });
  await expect(boundaryScreen(second)).toBeHidden({ timeout: 3_000 });
});

test('a feed-free time that includes now shows the screen when the page loads', async () => {
  session = await ExtensionSession.launch();
  await session.setSettings(settingsWith({ feedFreeWindows: [windowAroundNow()] }));
  await session.routeFixtures([INSTAGRAM]);
  const page = await session.tab(0);
  await page.goto('https://www.instagram.com/');
  await expect(boundaryScreen(page)).toBeVisible({ timeout: 3_000 });
  await expect(screen(page).getByRole('heading', { name: 'This is your feed-free time' })).toBeVisible();
  await expect(boundaryScreen(page)).toContainText('Bedtime routine');
  // The page underneath holds still.
  const before = await page.evaluate(() => window.scrollY);
  await page.mouse.wheel(0, 800);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.scrollY)).toBe(before);
});

test('a hostile page (hide-everything CSS, a script removing unknown elements) cannot hide the screen', async () => {
  session = await ExtensionSession.launch();
  await session.setSettings(settingsWith({ feedFreeWindows: [windowAroundNow()] }));
  await session.routeFixtures([HOSTILE]);
  const page = await session.tab(0);
  await page.goto('https://www.instagram.com/');
  // The page tears our element out every 50 ms, so the screen's frame never gets to load: the
  // plain screen beneath it stands, with its Leave button.
  const plain = page.locator('outside-the-frame-boundary').getByRole('dialog');
  await expect(plain).toBeVisible({ timeout: 3_000 });
  // Still there after the page's sweeper has run many times.
  await page.waitForTimeout(1_500);
  await expect(plain).toBeVisible();
  await expect(plain.getByRole('heading')).toHaveText('This is your feed-free time');
  const leave = plain.getByRole('button', { name: 'Leave Instagram' });
  await expect(leave).toBeVisible();
  // Seen, not just laid out: each put-back starts the screen's animations again, and a fade-in
  // started every 50 ms would keep it transparent.
  for (const part of [plain.getByRole('heading'), leave]) {
    expect(await part.evaluate((element) => getComputedStyle(element).opacity)).toBe('1');
  }
  const box = await leave.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(100);
  // It is really on top: the element at the Leave button's centre is ours.
  const onTop = await page.evaluate(
    ([x, y]) => {
      const hit = document.elementFromPoint(x as number, y as number);
      return hit?.tagName.toLowerCase() ?? null;
    },
    [(box?.x ?? 0) + (box?.width ?? 0) / 2, (box?.y ?? 0) + (box?.height ?? 0) / 2],
  );
  expect(onTop).toBe('outside-the-frame-boundary');
});
