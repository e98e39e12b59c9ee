/**
 * Mute suggestions in a real browser, on three sites of different markup families (Instagram's
 * articles, Reddit's shreddit-post custom elements with open shadow roots, X's timeline with
 * quoted posts). Each fixture feed (tests/fixtures/pages/mute-*.html) has one account posting a
 * comparison-trap caption every fourth post among ordinary accounts, and loads more posts as she
 * scrolls:
 * 1. once three of that account's trap posts have scrolled past and the page has reported (every
 *    20 s of activity), the mute card names that account, and no other account was counted;
 * 2. "Hide on this device" collapses that account's posts only (each to a placeholder line; on
 *    Reddit, whose posts draw in their shadow roots, the placeholder follows the folded post),
 *    posts loaded later too, and again after a reload;
 * 3. "Show again" in the dashboard's Accounts section brings them back on the open feed, no reload.
 * And a hidden account's posts are never drawn, not even in the first frames of a load.
 */
import { expect, type Page, test } from '@playwright/test';
import { ExtensionSession, type FixtureRoute } from './helpers/extension';

declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };

interface MuteCase {
  /** The site's id in the ledger. */
  id: string;
  /** The site's name, as the popup says it. */
  site: string;
  route: FixtureRoute;
  url: string;
  /** The account posting trap captions (`data-fixture-author` in the fixture). */
  handle: string;
  /** How the card and the popup name it: the display name where the feed shows one, else `@handle`. */
  account: string;
  /** The ordinary accounts of the fixture. */
  others: readonly string[];
  /** A post by an ordinary account that quotes the trap account (`data-fixture-id`), which stays. */
  quotingPost?: string;
}

const CASES: readonly MuteCase[] = [
  {
    id: 'instagram',
    site: 'Instagram',
    route: { origin: 'https://www.instagram.com', file: 'mute-instagram.html' },
    url: 'https://www.instagram.com/',
    handle: 'glowhome.with.tess',
    account: '@glowhome.with.tess',
    others: ['maple.and.moss', 'quiet_kitchen_notes', 'paper.boat.family', 'saturday_pancakes'],
  },
  {
    id: 'reddit',
    site: 'Reddit',
    route: { origin: 'https://www.reddit.com', file: 'mute-reddit.html' },
    url: 'https://www.reddit.com/',
    handle: 'spotless_by_six',
    account: '@spotless_by_six',
    others: ['quiet_kettle', 'tired_but_trying', 'small_garden_mum', 'oakleaf-dad'],
  },
  {
    id: 'x',
    site: 'X',
    route: { origin: 'https://x.com', file: 'mute-x.html' },
    url: 'https://x.com/home',
    handle: 'bouncebackbree',
    account: 'Bree Glows',
    others: ['juniper_hollow', 'mara_at_home', 'oakleafdad', 'sam_and_twins'],
    quotingPost: '1860000000000000003',
  },
];

interface PostState {
  id: string;
  author: string;
  /** Folded by the extension's rule: nothing of the post drawn (no height, or one line holding its placeholder). */
  folded: boolean;
  display: string;
  /** Holding (or, on Reddit, followed by) the extension's "Hidden by you · Show" placeholder, shown. */
  placeholder: boolean;
}

/** Every post of the fixture feed: who wrote it and how the extension left it. */
function postStates(page: Page): Promise<PostState[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-fixture-author]')].map((post) => {
      const style = getComputedStyle(post);
      const isPlaceholder = (element: Element | null | undefined) => element?.localName === 'outside-the-frame-hidden';
      const inside = [...post.children].find(isPlaceholder);
      const placeholder = inside ?? (isPlaceholder(post.nextElementSibling) ? post.nextElementSibling : null);
      const height = post.getBoundingClientRect().height;
      const restHidden = [...post.children].every(
        (child) => child === inside || getComputedStyle(child).display === 'none',
      );
      return {
        id: post.dataset.fixtureId ?? '',
        author: post.dataset.fixtureAuthor ?? '',
        folded: style.visibility === 'hidden' && (height === 0 || (height <= 46 && restHidden)),
        display: style.display,
        placeholder:
          placeholder !== null &&
          getComputedStyle(placeholder).display !== 'none' &&
          placeholder.getBoundingClientRect().height > 0,
      };
    }),
  );
}

