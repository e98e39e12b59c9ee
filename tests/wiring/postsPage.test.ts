// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://www.instagram.com/" }
/**
 * The post features on a feed page, wired to WXT's fake browser with a stand-in background:
 * the Instagram fixture in the document, the real adapter and classifier, the runner's clock.
 * Each post she looked at (in view at two looks a second apart; what is in view is what the test
 * says the browser has at each point) is counted once, hidden accounts' posts fold away (the
 * browser's fold animation is played by the test; shown on request), the
 * suggestion card carries out her choice, "this made me feel worse" names the right post's
 * author, detection tells the background whether posts are found, and the comparison signal
 * reaches the reminders.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { activityReporting } from '@/entrypoints/feed.content/activity';
import { RETIRE_MS } from '@/entrypoints/feed.content/frameCard';
import { CHECK_EVERY_MS, reminders } from '@/entrypoints/feed.content/nudges';
import {
  createPostFeature,
  DETECTION_GRACE_MS,
  FLING_SCREENS,
  FOLD_ANIMATION,
  GRID_COLUMNS,
  HIDDEN_ATTR,
  HOLD_ATTR,
  HOLD_MAX_MS,
  holdPosts,
  PASS_DELAY_MS,
  PLACEHOLDER,
  POSTS_REPORT_EVERY_MS,
  SEEN_AFTER_MS,
  SHOWN_ATTR,
} from '@/entrypoints/feed.content/posts';
import { type PageFeature, type PageRunner, runPage } from '@/entrypoints/feed.content/runner';
import type { AccountMark, Suggestion } from '@/utils/mute/accounts';
import { postClassifier } from '@/utils/mute/classify';
import type { Sighting } from '@/utils/mute/exposure';
import { SIGNAL_MIN_POSTS } from '@/utils/mute/tally';
import { instagram } from '@/utils/sites/instagram';
import type { PostAdapter, PostInfo } from '@/utils/sites/types';
import { DEFAULT_SETTINGS } from '@/utils/storage/settings';
import { loadSiteFixture, recycleInto } from '../helpers/siteFixture';
import { getMessage } from '../setup/i18n';
import { cardFrame, type Envelope, fakePageClock, standInBackground } from './pageHarness';

const S = 1000;
/** Sunday 22 November 2026, 15:00 UTC. */
const NOW = Date.UTC(2026, 10, 22, 15, 0);
/** Changes are gathered for PASS_DELAY_MS; happy-dom has no requestIdleCallback, so the pass follows at once. */
const IDLE_PASS_MS = PASS_DELAY_MS + 1;

const adapter = instagram.posts as PostAdapter;
const classify = postClassifier([], 'en');
/** Classifies as the background does (tests/wiring/posts.test.ts covers that side). */
const postFeature = createPostFeature(async (texts) => texts.map((text) => classify(text)));

let received: Envelope[];
let seenReply: { suggestion: Suggestion | null };
let markWorseReply: { suggestion: Suggestion | null };
let ctx: ContentScriptContext;

const sent = (type: string) => received.filter((m) => m.type === type).map((m) => m.data);
/** What each report said, seconds on screen apart (every post is on screen in most tests; see `rawReports`). */
const seenReports = () =>
  rawReports().map((sightings) => sightings.map(({ seconds: _seconds, ...sighting }) => sighting));
const rawReports = () => sent('posts/seen').map((data) => data.sightings as Sighting[]);
const muteCard = () => document.querySelector('outside-the-frame-mute');
const placeholders = () => [...document.querySelectorAll(PLACEHOLDER)];
/** The placeholder in `post` (Instagram's posts hold their own), if any. */
const placeholderIn = (post: Element | undefined) =>
  [...(post?.children ?? [])].find((child) => child.localName === PLACEHOLDER);
/** Whether `post` is folded with its placeholder in it. */
const folded = (post: Element | undefined) => placeholderIn(post) !== undefined;
const feed = () => document.querySelector('main[role="main"] > div > div') as HTMLElement;
const posts = () => adapter.findPosts(document);
const byHandle = (a: { handle: string }, b: { handle: string }) => a.handle.localeCompare(b.handle);

beforeEach(() => {
  view.shown = () => true;
  view.looked = [];
  Object.defineProperty(document, 'elementFromPoint', { configurable: true, value: elementAt });
  fakePageClock(NOW);
  vi.spyOn(document, 'hasFocus').mockReturnValue(true);
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
  received = [];
  seenReply = { suggestion: null };
  markWorseReply = { suggestion: null };
  standInBackground(received, (message) =>
    message.type === 'activity/report'
      ? { ok: true, settled: (message.data.spans as unknown[]).length, countedMs: 0 }
      : message.type === 'posts/seen'
        ? seenReply
        : message.type === 'posts/markWorse'
          ? markWorseReply
          : message.type === 'nudge/request'
            ? { show: false, reason: 'too-soon' }
            : { ok: true },
  );
  ctx = new ContentScriptContext('feed');
});

afterEach(() => {
  ctx.abort();
  Reflect.deleteProperty(document, 'elementFromPoint');
  vi.unstubAllGlobals();
  vi.useRealTimers();
  document.body.innerHTML = '';
  for (const element of document.documentElement.querySelectorAll(
    'outside-the-frame-mute, outside-the-frame-nudge, style[data-outside-the-frame]',
  ))
    element.remove();
  history.replaceState({}, '', '/');
});

/** The Instagram fixture's body in the document; what each post should read as. */
function loadFixture(): (PostInfo | null)[] {
  const fixture = loadSiteFixture('instagram');
  document.body.replaceChildren(...[...fixture.doc.body.childNodes].map((node) => document.importNode(node, true)));
  return fixture.expected;
}

