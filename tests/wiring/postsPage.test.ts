// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://www.instagram.com/" }
/**
 * The post features on a feed page, wired to WXT's fake browser with a stand-in background:
 * the Instagram fixture in the document, the real adapter and classifier, the runner's clock.
 * Each post she looked at (on screen for a second, as an IntersectionObserver the test drives
 * reports) is counted once, hidden accounts' posts are hidden (and shown on request), the
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
  HIDDEN_ATTR,
  HOLD_ATTR,
  HOLD_MAX_MS,
  holdPosts,
  PASS_DELAY_MS,
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
const placeholders = () => [...document.querySelectorAll('outside-the-frame-hidden')];
const feed = () => document.querySelector('main[role="main"] > div > div') as HTMLElement;
const posts = () => adapter.findPosts(document);
const byHandle = (a: { handle: string }, b: { handle: string }) => a.handle.localeCompare(b.handle);

beforeEach(() => {
  FakeIntersectionObserver.last = undefined;
  FakeIntersectionObserver.shown = () => true;
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
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

/** Closed shadow roots, caught as they are attached (the placeholders' roots are closed). */
function catchShadowRoots(): Map<Element, ShadowRoot> {
  const roots = new Map<Element, ShadowRoot>();
  const original = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = original.call(this, init);
    roots.set(this, root);
    return root;
  });
  return roots;
}

/**
 * An IntersectionObserver the test drives (happy-dom's never reports anything): as in a browser,
 * each target observed is reported at once, in view when `shown` says so; `fire` moves one.
 */
class FakeIntersectionObserver {
  static last: FakeIntersectionObserver | undefined;
  static shown: (target: Element) => boolean = () => true;
  readonly targets = new Set<Element>();
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeIntersectionObserver.last = this;
  }
  observe(target: Element) {
    if (this.targets.has(target)) return;
    this.targets.add(target);
    queueMicrotask(() => this.fire(target, FakeIntersectionObserver.shown(target)));
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  disconnect() {
    this.targets.clear();
  }
  takeRecords() {
    return [];
  }
  /** The browser says `target` came into view or left it. */
  fire(target: Element, isIntersecting: boolean) {
    if (!this.targets.has(target)) return;
    this.callback([{ target, isIntersecting } as IntersectionObserverEntry], this as unknown as IntersectionObserver);
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
    // Nothing new since: no second report.
    await scrollUntilReport();
    expect(seenReports()).toHaveLength(1);
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
  it('counts the seconds a trap post was in view, and none once it left the view', async () => {
    FakeIntersectionObserver.shown = () => false;
    const [, pristineInfo] = loadFixture();
    const themes = expectedSightings([pristineInfo ?? null])[0]?.themes;
    await start();
    await idlePass();
    const observer = FakeIntersectionObserver.last as FakeIntersectionObserver | undefined;
    const pristine = posts()[1] as Element;
    // Every post is watched until she has looked at it.
    expect([...(observer?.targets ?? [])]).toEqual(posts());
    observer?.fire(pristine, true);
    await scrollFor(5);
    observer?.fire(pristine, false);
    await scrollFor(POSTS_REPORT_EVERY_MS / S - 5);
    await vi.advanceTimersByTimeAsync(10);
    // Only the post on screen was read: the fixture's other trap posts never were.
    expect(rawReports()).toEqual([[{ handle: 'thepristinenest', trapPosts: 1, seconds: 5, themes }]]);
    // Read and not a trap: no longer watched; the trap post is, for its seconds.
    expect(observer?.targets.has(pristine)).toBe(true);
    // A new trap post from another account, on screen for two seconds: the next report has it alone.
    const caption = 'Spotless kitchen, every surface cleared before 7am #cleanhome';
    const glow = article('glow.gwen', 'DBq7ggg', caption);
    feed().append(glow);
    await idlePass();
    expect(observer?.targets.has(glow)).toBe(true);
    observer?.fire(glow, true);
    await scrollFor(2);
    observer?.fire(glow, false);
    await scrollUntilReport();
    expect(rawReports()).toHaveLength(2);
    expect(rawReports()[1]).toEqual([
      { handle: 'glow.gwen', trapPosts: 1, seconds: 2, themes: { 'spotless-home': 1 } },
    ]);
  });

  it('goes on timing a trap post on screen when its own children change (counted once)', async () => {
    FakeIntersectionObserver.shown = () => false;
    loadFixture();
    await start();
    await idlePass();
    const observer = FakeIntersectionObserver.last as FakeIntersectionObserver;
    const pristine = posts()[1] as Element;
    observer.fire(pristine, true);
    await scrollFor(3);
    // The site adds a child to the post (a "more" line, a lazy part) while it is on screen.
    pristine.append(document.createElement('div'));
    await idlePass();
    observer.fire(pristine, true);
    await scrollFor(4);
    observer.fire(pristine, false);
    await scrollUntilReport();
    const reports = rawReports().flat();
    expect(reports.map((sighting) => [sighting.handle, sighting.trapPosts])).toEqual([['thepristinenest', 1]]);
    expect(reports[0]?.seconds).toBeGreaterThanOrEqual(6);
  });

  it('never reads a post flung past in less than a second, and reads it once she stops on it', async () => {
    FakeIntersectionObserver.shown = () => false;
    const [, pristineInfo] = loadFixture();
    const want = expectedSightings([pristineInfo ?? null]);
    expect(want).toHaveLength(1);
    const readPost = vi.spyOn(adapter, 'readPost');
    await start();
    await idlePass();
    const observer = FakeIntersectionObserver.last as FakeIntersectionObserver;
    const pristine = posts()[1] as Element;
    observer.fire(pristine, true);
    await vi.advanceTimersByTimeAsync(SEEN_AFTER_MS / 2);
    observer.fire(pristine, false);
    await scrollUntilReport();
    expect(readPost).not.toHaveBeenCalled();
    expect(rawReports()).toEqual([]);
    // Back on screen, and it stays: read, once, and counted.
    observer.fire(pristine, true);
    await scrollUntilReport();
    expect(readPost.mock.calls.map(([post]) => post)).toEqual([pristine]);
    expect(seenReports()).toEqual([want]);
  });

  it('lets go of posts taken out of the page', async () => {
    loadFixture();
    FakeIntersectionObserver.shown = () => false;
    await start();
    await idlePass();
    const observer = FakeIntersectionObserver.last as FakeIntersectionObserver;
    const [first, second] = posts();
    expect(observer.targets.has(first as Element)).toBe(true);
    // Its row gone (a virtualised feed drops rows far from view).
    (first?.closest('main > div > div > *') ?? first)?.remove();
    await idlePass();
    expect(observer.targets.has(first as Element)).toBe(false);
    expect(observer.targets.has(second as Element)).toBe(true);
  });
});