/** How many posts are hidden and shown, by the trap account and by everyone else, and any that are half-done. */
async function tally(page: Page, handle: string) {
  const posts = await postStates(page);
  const mine = posts.filter((post) => post.author === handle);
  const theirs = posts.filter((post) => post.author !== handle);
  const hidden = (post: PostState) => post.folded && post.placeholder;
  const shown = (post: PostState) => !post.folded && post.display !== 'none' && !post.placeholder;
  return {
    mine: mine.length,
    mineHidden: mine.filter(hidden).length,
    mineShown: mine.filter(shown).length,
    others: theirs.length,
    othersShown: theirs.filter(shown).length,
  };
}

/** The card (an extension page in a frame, in the host's shadow root) and its main button. */
const muteCard = (page: Page) => page.frameLocator('outside-the-frame-mute iframe');
const hideButton = (page: Page) => muteCard(page).getByRole('button', { name: 'Hide on this device' });

/** Wheel down in small steps (the page loads more near the bottom) until `done` or `seconds` pass. */
async function scrollUntil(page: Page, done: () => Promise<boolean>, seconds: number): Promise<boolean> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (await done()) return true;
    await page.mouse.wheel(0, 150);
    await page.waitForTimeout(400);
  }
  return done();
}

/** Comparison-trap posts per account of `site` in the exposure ledger (all days). */
async function trapPostsByAccount(session: ExtensionSession, site: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [key, value] of await session.ledgerEntries()) {
    if (!key.startsWith('exposure/')) continue;
    for (const account of (value as { accounts?: { site: string; handle: string; trapPosts: number }[] }).accounts ??
      []) {
      if (account.site === site) counts[account.handle] = (counts[account.handle] ?? 0) + account.trapPosts;
    }
  }
  return counts;
}

/** The accounts item's marks (what the background stored about accounts). */
async function marks(session: ExtensionSession) {
  const stored = (await session.localItem('accounts')) as
    | { accounts?: { site: string; handle: string; hiddenAt?: number; suggestedAt?: number }[] }
    | undefined;
  return stored?.accounts ?? [];
}

interface FirstFrames {
  frames: number;
  /** How many of her posts the first frame with any posts had (-1: no frame had posts yet). */
  firstPostFrameMine: number;
  /** Her posts that some frame would have drawn (neither display: none nor hidden), by `data-fixture-id`. */
  drawn: string[];
}

/**
 * Runs in the page before its own scripts (an init script): for the first 30 frames, in each
 * requestAnimationFrame callback (just before that frame is drawn) notes her posts that are
 * neither display: none nor visibility: hidden, and how many of her posts the first frame with any posts had.
 */