/** An Instagram post shaped like the fixture's (header with the author and the permalink, a caption). */
function article(handle: string, code: string, caption: string): HTMLElement {
  const element = document.createElement('article');
  element.className = 'x1iyjqo2';
  element.innerHTML =
    `<header><a href="/${handle}/" role="link"><span dir="auto">${handle}</span></a>` +
    `<a href="/p/${code}/" role="link"><time datetime="2026-11-22T08:00:00.000Z">7h</time></a></header>` +
    `<div><img alt="" src="data:,"></div><section></section><section></section>` +
    `<div><span><span dir="auto">${caption}</span></span></div>`;
  return element;
}

/** A `<template id>` in the document holding one post, for `recycleInto`. */
function addTemplate(id: string, post: HTMLElement): void {
  const template = document.createElement('template');
  template.id = id;
  template.content.append(post);
  document.body.append(template);
}

/** What a report should say for these posts, from the classifier (sponsored posts are not traps). */
function expectedSightings(
  infos: readonly (PostInfo | null)[],
  marked: readonly string[] = [],
): Omit<Sighting, 'seconds'>[] {
  const byAccount = new Map<string, Omit<Sighting, 'seconds'>>();
  for (const info of infos) {
    const handle = info?.author?.handle;
    if (!info || !handle) continue;
    const isMarked = marked.includes(handle);
    const result = info.sponsored && !isMarked ? { trap: false, themes: [] } : classify(info.text);
    if (!result.trap && !isMarked) continue;
    const sighting = byAccount.get(handle) ?? { handle, trapPosts: 0, themes: {} };
    sighting.trapPosts += 1;
    for (const theme of result.trap ? result.themes : ['marked'])
      sighting.themes[theme] = (sighting.themes[theme] ?? 0) + 1;
    byAccount.set(handle, sighting);
  }
  return [...byAccount.values()].sort(byHandle);
}

async function storeAccounts(accounts: AccountMark[]): Promise<void> {
  await fakeBrowser.storage.local.set({ accounts: { schemaVersion: 1, accounts, triggerWords: [] } });
}

async function start(features: readonly PageFeature[] = [activityReporting, postFeature]): Promise<PageRunner> {
  const runner = runPage(ctx, features, window, vi.fn());
  if (!runner) throw new Error('not a tracked site');
  await runner.ready;
  return runner;
}

/** Start, and use the page a moment (nothing in view): from then on, a look follows each second of use. */
async function startLooking(): Promise<void> {
  const shown = view.shown;
  view.shown = () => false;
  await start();
  await scrollFor(2);
  view.shown = shown;
}

/** Let the idle pass that follows a change run. */
const idlePass = () => vi.advanceTimersByTimeAsync(IDLE_PASS_MS);

/** Turn the wheel once a second for `seconds` seconds. */
async function scrollFor(seconds: number, px = 400) {
  for (let i = 0; i < seconds; i++) {
    window.scrollTo(0, window.scrollY + px);
    window.dispatchEvent(new WheelEvent('wheel', { deltaY: px }));
    await vi.advanceTimersByTimeAsync(S);
  }
}

/** Scroll until the posts report is due, and let its answer arrive. */
async function scrollUntilReport() {
  await scrollFor(POSTS_REPORT_EVERY_MS / S);
  await vi.advanceTimersByTimeAsync(10);
}

/** The adapter's own way to list posts (not the spied one: the tests count the page script's calls). */
const postsOnPage = adapter.findPosts;
const view = { shown: (_post: Element) => true as boolean, looked: [] as [number, number][] };
/**
 * What the browser has in view (happy-dom lays nothing out): the posts `shown` says are in view,
 * top to bottom, each filling an equal band of the window, as `elementFromPoint` answers (an
 * element inside the post, as a browser would). A folded post draws only its placeholder.
 */
function elementAt(x: number, y: number): Element | null {
  // (The runner asks for the middle of the window to find what the site scrolls: not a look.)
  if (y !== window.innerHeight / 2) view.looked.push([x, y]);
  const inView = postsOnPage(document).filter((post) => view.shown(post));
  const post = inView[Math.floor((y / window.innerHeight) * inView.length)];
  if (!post) return null;
  if (folded(post)) return placeholderIn(post)?.querySelector('button') ?? null;
  if (post.hasAttribute(HIDDEN_ATTR)) return null;
  return post.querySelector('img, span') ?? post;
}

/**
 * The browser plays the hiding rule's fold animation on each post the rule matches: its
 * `animationstart` is what the page script answers with a placeholder. happy-dom plays no
 * animations, and its `:has()` matching is unreliable, so this reads the rule for the animation
 * each part starts and fires it where a browser would: on posts folded by attribute, and on the
 * posts of each of `handles` (whose header links to the account, as Instagram's selector says; the
 * real-browser tests check the selectors themselves), unless she showed them.
 */
function playFolds(...handles: string[]): void {
  const css = document.querySelector('style[data-outside-the-frame]')?.textContent ?? '';
  const animationOf = (selector: string) =>
    css
      .split('\n')
      .find((line) => line.startsWith(`:is(${selector}):not([${SHOWN_ATTR}]) {`) && line.includes('animation:'))
      ?.match(new RegExp(`animation:(${FOLD_ANIMATION}-\\d+) `))?.[1];
  const fold = (post: Element, animationName: string) =>
    post.dispatchEvent(new AnimationEvent('animationstart', { animationName, bubbles: true }));
  const byAttribute = animationOf(`[${HIDDEN_ATTR}]`);
  for (const post of document.querySelectorAll(`[${HIDDEN_ATTR}]:not([${SHOWN_ATTR}])`)) {
    if (byAttribute) fold(post, byAttribute);
  }
  for (const handle of handles) {
    const name = animationOf(adapter.hideSelector?.(handle) ?? '');
    if (!name) continue;
    for (const post of posts()) {
      // Instagram's rule: the post's header links to the account.
      const author = post.querySelector('header a[href]')?.getAttribute('href')?.split('/')[1];
      if (author?.toLowerCase() === handle.toLowerCase() && !post.hasAttribute(SHOWN_ATTR)) fold(post, name);
    }
  }
}