describe('posts: what the observer listens to', () => {
  it('watches the elements holding the posts and each post’s own children, never a whole subtree', async () => {
    loadFixture();
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
    addTemplate(
      'recycled-trap',
      article('glow.gwen', 'DBq7ggg', 'Spotless kitchen, every surface cleared before 7am #cleanhome'),
    );
    await start();
    await idlePass();
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
    // A row recycled for another post: read again once she looks at it, and counted as that post.
    recycleInto(document, first as Element, 'recycled-trap');
    await idlePass();
    await scrollUntilReport();
    expect(seenReports()[0]?.find((sighting) => sighting.handle === 'glow.gwen')?.trapPosts).toBe(1);
  });
});

describe('posts: the feed replaced without navigation', () => {
  it('keeps reading the new feed: its hidden account’s posts get their placeholder, new posts count', async () => {
    loadFixture();
    await storeAccounts([{ site: 'instagram', handle: 'thepristinenest', hiddenAt: NOW - S }]);
    await start();
    await idlePass();
    expect(placeholders()).toHaveLength(1);
    // The placeholder's own insertion brings one more pass; then all is quiet.
    await idlePass();
    expect(vi.getTimerCount()).toBe(0);
    // The site mounts a fresh feed in place of the old one (same URL).
    const fresh = loadSiteFixture('instagram').doc.querySelector('main') as Element;
    document.querySelector('main')?.replaceWith(document.importNode(fresh, true));
    const caption = 'Spotless kitchen, every surface cleared before 7am #cleanhome';
    feed().append(article('glow.gwen', 'DBq7ggg', caption));
    await idlePass();
    await scrollFor(2);
    const pristine = posts()[1];
    expect(pristine?.hasAttribute(HIDDEN_ATTR)).toBe(true);
    expect(pristine?.previousElementSibling?.localName).toBe('outside-the-frame-hidden');
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

  it('writes the hiding rule for the handle at once, before any pass', async () => {
    loadFixture();
    await storeAccounts([{ site: 'instagram', handle: hiddenHandle, hiddenAt: NOW - S }]);
    await start();
    const styles = document.querySelectorAll('style[data-outside-the-frame]');
    expect(styles).toHaveLength(1);
    const css = styles[0]?.textContent ?? '';
    expect(css).toContain(adapter.hideSelector?.(hiddenHandle));
    expect(css).not.toContain('maple.and.moss');
    expect(css).toContain('display: none !important');
  });

  it('puts the page back as the site drew it when the extension stops', async () => {
    loadFixture();
    await storeAccounts([{ site: 'instagram', handle: hiddenHandle, hiddenAt: NOW - S }]);
    await start();
    await idlePass();
    expect(placeholders()).toHaveLength(1);
    ctx.abort();
    expect(document.querySelectorAll('style[data-outside-the-frame]')).toHaveLength(0);
    expect(placeholders()).toHaveLength(0);
    expect(document.querySelectorAll(`[${HIDDEN_ATTR}]`)).toHaveLength(0);
  });

  it('hides its posts with a placeholder before each, later ones too; Show reveals one; unhiding restores at once', async () => {
    const roots = catchShadowRoots();
    loadFixture();
    await storeAccounts([{ site: 'instagram', handle: hiddenHandle, hiddenAt: NOW - S }]);
    await start();
    await idlePass();
    const [maple, pristine, lumen] = posts();
    expect(pristine?.hasAttribute(HIDDEN_ATTR)).toBe(true);
    expect(pristine?.previousElementSibling?.localName).toBe('outside-the-frame-hidden');
    expect(maple?.hasAttribute(HIDDEN_ATTR)).toBe(false);
    expect(lumen?.hasAttribute(HIDDEN_ATTR)).toBe(false);
    expect(placeholders()).toHaveLength(1);

    // A later post by the same author (a mention of her elsewhere does not count).
    const later = article(hiddenHandle, 'DBq8hhh', 'Another morning, another reset.');
    feed().append(later);
    const mention = article('juniper.rows', 'DBq8iii', 'Coffee with @thepristinenest');
    feed().append(mention);
    await idlePass();
    expect(later.hasAttribute(HIDDEN_ATTR)).toBe(true);
    expect(later.previousElementSibling?.localName).toBe('outside-the-frame-hidden');
    expect(mention.hasAttribute(HIDDEN_ATTR)).toBe(false);
    expect(placeholders()).toHaveLength(2);

    // Show, on the first one's placeholder: that post alone comes back.
    const placeholder = pristine?.previousElementSibling as Element;
    const root = roots.get(placeholder);
    expect(root?.mode).toBe('closed');
    expect(root?.textContent).toContain(getMessage('hiddenByYou'));
    const show = root?.querySelector('button');
    expect(show?.textContent).toBe(getMessage('hiddenShow'));
    show?.click();
    expect(pristine?.hasAttribute(SHOWN_ATTR)).toBe(true);
    expect(placeholder.isConnected).toBe(false);
    expect(later.hasAttribute(SHOWN_ATTR)).toBe(false);
    expect(later.hasAttribute(HIDDEN_ATTR)).toBe(true);
    expect(placeholders()).toHaveLength(1);
    // A later pass (the site re-renders it) does not hide it again.
    pristine?.querySelector('section')?.append(document.createElement('span'));
    await idlePass();
    expect(placeholders()).toHaveLength(1);
    expect(pristine?.previousElementSibling?.localName).not.toBe('outside-the-frame-hidden');
    // Another account hidden meanwhile (every post read again): the one she showed stays shown.
    await storeAccounts([
      { site: 'instagram', handle: hiddenHandle, hiddenAt: NOW - S },
      { site: 'instagram', handle: 'maple.and.moss', hiddenAt: NOW },
    ]);
    await vi.advanceTimersByTimeAsync(0);
    expect(maple?.previousElementSibling?.localName).toBe('outside-the-frame-hidden');
    expect(pristine?.previousElementSibling?.localName).not.toBe('outside-the-frame-hidden');
    expect(placeholders()).toHaveLength(2);

    // Unhidden from the popup: attribute, placeholders and rule go at once (no pass needed).
    await storeAccounts([{ site: 'instagram', handle: hiddenHandle, markedAt: NOW }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(later.hasAttribute(HIDDEN_ATTR)).toBe(false);
    expect(pristine?.hasAttribute(HIDDEN_ATTR)).toBe(false);
    expect(maple?.hasAttribute(HIDDEN_ATTR)).toBe(false);
    expect(placeholders()).toEqual([]);
    expect(document.querySelector('style[data-outside-the-frame]')?.textContent).not.toContain(hiddenHandle);
  });

  it('hides an account hidden while the page is open, at once', async () => {
    loadFixture();
    await start();
    await idlePass();
    expect(placeholders()).toEqual([]);
    await storeAccounts([{ site: 'instagram', handle: 'maple.and.moss', hiddenAt: NOW }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(posts()[0]?.hasAttribute(HIDDEN_ATTR)).toBe(true);
    expect(posts()[0]?.previousElementSibling?.localName).toBe('outside-the-frame-hidden');
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
    await idlePass();
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
    // On screen for a second: read.
    await scrollFor(SEEN_AFTER_MS / S + 1);
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