function watchFirstFrames(handle: string) {
  const seen: FirstFrames = { frames: 0, firstPostFrameMine: -1, drawn: [] };
  (window as unknown as { __otfFirstFrames: FirstFrames }).__otfFirstFrames = seen;
  const frame = () => {
    const all = document.querySelectorAll<HTMLElement>('[data-fixture-author]');
    const mine = [...all].filter((post) => post.dataset.fixtureAuthor === handle);
    if (seen.firstPostFrameMine < 0 && all.length > 0) seen.firstPostFrameMine = mine.length;
    for (const post of mine) {
      const id = post.dataset.fixtureId ?? '';
      // Drawn: laid out and visible (held out of sight until her accounts are read is not drawn).
      const style = getComputedStyle(post);
      if (style.display !== 'none' && style.visibility !== 'hidden' && !seen.drawn.includes(id)) seen.drawn.push(id);
    }
    seen.frames += 1;
    if (seen.frames < 30) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

let session: ExtensionSession;
test.afterEach(async () => {
  await session?.close();
});

for (const site of CASES) {
  test(`${site.site}: an account's trap posts bring a mute card; hiding holds across loads and reloads; the dashboard undoes it`, async () => {
    session = await ExtensionSession.launch();
    await session.setTrackingSettings({ idleThresholdSeconds: 30, dayStartHour: 4 });
    await session.routeFixtures([site.route]);
    const page = await session.tab(0);
    await page.goto(site.url);
    await page.mouse.move(400, 300);

    // 1. The card, once three trap posts have scrolled past and the page has reported (≤ 20 s).
    await test.step('the mute card names the account', async () => {
      const shown = await scrollUntil(page, () => hideButton(page).isVisible(), 40);
      expect(shown, 'a mute card appeared').toBe(true);
      const message = muteCard(page).getByRole('status');
      await expect(message).toContainText(`Posts from ${site.account} often`);
      for (const other of site.others) await expect(message).not.toContainText(other);
      const traps = await trapPostsByAccount(session, site.id);
      expect(traps[site.handle], 'trap posts counted for the account').toBeGreaterThanOrEqual(3);
      for (const other of site.others) expect(traps[other] ?? 0, `no trap posts counted for ${other}`).toBe(0);
      const suggested = (await marks(session)).filter((mark) => mark.suggestedAt !== undefined);
      expect(suggested.map((mark) => mark.handle)).toEqual([site.handle]);
    });

    // 2. Hide: her posts collapse, everyone else's stay; posts loaded later too.
    await test.step('"Hide on this device" collapses that account only, posts loaded later too', async () => {
      await hideButton(page).click();
      await expect(hideButton(page)).toHaveCount(0);
      await expect
        .poll(async () => {
          const now = await tally(page, site.handle);
          return now.mine > 0 && now.mineHidden === now.mine && now.othersShown === now.others;
        })
        .toBe(true);
      const before = (await tally(page, site.handle)).mine;
      const more = await scrollUntil(page, async () => (await tally(page, site.handle)).mine >= before + 2, 20);
      expect(more, 'more of her posts loaded while scrolling on').toBe(true);
      // Her posts loaded later are hidden too (folded by the rule at once, the placeholder a frame later); everyone else stays.
      await expect
        .poll(async () => {
          const now = await tally(page, site.handle);
          return now.mineHidden === now.mine && now.othersShown === now.others;
        })
        .toBe(true);
      if (site.quotingPost) {
        const quoting = (await postStates(page)).find((post) => post.id === site.quotingPost);
        expect(quoting, 'a post quoting her stays').toMatchObject({ folded: false, placeholder: false });
        expect(quoting?.display).not.toBe('none');
      }
      const hidden = (await marks(session)).filter((mark) => mark.hiddenAt !== undefined);
      expect(hidden.map((mark) => mark.handle)).toEqual([site.handle]);
    });

    // 3. Reload: hidden again as the page loads (never drawn at all: the test after this one).
    await test.step('after a reload her posts are hidden again, with no new card', async () => {
      await page.reload();
      await expect
        .poll(async () => {
          const now = await tally(page, site.handle);
          return now.mine > 0 && now.mineHidden === now.mine && now.othersShown === now.others;
        })
        .toBe(true);
      await expect(hideButton(page)).toHaveCount(0);
    });

    // 4. Undo from the dashboard: her posts come back on the open feed without a reload.
    await test.step('"Show again" on the dashboard brings her posts back without a reload', async () => {
      const popup = await session.context.newPage();
      await popup.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
      await popup.getByRole('button', { name: `Show again: ${site.account} on ${site.site}` }).click();
      await expect(popup.getByText('No accounts hidden or marked yet.')).toBeVisible();
      await expect
        .poll(async () => {
          const now = await tally(page, site.handle);
          return now.mine > 0 && now.mineShown === now.mine && now.othersShown === now.others;
        })
        .toBe(true);
      expect((await marks(session)).filter((mark) => mark.hiddenAt !== undefined)).toEqual([]);
    });
  });
}

/*
 * Her hidden accounts are read asynchronously; until then the site's posts are held out of
 * sight, so even when the first frame comes before that answer, none of her posts is drawn.
 */
test("hidden accounts' posts are never drawn, not even in the first frames of a load", async () => {
  session = await ExtensionSession.launch();
  await session.routeFixtures(CASES.map((site) => site.route));
  const now = Date.now();
  // As "Hide on this device" leaves it (the test above shows the card writes this).
  await session.worker.evaluate(
    (accounts) => chrome.storage.local.set({ accounts: { schemaVersion: 1, accounts, triggerWords: [] } }),
    CASES.map((site) => ({ site: site.id, handle: site.handle, hiddenAt: now })),
  );
  for (const site of CASES) {
    const page = await session.context.newPage();
    await page.addInitScript(watchFirstFrames, site.handle);
    for (let load = 0; load < 5; load += 1) {
      await page.goto(site.url);
      const frames = () =>
        page.evaluate(() => (window as unknown as { __otfFirstFrames: FirstFrames }).__otfFirstFrames);
      await expect.poll(async () => (await frames()).frames).toBeGreaterThanOrEqual(30);
      const seen = await frames();
      expect(
        seen.firstPostFrameMine,
        `${site.site}: her posts were there from the first frame with posts`,
      ).toBeGreaterThan(0);
      expect.soft(seen.drawn, `${site.site}, load ${load + 1}: none of her posts was drawn`).toEqual([]);
    }
    await page.close();
  }
});