describe('posts: each post is read once', () => {
  it('reports the trap posts per account exactly as the fixture’s captions and the classifier imply', async () => {
    const expected = loadFixture();
    await start();
    await idlePass();
    await scrollUntilReport();
    const want = expectedSightings(expected);
    // The fixture has a trap post (or this test would prove nothing).
    expect(want.length).toBeGreaterThan(0);
    expect(seenReports()).toHaveLength(1);
    expect(seenReports()[0]?.slice().sort(byHandle)).toEqual(want);
    // Still in view: the trap posts' further seconds are reported, but no post is counted again.
    await scrollUntilReport();
    expect(seenReports()).toHaveLength(2);
    expect(seenReports()[1]?.map((sighting) => sighting.trapPosts)).toEqual(want.map(() => 0));
    expect(rawReports()[1]?.every((sighting) => sighting.seconds > 0)).toBe(true);
    // Out of view: nothing more to say.
    view.shown = () => false;
    await scrollUntilReport();
    await scrollUntilReport();
    expect(seenReports().length).toBeLessThanOrEqual(3);
    expect(
      seenReports()
        .slice(1)
        .flat()
        .every((sighting) => sighting.trapPosts === 0),
    ).toBe(true);
  });

  it('does not count a re-rendered post twice, and counts a recycled row as the new post', async () => {
    const expected = loadFixture();
    const trapRecycled = article(
      'glow.gwen',
      'DBq7ggg',
      'Spotless kitchen, every surface cleared before 7am #cleanhome',
    );
    addTemplate('recycled-trap', trapRecycled);
    expect(classify('Spotless kitchen, every surface cleared before 7am #cleanhome').trap).toBe(true);
    await start();
    await idlePass();
    const [first, trapPost] = posts();
    if (!first || !trapPost) throw new Error('fixture posts missing');
    // The same element removed and put back.
    const parent = trapPost.parentElement as HTMLElement;
    const next = trapPost.nextSibling;
    trapPost.remove();
    await idlePass();
    parent.insertBefore(trapPost, next);
    await idlePass();
    // A fresh copy of it (the site rendered it again with new nodes).
    trapPost.replaceWith(trapPost.cloneNode(true));
    await idlePass();
    // A mutation inside it.
    posts()[1]?.querySelector('section')?.append(document.createElement('span'));
    await idlePass();
    // The first row recycled for another post, a trap from a new account.
    recycleInto(document, first, 'recycled-trap');
    await idlePass();
    expect(adapter.readPost(first, new URL(location.href))?.author?.handle).toBe('glow.gwen');
    await scrollUntilReport();
    const recycledInfo = adapter.readPost(first, new URL(location.href));
    const want = expectedSightings([...expected, recycledInfo]);
    expect(want.find((sighting) => sighting.handle === 'glow.gwen')?.trapPosts).toBe(1);
    expect(seenReports()).toHaveLength(1);
    expect(seenReports()[0]?.slice().sort(byHandle)).toEqual(want);
  });

  it('counts a marked account’s ordinary post (and its sponsored one) as trap posts', async () => {
    const expected = loadFixture();
    await storeAccounts([
      { site: 'instagram', handle: 'maple.and.moss', markedAt: NOW - S },
      { site: 'instagram', handle: 'lumen.linen', markedAt: NOW - S },
      // Marked on another site: not this one.
      { site: 'threads', handle: 'thepristinenest', markedAt: NOW - S },
    ]);
    expect(classify(expected[0]?.text ?? '').trap).toBe(false);
    await start();
    await idlePass();
    await scrollUntilReport();
    const want = expectedSightings(expected, ['maple.and.moss', 'lumen.linen']);
    expect(want.find((sighting) => sighting.handle === 'maple.and.moss')).toEqual({
      handle: 'maple.and.moss',
      trapPosts: 1,
      themes: { marked: 1 },
    });
    expect(seenReports()[0]?.slice().sort(byHandle)).toEqual(want);
  });
});

