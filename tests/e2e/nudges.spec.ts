/**
 * Reminders in a real browser, with the scheduler's short `test` preset (20 s gap, 5 s of
 * scrolling): scrolling a feed brings a card that doesn't take focus; Esc dismisses it; no
 * second card inside the gap; none on a messages page; none after "Snooze → For today".
 */
import { expect, type Page, test } from '@playwright/test';
import { ExtensionSession, INSTAGRAM } from './helpers/extension';

declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };

let session: ExtensionSession;
test.beforeEach(async () => {
  session = await ExtensionSession.launch();
  await session.setTrackingSettings({ idleThresholdSeconds: 10, dayStartHour: 4 });
  await session.worker.evaluate(() => chrome.storage.local.set({ nudgeFrequencyOverride: 'test' }));
  await session.routeFixtures([INSTAGRAM]);
});
test.afterEach(async () => {
  await session?.close();
});

/** The card is an extension page in a frame, in the host's shadow root. */
const inCard = (page: Page) => page.frameLocator('outside-the-frame-nudge iframe');
const card = (page: Page) => inCard(page).getByRole('button', { name: 'This helped' });

/** Scroll in small steps until the card shows or `seconds` pass; true when it showed. */
async function scrollUntilCard(page: Page, seconds: number): Promise<boolean> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (await card(page).isVisible()) return true;
    await page.mouse.wheel(0, 150);
    await page.waitForTimeout(400);
  }
  return card(page).isVisible();
}

test('a card appears while scrolling a feed, takes no focus, leaves with Esc, and not again inside the gap', async () => {
  const page = await session.tab(0);
  await page.goto('https://www.instagram.com/');
  await page.mouse.move(400, 300);
  expect(await scrollUntilCard(page, 30), 'a card appeared').toBe(true);
  const focused = await page.evaluate(() => document.activeElement?.tagName.toLowerCase());
  expect(focused, 'the card did not take focus').not.toBe('outside-the-frame-nudge');
  await expect(inCard(page).getByText('Reminders change so they stay fresh.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(card(page)).toBeHidden();
  // The gap is 20 s: scrolling on for 12 s brings no second card.
  expect(await scrollUntilCard(page, 12), 'no second card inside the gap').toBe(false);
});

test('no card on a messages page', async () => {
  const page = await session.tab(0);
  await page.goto('https://www.instagram.com/direct/inbox/');
  await page.mouse.move(400, 300);
  expect(await scrollUntilCard(page, 20)).toBe(false);
});

test('after "Snooze → For today" no card appears again; the site never hears her choice', async () => {
  const page = await session.tab(0);
  await page.goto('https://www.instagram.com/');
  // What the site's own scripts could hear: every window message on its page.
  await page.evaluate(() => {
    const heard: string[] = [];
    Object.assign(window, { heard });
    window.addEventListener('message', (event) => heard.push(String(event.data)));
  });
  await page.mouse.move(400, 300);
  expect(await scrollUntilCard(page, 30)).toBe(true);
  await inCard(page).getByRole('button', { name: 'Snooze' }).click();
  await inCard(page).getByRole('button', { name: 'For today' }).click();
  await expect(card(page)).toBeHidden();
  const heard = await page.evaluate(() => (window as unknown as { heard: string[] }).heard);
  expect(
    heard.some((data) => data.startsWith('outside-the-frame:height:')),
    'the card said its height',
  ).toBe(true);
  expect(heard.filter((data) => data.includes('snooze') || data.includes(':done:'))).toEqual([]);
  // Past the 20 s gap, still nothing.
  expect(await scrollUntilCard(page, 30), 'snoozed for today').toBe(false);
  const file = await session.exportData();
  expect(file.nudges.map((nudge) => nudge.outcome)).toEqual(['snoozed-today']);
});