describe('posts: on screen', () => {
  /** The fixture loaded, the page in use, and its trap post (the second) alone in view. */
  async function pristineInView(): Promise<Element> {
    view.shown = () => false;
    loadFixture();
    await startLooking();
    const pristine = posts()[1] as Element;
    view.shown = (post) => post === pristine;
    return pristine;
  }

  /** Out of view, until the report: it counts the fixture's trap post once; the seconds it reports. */
  async function pristineSecondsReported(): Promise<number | undefined> {
    view.shown = () => false;
    await scrollUntilReport();
    const reports = rawReports().flat();
    expect(reports.map((sighting) => [sighting.handle, sighting.trapPosts])).toEqual([['thepristinenest', 1]]);
    return reports[0]?.seconds;
  }

  it('counts the seconds a trap post was in view, and none once it left the view', async () => {
    view.shown = () => false;
    const [, pristineInfo] = loadFixture();
    const themes = expectedSightings([pristineInfo ?? null])[0]?.themes;
    const readPost = vi.spyOn(adapter, 'readPost');
    await startLooking();
    const pristine = posts()[1] as Element;
    // In view at six looks, a second apart: five seconds.
    view.shown = (post) => post === pristine;
    await scrollFor(6);
    view.shown = () => false;
    await scrollFor(POSTS_REPORT_EVERY_MS / S - 6);
    await vi.advanceTimersByTimeAsync(10);
    // Only the post in view was read: the fixture's other trap posts never were.
    expect(rawReports()).toEqual([[{ handle: 'thepristinenest', trapPosts: 1, seconds: 5, themes }]]);
    expect(readPost.mock.calls.map(([post]) => post)).toEqual([pristine]);
    // A new trap post from another account, in view for three seconds: the next report has it alone.
    const caption = 'Spotless kitchen, every surface cleared before 7am #cleanhome';
    const glow = article('glow.gwen', 'DBq7ggg', caption);
    feed().append(glow);
    view.shown = (post) => post === glow;
    view.looked = [];
    await scrollFor(3);
    view.shown = () => false;
    await scrollUntilReport();
    expect(rawReports()).toHaveLength(2);
    expect(rawReports()[1]).toEqual([
      { handle: 'glow.gwen', trapPosts: 1, seconds: expect.any(Number), themes: { 'spotless-home': 1 } },
    ]);
    // Two or three seconds, as the looks fell.
    expect(rawReports()[1]?.[0]?.seconds).toBeGreaterThanOrEqual(2);
    expect(rawReports()[1]?.[0]?.seconds).toBeLessThanOrEqual(3);
  });

  it('times a trap post again whenever it is back in view (counted once)', async () => {
    const pristine = await pristineInView();
    await scrollFor(3);
    view.shown = () => false;
    await scrollFor(3);
    view.shown = (post) => post === pristine;
    await scrollFor(4);
    // Two seconds the first time, three the second.
    expect(await pristineSecondsReported()).toBe(5);
  });

  it('goes on timing a trap post in view when its own children change (counted once)', async () => {
    const pristine = await pristineInView();
    await scrollFor(3);
    // The site adds a child to the post (a "more" line, a lazy part) while it is in view.
    pristine.append(document.createElement('div'));
    await scrollFor(4);
    expect(await pristineSecondsReported()).toBeGreaterThanOrEqual(6);
  });

  it('never reads a post in view at a single look, and reads it once she stops on it', async () => {
    view.shown = () => false;
    const [, pristineInfo] = loadFixture();
    const want = expectedSightings([pristineInfo ?? null]);
    expect(want).toHaveLength(1);
    const readPost = vi.spyOn(adapter, 'readPost');
    await startLooking();
    const pristine = posts()[1] as Element;
    view.shown = (post) => post === pristine;
    await scrollFor(1);
    view.shown = () => false;
    await scrollUntilReport();
    expect(readPost).not.toHaveBeenCalled();
    expect(rawReports()).toEqual([]);
    // Back in view, and it stays: read, once, and counted.
    view.shown = (post) => post === pristine;
    await scrollUntilReport();
    expect(readPost.mock.calls.map(([post]) => post)).toEqual([pristine]);
    expect(seenReports()).toEqual([want]);
  });

  it('takes no look while the view moves more than two screens a second, and looks again when it slows', async () => {
    loadFixture();
    const readPost = vi.spyOn(adapter, 'readPost');
    await startLooking();
    const firstLook = view.looked.length;
    expect(firstLook).toBeGreaterThan(0);
    await scrollFor(6, 2 * FLING_SCREENS * window.innerHeight);
    expect(readPost).not.toHaveBeenCalled();
    expect(view.looked).toHaveLength(firstLook);
    await scrollFor(3, 200);
    expect(view.looked.length).toBeGreaterThan(0);
    expect(readPost).toHaveBeenCalled();
  });

  it('lets go of a trap post taken out of the page: its seconds stop', async () => {
    const pristine = await pristineInView();
    await scrollFor(3);
    // Its row gone (a virtualised feed drops rows far from view).
    (pristine.closest('main > div > div > *') ?? pristine).remove();
    await scrollUntilReport();
    expect(rawReports().flat()).toEqual([
      expect.objectContaining({ handle: 'thepristinenest', trapPosts: 1, seconds: 2 }),
    ]);
  });

  it('looks down the feed, and across it on a site whose feed is a grid', async () => {
    loadFixture();
    await start();
    await scrollFor(2);
    const columns = new Set(view.looked.map(([x]) => x));
    expect(columns.size).toBe(1);
    view.looked = [];
    const gridAdapter = adapter as { grid?: boolean };
    gridAdapter.grid = true;
    try {
      await scrollFor(2);
      expect(new Set(view.looked.map(([x]) => x)).size).toBe(GRID_COLUMNS);
    } finally {
      delete gridAdapter.grid;
    }
  });
});

describe('posts: where the hiding rule can’t name an account', () => {
  /** As on a site whose markup keeps authors out of reach of selectors: her hidden account's posts are read. */
  const unnamed = 'thepristinenest';
  let hideSelector: PostAdapter['hideSelector'];
  beforeEach(() => {
    hideSelector = adapter.hideSelector;
    (adapter as { hideSelector?: unknown }).hideSelector = undefined;
  });
  afterEach(() => {
    (adapter as { hideSelector?: unknown }).hideSelector = hideSelector;
  });

  it('reads the posts and folds hers by an attribute, later ones too; the placeholder names her; unhiding restores', async () => {
    loadFixture();
    await storeAccounts([{ site: 'instagram', handle: unnamed, hiddenAt: NOW - S }]);
    await start();
    await idlePass();
    const [maple, pristine] = posts();
    expect(pristine?.hasAttribute(HIDDEN_ATTR)).toBe(true);
    expect(maple?.hasAttribute(HIDDEN_ATTR)).toBe(false);
    playFolds();
    expect(folded(pristine)).toBe(true);
    expect(placeholders()).toHaveLength(1);
    const name = adapter.readPost(pristine as Element, new URL(location.href))?.author?.name ?? `@${unnamed}`;
    expect(placeholderIn(pristine)?.querySelector('button')?.getAttribute('aria-label')).toBe(
      getMessage('hiddenShowLabel', name),
    );
    const later = article(unnamed, 'DBq8hhh', 'Another morning, another reset.');
    feed().append(later);
    await idlePass();
    expect(later.hasAttribute(HIDDEN_ATTR)).toBe(true);
    await storeAccounts([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(document.querySelectorAll(`[${HIDDEN_ATTR}]`)).toHaveLength(0);
    expect(placeholders()).toEqual([]);
  });

  it('watches the elements holding the posts and each post’s own children, never a whole subtree', async () => {
    loadFixture();
    await storeAccounts([{ site: 'instagram', handle: unnamed, hiddenAt: NOW - S }]);
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    await start();
    await idlePass();
    // The whole page only until the feed is found; then no subtree at all.
    const whole = observe.mock.calls.filter(([, options]) => options?.subtree).map(([target]) => target);
    expect(whole).toEqual([document.documentElement]);
    const watched = observe.mock.calls.slice(1).map(([target]) => target);
    for (const post of posts()) expect(watched).toContain(post);
    expect(watched).toContain(document.querySelector('main'));
    expect(watched).toContain(posts()[0]?.parentElement);
  });

  it('changes deep inside posts (counters, timestamps) bring no pass; new posts and recycled ones do', async () => {
    loadFixture();
    await storeAccounts([{ site: 'instagram', handle: unnamed, hiddenAt: NOW - S }]);
    addTemplate('recycled-hidden', article(unnamed, 'DBq7ggg', 'Spotless kitchen, every surface cleared before 7am'));
    await start();
    await idlePass();
    await scrollFor(1);
    const findPosts = vi.spyOn(adapter, 'findPosts');
    const [first] = posts();
    findPosts.mockClear();
    // A live counter and a timestamp rewriting themselves, an element added deep inside.
    const time = first?.querySelector('time') as Element;
    for (let tick = 0; tick < 10; tick++) time.textContent = `${tick}s`;
    first?.querySelector('section')?.append(document.createElement('span'));
    await idlePass();
    expect(findPosts).not.toHaveBeenCalled();
    // A new post: found.
    const later = article('juniper.rows', 'DBq9jjj', 'Tea.');
    feed().append(later);
    await idlePass();
    expect(findPosts.mock.calls.map(([root]) => root)).toEqual([later]);
    // A row recycled for a post of hers: read again, and folded.
    expect(first?.hasAttribute(HIDDEN_ATTR)).toBe(false);
    recycleInto(document, first as Element, 'recycled-hidden');
    await idlePass();
    expect(first?.hasAttribute(HIDDEN_ATTR)).toBe(true);
  });

  it('no hidden account the rule can’t name: nothing is observed, nothing read to hide', async () => {
    loadFixture();
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const readPost = vi.spyOn(adapter, 'readPost');
    view.shown = () => false;
    await start();
    await idlePass();
    await scrollFor(3);
    expect(observe).not.toHaveBeenCalled();
    expect(readPost).not.toHaveBeenCalled();
  });
});

describe('posts: the feed replaced without navigation', () => {
  it('keeps reading the new feed: its hidden account’s posts get their placeholder, new posts count', async () => {
    loadFixture();
    await storeAccounts([{ site: 'instagram', handle: 'thepristinenest', hiddenAt: NOW - S }]);
    await start();
    playFolds('thepristinenest');
    expect(placeholders()).toHaveLength(1);
    // Nothing is waiting to run.
    await idlePass();
    expect(vi.getTimerCount()).toBe(0);
    // The site mounts a fresh feed in place of the old one (same URL).
    const fresh = loadSiteFixture('instagram').doc.querySelector('main') as Element;
    document.querySelector('main')?.replaceWith(document.importNode(fresh, true));
    const caption = 'Spotless kitchen, every surface cleared before 7am #cleanhome';
    feed().append(article('glow.gwen', 'DBq7ggg', caption));
    playFolds('thepristinenest');
    await scrollFor(2);
    expect(folded(posts()[1])).toBe(true);
    await scrollUntilReport();
    expect(
      seenReports()
        .flat()
        .find((sighting) => sighting.handle === 'glow.gwen')?.trapPosts,
    ).toBe(1);
  });
});

describe('posts: a hidden account', () => {
  const hiddenHandle = 'thepristinenest';

  it('holds the site’s posts out of sight from the very start until her decisions are read', async () => {
    loadFixture();
    await storeAccounts([{ site: 'instagram', handle: hiddenHandle, hiddenAt: NOW - S }]);
    const runner = runPage(ctx, [activityReporting, postFeature], window, vi.fn());
    // Synchronously, before the stored decisions can have been read.
    const hold = document.querySelector(`style[${HOLD_ATTR}]`);
    expect(hold?.textContent).toBe(`${adapter.postSelector} { visibility: hidden !important; }`);
    expect(document.querySelector('style[data-outside-the-frame]')).toBeNull();
    await runner?.ready;
    expect(document.querySelector(`style[${HOLD_ATTR}]`)).toBeNull();
    expect(document.querySelector('style[data-outside-the-frame]')?.textContent).toContain(
      adapter.hideSelector?.(hiddenHandle),
    );
  });

  it('lets the hold go by itself if her decisions never come', () => {
    const release = holdPosts(document, 'article');
    expect(document.querySelectorAll(`style[${HOLD_ATTR}]`)).toHaveLength(1);
    vi.advanceTimersByTime(HOLD_MAX_MS);
    expect(document.querySelectorAll(`style[${HOLD_ATTR}]`)).toHaveLength(0);
    release();
  });

  it('writes the folding rule for the handle at once, before any pass', async () => {
    loadFixture();
    await storeAccounts([{ site: 'instagram', handle: hiddenHandle, hiddenAt: NOW - S }]);
    await start();
    const styles = document.querySelectorAll('style[data-outside-the-frame]');
    expect(styles).toHaveLength(1);
    const css = styles[0]?.textContent ?? '';
    expect(css).toContain(`:is(${adapter.hideSelector?.(hiddenHandle)}):not([${SHOWN_ATTR}]) {`);
    expect(css).not.toContain('maple.and.moss');
    expect(css).toContain('height:0!important');
    expect(css).toContain(`animation:${FOLD_ANIMATION}-1 1ms`);
  });

  it('puts the page back as the site drew it when the extension stops', async () => {
    loadFixture();
    await storeAccounts([{ site: 'instagram', handle: hiddenHandle, hiddenAt: NOW - S }]);
    await start();
    playFolds(hiddenHandle);
    expect(placeholders()).toHaveLength(1);
    ctx.abort();
    expect(document.querySelectorAll('style[data-outside-the-frame]')).toHaveLength(0);
    expect(placeholders()).toHaveLength(0);
    expect(document.querySelectorAll(`[${HIDDEN_ATTR}], [${SHOWN_ATTR}]`)).toHaveLength(0);
  });

  it('puts a placeholder in each folded post, later ones too; Show reveals one; unhiding restores at once', async () => {
    loadFixture();
    await storeAccounts([{ site: 'instagram', handle: hiddenHandle, hiddenAt: NOW - S, name: 'The Pristine Nest' }]);
    const readPost = vi.spyOn(adapter, 'readPost');
    await start();
    playFolds(hiddenHandle);
    const [maple, pristine, lumen] = posts();
    expect(folded(pristine)).toBe(true);
    expect(folded(maple)).toBe(false);
    expect(folded(lumen)).toBe(false);
    expect(placeholders()).toHaveLength(1);
    // Folded by the browser: nothing read to do it.
    expect(readPost).not.toHaveBeenCalled();

    // A later post by the same author (a mention of her elsewhere does not count).
    const later = article(hiddenHandle, 'DBq8hhh', 'Another morning, another reset.');
    feed().append(later);
    const mention = article('juniper.rows', 'DBq8iii', 'Coffee with @thepristinenest');
    feed().append(mention);
    playFolds(hiddenHandle);
    expect(folded(later)).toBe(true);
    expect(folded(mention)).toBe(false);
    expect(placeholders()).toHaveLength(2);
    // The browser plays a fold again (a rule rewritten): still one placeholder each.
    playFolds(hiddenHandle);
    expect(placeholders()).toHaveLength(2);

    // Show, on the first one's placeholder: that post alone comes back.
    const placeholder = placeholderIn(pristine) as Element;
    expect(placeholder.textContent).toContain(getMessage('hiddenByYou'));
    const show = placeholder.querySelector('button');
    expect(show?.textContent).toBe(getMessage('hiddenShow'));
    expect(show?.getAttribute('aria-label')).toBe(getMessage('hiddenShowLabel', 'The Pristine Nest'));
    show?.click();
    expect(pristine?.hasAttribute(SHOWN_ATTR)).toBe(true);
    expect(placeholder.isConnected).toBe(false);
    expect(later.hasAttribute(SHOWN_ATTR)).toBe(false);
    expect(folded(later)).toBe(true);
    expect(placeholders()).toHaveLength(1);
    // The rule no longer folds the one she showed.
    playFolds(hiddenHandle);
    expect(folded(pristine)).toBe(false);
    // Another account hidden meanwhile: the one she showed stays shown.
    await storeAccounts([
      { site: 'instagram', handle: hiddenHandle, hiddenAt: NOW - S, name: 'The Pristine Nest' },
      { site: 'instagram', handle: 'maple.and.moss', hiddenAt: NOW },
    ]);
    await vi.advanceTimersByTimeAsync(0);
    playFolds(hiddenHandle, 'maple.and.moss');
    expect(folded(maple)).toBe(true);
    expect(placeholderIn(maple)?.querySelector('button')?.getAttribute('aria-label')).toBe(
      getMessage('hiddenShowLabel', '@maple.and.moss'),
    );
    expect(folded(pristine)).toBe(false);
    expect(placeholders()).toHaveLength(2);

    // Unhidden from the popup: placeholders and rule go at once.
    await storeAccounts([{ site: 'instagram', handle: hiddenHandle, markedAt: NOW }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(placeholders()).toEqual([]);
    expect(document.querySelector('style[data-outside-the-frame]')?.textContent).not.toContain(hiddenHandle);
    expect(readPost).not.toHaveBeenCalled();
  });

  it('keeps what she does on a placeholder from the post around it (its link or handler never hears it)', async () => {
    loadFixture();
    await storeAccounts([{ site: 'instagram', handle: hiddenHandle, hiddenAt: NOW - S }]);
    await start();
    playFolds(hiddenHandle);
    const pristine = posts()[1] as Element;
    const heard: string[] = [];
    const types = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'keydown'];
    for (const type of types) pristine.addEventListener(type, () => heard.push(type));
    const show = placeholderIn(pristine)?.querySelector('button') as HTMLButtonElement;
    show.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup'])
      show.dispatchEvent(new MouseEvent(type, { bubbles: true }));
    show.click();
    expect(heard).toEqual([]);
    // Show still did its work.
    expect(pristine.hasAttribute(SHOWN_ATTR)).toBe(true);
    // The post's own parts are the site's as ever.
    pristine.querySelector('img, span')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(heard).toEqual(['click']);
  });

  it('leaves one placeholder, naming the account now there, in a recycled row', async () => {
    loadFixture();
    await storeAccounts([
      { site: 'instagram', handle: hiddenHandle, hiddenAt: NOW - S },
      { site: 'instagram', handle: 'maple.and.moss', hiddenAt: NOW - S },
    ]);
    await start();
    playFolds(hiddenHandle, 'maple.and.moss');
    const [maple, pristine] = posts() as [Element, Element];
    expect(placeholderIn(pristine)).toBeDefined();
    // The site reuses the folded row for maple.and.moss's post, adding its parts after ours.
    const reused = pristine.cloneNode(false) as Element;
    for (const child of maple.children) reused.append(child.cloneNode(true));
    pristine.replaceChildren(placeholderIn(pristine) as Element, ...[...reused.children]);
    pristine.setAttribute('data-fixture-author', 'maple.and.moss');
    playFolds('maple.and.moss');
    const inRow = [...pristine.children].filter((child) => child.localName === PLACEHOLDER);
    expect(inRow).toHaveLength(1);
    expect(inRow[0]?.querySelector('button')?.getAttribute('aria-label')).toBe(
      getMessage('hiddenShowLabel', '@maple.and.moss'),
    );
    // Her own words are never read as the post's.
    expect(adapter.readPost(pristine, new URL(location.href))?.text ?? '').not.toContain(getMessage('hiddenByYou'));
  });

  it('does not see a folded post: what is in view there is its placeholder', async () => {
    view.shown = () => false;
    loadFixture();
    await storeAccounts([{ site: 'instagram', handle: hiddenHandle, hiddenAt: NOW - S }]);
    const readPost = vi.spyOn(adapter, 'readPost');
    await startLooking();
    playFolds(hiddenHandle);
    const pristine = posts()[1] as Element;
    expect(folded(pristine)).toBe(true);
    view.looked = [];
    view.shown = (post) => post === pristine;
    await scrollFor(6);
    view.shown = () => false;
    await scrollUntilReport();
    expect(view.looked.length).toBeGreaterThan(0);
    expect(readPost.mock.calls.filter(([post]) => post === pristine)).toEqual([]);
    expect(rawReports().flat()).toEqual([]);
  });

  it('ignores animations that are not its own, and its own for a post it no longer hides', async () => {
    loadFixture();
    await start();
    posts()[0]?.dispatchEvent(new AnimationEvent('animationstart', { animationName: 'fade-in', bubbles: true }));
    posts()[0]?.dispatchEvent(
      new AnimationEvent('animationstart', { animationName: `${FOLD_ANIMATION}-3`, bubbles: true }),
    );
    expect(placeholders()).toEqual([]);
  });

  it('folds an account hidden while the page is open, at once', async () => {
    loadFixture();
    await start();
    playFolds();
    expect(placeholders()).toEqual([]);
    await storeAccounts([{ site: 'instagram', handle: 'maple.and.moss', hiddenAt: NOW }]);
    await vi.advanceTimersByTimeAsync(0);
    playFolds('maple.and.moss');
    expect(folded(posts()[0])).toBe(true);
    expect(placeholders()).toHaveLength(1);
    expect(document.querySelector('style[data-outside-the-frame]')?.textContent).toContain(
      adapter.hideSelector?.('maple.and.moss'),
    );
  });
});

describe('posts: the suggestion card', () => {
  const suggestion: Suggestion = {
    site: 'instagram',
    handle: 'thepristinenest',
    theme: 'spotless-home',
    trapPosts: 3,
    reason: 'threshold',
  };

  async function cardUp() {
    loadFixture();
    seenReply = { suggestion };
    await start();
    await idlePass();
    expect(muteCard()).toBeNull();
    await scrollUntilReport();
    await vi.advanceTimersByTimeAsync(IDLE_PASS_MS);
    const card = cardFrame('outside-the-frame-mute');
    const src = new URL(card.frame?.src ?? 'about:blank');
    expect(src.pathname).toBe('/mute.html');
    expect(Object.fromEntries(src.searchParams)).toEqual({
      site: 'instagram',
      handle: 'thepristinenest',
      theme: 'spotless-home',
      frame: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(card.frame?.title).toBe(getMessage('muteFrameTitle'));
    return card;
  }

  it('shows the card for a suggestion in its frame; her choice there goes to the background and closes it', async () => {
    const { says, chooses } = await cardUp();
    // Her choice never travels as a window message (the site's page hears those), nor can the
    // site close the card by faking one.
    says('outside-the-frame:done:hide');
    says('outside-the-frame:done:closed', window);
    says('outside-the-frame:done:closed', undefined, 'https://www.instagram.com');
    expect(muteCard()).not.toBeNull();
    // The background hands it on for another showing's token: not this card's.
    await chooses('hide', 'another-showing');
    expect(muteCard()).not.toBeNull();
    await chooses('hide');
    await vi.advanceTimersByTimeAsync(RETIRE_MS);
    expect(sent('posts/act')).toEqual([{ handle: 'thepristinenest', action: 'hide' }]);
    expect(muteCard()).toBeNull();
  });

  it('stays once its frame has loaded', async () => {
    const loaded = await cardUp();
    loaded.says('outside-the-frame:height:220');
    await vi.advanceTimersByTimeAsync(12 * S);
    expect(muteCard()).not.toBeNull();
  });

  it('goes, as closed, when its frame never loads (no height in 10 s)', async () => {
    await cardUp();
    await vi.advanceTimersByTimeAsync(10 * S + RETIRE_MS);
    expect(muteCard()).toBeNull();
    expect(sent('posts/act')).toEqual([]);
  });

  it('“Reflect” opens the reflection; closing sends no choice', async () => {
    await (await cardUp()).chooses('reflect');
    await vi.advanceTimersByTimeAsync(10);
    expect(sent('posts/reflect')).toEqual([{}]);
    expect(sent('posts/act')).toEqual([]);
  });

  it('passes Esc on the page to the card; closed, it sends no choice', async () => {
    const { says, posted } = await cardUp();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(posted).toEqual(['outside-the-frame:escape']);
    says('outside-the-frame:done:closed');
    await vi.advanceTimersByTimeAsync(RETIRE_MS);
    expect(muteCard()).toBeNull();
    expect(sent('posts/act')).toEqual([]);
  });
});

describe('posts: “this made me feel worse”', () => {
  it('after a context menu on a post, names that post’s author', async () => {
    loadFixture();
    await start();
    await idlePass();
    const image = posts()[2]?.querySelector('img');
    image?.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, composed: true }));
    await fakeBrowser.runtime.onMessage.trigger({ type: 'page/markWorse' }, {}, () => undefined);
    await vi.advanceTimersByTimeAsync(10);
    expect(sent('posts/markWorse')).toEqual([{ handle: 'lumen.linen' }]);
  });

  it('after a context menu on a hidden post’s placeholder, names no hidden post but the one most in view', async () => {
    loadFixture();
    await storeAccounts([{ site: 'instagram', handle: 'thepristinenest', hiddenAt: NOW - S }]);
    await start();
    await idlePass();
    playFolds('thepristinenest');
    const [maple, pristine] = posts();
    if (!maple || !pristine) throw new Error('fixture posts missing');
    vi.spyOn(maple, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 100, 500, 300));
    vi.spyOn(pristine, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 0, 500, 46));
    placeholderIn(pristine)?.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, composed: true }));
    await fakeBrowser.runtime.onMessage.trigger({ type: 'page/markWorse' }, {}, () => undefined);
    await vi.advanceTimersByTimeAsync(10);
    expect(sent('posts/markWorse')).toEqual([{ handle: 'maple.and.moss' }]);
  });

  it('without a context menu, names the author of the post most in view; shows the card it answers with', async () => {
    loadFixture();
    markWorseReply = {
      suggestion: { site: 'instagram', handle: 'maple.and.moss', trapPosts: 1, reason: 'marked' },
    };
    await start();
    await idlePass();
    const [maple, pristine] = posts();
    if (!maple || !pristine) throw new Error('fixture posts missing');
    vi.spyOn(maple, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, -500, 500, 600));
    vi.spyOn(pristine, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 100, 500, 600));
    await fakeBrowser.runtime.onMessage.trigger({ type: 'page/markWorse' }, {}, () => undefined);
    await vi.advanceTimersByTimeAsync(10);
    expect(sent('posts/markWorse')).toEqual([{ handle: 'thepristinenest' }]);
    expect(new URL(cardFrame('outside-the-frame-mute').frame?.src ?? 'about:blank').searchParams.get('handle')).toBe(
      'maple.and.moss',
    );
  });
});

describe('posts: detection', () => {
  it('on a feed page with no posts, tells the background once after the grace time of active use', async () => {
    document.body.innerHTML = '<main role="main"><div>Nothing to see</div></main>';
    await start();
    await idlePass();
    await scrollFor(DETECTION_GRACE_MS / S - 2);
    expect(sent('posts/detection')).toEqual([]);
    await scrollFor(3);
    expect(sent('posts/detection')).toEqual([{ working: false }]);
    await scrollFor(DETECTION_GRACE_MS / S);
    expect(sent('posts/detection')).toEqual([{ working: false }]);
  });

  it('when posts show up after all, says so and counts them', async () => {
    document.body.innerHTML = '<main role="main"></main>';
    await start();
    await idlePass();
    await scrollFor(DETECTION_GRACE_MS / S + 1);
    expect(sent('posts/detection')).toEqual([{ working: false }]);
    const caption = 'Spotless kitchen, every surface cleared before 7am #cleanhome';
    document.querySelector('main')?.append(article('glow.gwen', 'DBq7ggg', caption));
    await idlePass();
    expect(sent('posts/detection')).toEqual([{ working: false }, { working: true }]);
    await scrollUntilReport();
    expect(seenReports()).toEqual([[{ handle: 'glow.gwen', trapPosts: 1, themes: { 'spotless-home': 1 } }]]);
  });

  it('does not count time the page sits untouched', async () => {
    document.body.innerHTML = '<main role="main"></main>';
    await start();
    await idlePass();
    await vi.advanceTimersByTimeAsync(3 * DETECTION_GRACE_MS);
    expect(sent('posts/detection')).toEqual([]);
  });

  it('says nothing on a page that is not a feed', async () => {
    history.replaceState({}, '', '/direct/inbox/');
    document.body.innerHTML = '<main role="main"></main>';
    await start();
    await idlePass();
    await scrollFor(DETECTION_GRACE_MS / S + 5);
    expect(sent('posts/detection')).toEqual([]);
  });

  it('with posts, tells the background they are found, once', async () => {
    loadFixture();
    await start();
    await scrollFor(2);
    expect(sent('posts/detection')).toEqual([{ working: true }]);
    feed().append(article('juniper.rows', 'DBq9jjj', 'Tea.'));
    await idlePass();
    await scrollFor(DETECTION_GRACE_MS / S + 5);
    expect(sent('posts/detection')).toEqual([{ working: true }]);
  });
});

describe('posts: the comparison signal', () => {
  it('reaches the reminders’ request once enough posts were seen', async () => {
    const expected = loadFixture();
    const captions = [
      'Spotless kitchen, every surface cleared before 7am #cleanhome',
      'Toned abs in 30 days, body goals #fitspo',
      'A walk in the rain with the dog.',
      'Lentil soup and a nap. That was the whole plan.',
      'Crumbs everywhere and nobody minded.',
    ];
    captions.forEach((caption, index) => {
      feed().append(article(`friend.${index}`, `DBqS${index}x`, caption));
    });
    await fakeBrowser.storage.sync.set({ settings: structuredClone(DEFAULT_SETTINGS) });
    await fakeBrowser.storage.local.set({ nudgeFrequencyOverride: 'test' });
    const runner = await start([activityReporting, postFeature, reminders]);
    await idlePass();
    // On screen for a second (two looks once the page is in use): read.
    await scrollFor(SEEN_AFTER_MS / S + 2);
    const seen = [
      ...expected
        .filter((info): info is PostInfo => info !== null)
        .map((info) => (info.sponsored ? false : classify(info.text).trap)),
      ...captions.map((caption) => classify(caption).trap),
    ];
    expect(seen.length).toBeGreaterThanOrEqual(SIGNAL_MIN_POSTS);
    const share = seen.filter(Boolean).length / seen.length;
    expect(share).toBeGreaterThan(0);
    expect(runner.page.shared.comparisonSignal).toBe(share);
    await scrollFor(CHECK_EVERY_MS / S + 2);
    expect(sent('nudge/request')).toHaveLength(1);
    expect(sent('nudge/request')[0]?.comparisonSignal).toBe(share);
  });
});
