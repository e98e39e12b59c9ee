/**
 * Post features on a site's pages, with one post observer shared by all of them:
 * - hiding: a hidden account's posts are hidden by a style rule from the first moment (the
 *   site's posts are held out of sight from document start until the stored decisions are read,
 *   a few milliseconds later, and the rule written), and each gets a one-line
 *   "Hidden by you · Show" placeholder; on every page of the site;
 * - noticing, on feed pages: each post she looked at (on screen for a second) is read once
 *   (recycled rows are read again when their content changes), its text classified on the
 *   device, and comparison-trap posts per account (and the seconds they were on screen)
 *   reported with the page's regular reports; the background answers with a mute suggestion
 *   when an account crosses the line;
 * - "this made me feel worse" from the context menu or the keyboard shortcut, for the post
 *   under the pointer or the one most in view;
 * - health: when a feed page shows no posts the adapter can find for a while, post features
 *   pause on this page and the background is told (the popup then says so).
 * The work runs off the scroll path and away from what the site keeps changing: the observer
 * watches only the chain of elements that holds the posts, and each post's own children
 * (recycled rows), never a whole subtree where counters and timestamps tick; changes only
 * schedule an idle-time pass; a post is read once it has been on screen for a second (posts
 * flung past unseen are never read), and hidden accounts' posts are found by the style rule's
 * own selectors, without reading them.
 */
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging/client';
import { hiddenHandles, isMarked, type Suggestion } from '@/utils/mute/accounts';
import { MAX_TEXT_LENGTH, MAX_TEXTS_PER_REQUEST } from '@/utils/mute/limits';
import { SightingTally } from '@/utils/mute/tally';
import type { PostAdapter, PostInfo } from '@/utils/sites/types';
import { frameCardHost } from './frameCard';
import type { Page, PageFeature } from './runner';

/** How often what was seen is reported (with the activity reports' rhythm). */
export const POSTS_REPORT_EVERY_MS = 20_000;
/** Active time on a feed page without a single post found before detection counts as broken. */
export const DETECTION_GRACE_MS = 30_000;
/** Changes are gathered this long before a pass looks at them. */
export const PASS_DELAY_MS = 250;
/** A post counts as seen, and is read, once it has been on screen this long (a viewable impression). */
export const SEEN_AFTER_MS = 1_000;
/** An idle pass comes no later than this after that. */
const IDLE_TIMEOUT_MS = 1_000;
/** Attribute on a post hidden by her choice (the style rule hides it) and on one she chose to show. */
export const HIDDEN_ATTR = 'data-otf-hidden';
export const SHOWN_ATTR = 'data-otf-shown';
const PLACEHOLDER = 'outside-the-frame-hidden';
/** Handles a style rule may name: anything else is hidden by the observer alone. */
const PLAIN_HANDLE = /^[\w.-]{1,100}$/;

/** The style rules that hide `handles` on a site (and any post the observer marked). */
export function hidingCss(adapter: PostAdapter, handles: readonly string[]): string {
  const selectors = [`[${HIDDEN_ATTR}]:not([${SHOWN_ATTR}])`];
  if (adapter.hideSelector) {
    for (const handle of handles) {
      if (PLAIN_HANDLE.test(handle)) selectors.push(`${adapter.hideSelector(handle)}:not([${SHOWN_ATTR}])`);
    }
  }
  return `${selectors.join(',\n')} { display: none !important; }`;
}

/** A post's identity for counting it once: its permalink, else its author and text. */
export function postKey(info: PostInfo): string {
  return info.permalink ?? `${info.author?.handle ?? ''}\n${info.text}`;
}

function placeholderFor(doc: Document, account: string, onShow: () => void): HTMLElement {
  const element = doc.createElement(PLACEHOLDER);
  const root = element.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent =
    ':host{display:block;font:14px system-ui}' +
    'p{margin:0;padding:8px 12px;border:1px solid GrayText;border-radius:8px}' +
    'button{font:inherit;background:none;border:0;color:LinkText;text-decoration:underline}';
  const line = doc.createElement('p');
  line.append(doc.createTextNode(`${t('hiddenByYou')} ·`));
  const show = doc.createElement('button');
  show.type = 'button';
  show.textContent = t('hiddenShow');
  show.setAttribute('aria-label', t('hiddenShowLabel', account));
  show.addEventListener('click', onShow);
  line.append(show);
  root.append(style, line);
  return element;
}

/**
 * Her hidden accounts can only be read asynchronously, and a site may draw posts before that
 * answer comes (server-rendered feeds): until then, the site's posts are held out of sight
 * (taking their space, so nothing jumps). Released as soon as the hiding rule is written, and
 * after `HOLD_MAX_MS` whatever happens.
 */
export const HOLD_ATTR = 'data-outside-the-frame-hold';
export const HOLD_MAX_MS = 1_500;

export function holdPosts(doc: Document, selector: string): () => void {
  const hold = doc.createElement('style');
  hold.setAttribute(HOLD_ATTR, '');
  hold.textContent = `${selector} { visibility: hidden !important; }`;
  (doc.head ?? doc.documentElement).append(hold);
  const timer = setTimeout(() => hold.remove(), HOLD_MAX_MS);
  return () => {
    clearTimeout(timer);
    hold.remove();
  };
}

/** What the classifier says of one post's text. */
export interface Verdict {
  trap: boolean;
  themes: readonly string[];
}

/**
 * Classifies post texts: in the background, where the word lists live (compiled once per
 * worker, not on every page load, and not in the page's script). Undefined when it can't
 * answer now: the posts wait for the next try.
 */
export type ClassifyPosts = (texts: string[]) => Promise<readonly Verdict[] | undefined>;

/** Texts sent to be classified at once, at most (the protocol's bound). */
const CLASSIFY_BATCH = MAX_TEXTS_PER_REQUEST;
/** Posts waiting to be classified, at most (the oldest go first when the background is away). */
const MAX_WAITING = 300;

export function createPostFeature(classifyPosts: ClassifyPosts): PageFeature {
  let release: (() => void) | undefined;
  return {
    id: 'posts',
    runsOn: 'site',
    prepare(doc, site) {
      if (site.posts) release = holdPosts(doc, site.posts.postSelector);
      return release;
    },
    start(page) {
      const adapter = page.site.posts;
      if (!adapter) return undefined;
      // Released once her hidden accounts' rule is written (or, should starting fail, by its timer).
      const run = startPosts(page, adapter, classifyPosts);
      release?.();
      return run;
    },
  };
}

interface Waiting {
  post: Element;
  key: string;
  handle?: string;
  name?: string;
  text: string;
}

function startPosts(page: Page, adapter: PostAdapter, classifyPosts: ClassifyPosts) {
  const { doc, win } = page;
  const site = page.site;
  const tally = new SightingTally();
  /** What each post element showed when last read (rows are recycled). */
  const lastRead = new WeakMap<Element, string>();
  const placeholders = new WeakMap<Element, HTMLElement>();
  /**
   * Posts on screen now (watched until read, and trap posts while they are timed): since when
   * each counts (undefined while the page is behind).
   */
  const inView = new Map<Element, number | undefined>();
  /** Trap posts being timed, with their account. */
  const traps = new Map<Element, string>();
  /** The account of each trap post counted on this page, by its key (read again, it is timed on). */
  const trapKeys = new Map<string, string>();
  /** Posts found (true) and the elements holding them (false) that the observer watches. */
  let watched = new WeakMap<Element, boolean>();
  const card = frameCardHost(doc, 'outside-the-frame-mute', 'right');
  const waiting: Waiting[] = [];
  let classifying = false;
  /** Her hidden handles on this site, lower-cased (kept with the style rule, by `writeStyle`). */
  let hidden = new Set<string>();
  /** The rule's selector for all her hidden accounts ('' for none), undefined when it can't express them all. */
  let ruled: string | undefined;
  let style: HTMLStyleElement | undefined;
  /** The feed (else the page); watched whole (`wide`) only until posts are found in it. */
  let root: Element = doc.documentElement;
  let wide = true;
  let listening = false;
  /** The short wait before a pass, then the idle callback that runs it. */
  let pass: number | undefined;
  let idlePass: number | undefined;
  let lastReport = page.now();
  let activeOnFeedMs = 0;
  let lastTick = page.now();
  let detectionPaused = false;
  let foundAny = false;
  let detectionReported: boolean | undefined;
  let sending = false;
  let contextTarget: EventTarget | null = null;

  // ---- hiding ---------------------------------------------------------------------------
  function writeStyle(): void {
    const handles = hiddenHandles(page.inputs.accounts, site.id);
    hidden = new Set(handles.map((handle) => handle.toLowerCase()));
    ruled = handles.every((handle) => PLAIN_HANDLE.test(handle) && adapter.hideSelector)
      ? handles.map((handle) => adapter.hideSelector?.(handle)).join()
      : undefined;
    if (!style) {
      style = doc.createElement('style');
      style.setAttribute('data-outside-the-frame', '');
    }
    style.textContent = hidingCss(adapter, handles);
    if (!style.isConnected) (doc.head ?? doc.documentElement).append(style);
  }

  /** Hides `post` with a placeholder naming `account`, or shows it again (no account). */
  function setHidden(post: Element, account: string | undefined): void {
    const existing = placeholders.get(post);
    if (!account) {
      post.removeAttribute(HIDDEN_ATTR);
      existing?.remove();
      placeholders.delete(post);
      return;
    }
    if (post.hasAttribute(SHOWN_ATTR)) return;
    post.setAttribute(HIDDEN_ATTR, '');
    if (existing?.isConnected) return;
    const placeholder = placeholderFor(doc, account, () => {
      post.setAttribute(SHOWN_ATTR, '');
      placeholder.remove();
    });
    placeholders.set(post, placeholder);
    post.before(placeholder);
  }

  // ---- reading posts --------------------------------------------------------------------
  const visibility = new (win as Window & typeof globalThis).IntersectionObserver((entries) => {
    const now = page.now();
    for (const entry of entries) {
      if (!entry.isIntersecting) {
        if (inView.has(entry.target)) drop(entry.target, true);
      } else if (!inView.has(entry.target)) inView.set(entry.target, page.inFront() ? now : undefined);
    }
  });

  /** Adds the seconds a trap post counted until `now`; it counts on from `next` (none: it stops). */
  function settleSeconds(post: Element, now: number, next?: number): void {
    const since = inView.get(post);
    if (since === undefined) return;
    const handle = traps.get(post);
    if (handle) tally.addSeconds(handle, (now - since) / 1000);
    inView.set(post, next);
  }

  /** Nothing kept for `post` (read and done with, recycled, or gone); `watching`: it stays observed. */
  function drop(post: Element, watching?: boolean): void {
    settleSeconds(post, page.now());
    inView.delete(post);
    if (watching) return;
    traps.delete(post);
    visibility.unobserve(post);
  }

  /** The page went behind or came back: time on screen counts only while it is in front. */
  function onPageState(now: number): void {
    for (const [post, since] of inView) {
      if (!page.inFront()) settleSeconds(post, now);
      else inView.set(post, since ?? now);
    }
  }

  /** The page's address, parsed again only when it changed (not once per post). */
  let pageUrl = new URL(win.location.href);
  function currentUrl(): URL {
    if (pageUrl.href !== win.location.href) pageUrl = new URL(win.location.href);
    return pageUrl;
  }
  /** Every post on the page now (in the feed when the site has one). */
  const allPosts = () => adapter.findPosts(adapter.findFeed(doc) ?? doc);

  /** The account of `info` when she hid it: how a placeholder names it. */
  function hiddenAccount(info: PostInfo | null): string | undefined {
    const handle = info?.author?.handle;
    return handle && hidden.has(handle.toLowerCase()) ? info?.author?.name || `@${handle}` : undefined;
  }

  /**
   * A post found (new, recycled, or seen again): watched for its own changes, hidden when it is
   * her hidden account's (read at once when the rule's selectors match it, or where they can't
   * tell), else watched on screen until she has looked at it.
   */
  function check(post: Element): void {
    watched.set(post, true);
    if (listening && !wide) {
      observer.observe(post, { childList: true });
      for (let holder = post.parentElement; holder && holder !== root && !watched.has(holder); ) {
        watched.set(holder, false);
        observer.observe(holder, { childList: true });
        holder = holder.parentElement;
      }
    }
    setHidden(
      post,
      ruled !== '' && (ruled === undefined || post.matches(ruled))
        ? hiddenAccount(adapter.readPost(post, currentUrl()))
        : undefined,
    );
    if (post.hasAttribute(HIDDEN_ATTR)) drop(post);
    else if (!lastRead.has(post)) visibility.observe(post);
  }

  /** Reads a post she has looked at, and counts it once. */
  function read(post: Element): void {
    const info = adapter.readPost(post, currentUrl());
    const key = info ? postKey(info) : '';
    lastRead.set(post, key);
    setHidden(post, hiddenAccount(info));
    const handle = info?.author?.handle;
    const name = info?.author?.name;
    const counting = info && page.isFeedPage() && !detectionPaused && !post.hasAttribute(HIDDEN_ATTR);
    const trapBefore = trapKeys.get(key);
    // A trap post counted before and read again (its row changed, or it came back): timed on.
    if (counting && trapBefore) traps.set(post, trapBefore);
    // A post she hid is not one she saw.
    else if (!info || !counting || tally.has(key)) drop(post);
    // Marked accounts always count; an ad never does; other posts wait for the classifier.
    else if (handle !== undefined && isMarked(page.inputs.accounts, site.id, handle)) {
      note(post, key, handle, name, { trap: true, themes: ['marked'] });
    } else if (info.sponsored || !info.text) {
      note(post, key, handle, name, { trap: false, themes: [] });
    } else {
      waiting.push({ post, key, handle, name, text: info.text.slice(0, MAX_TEXT_LENGTH) });
      if (waiting.length > MAX_WAITING)
        for (const entry of waiting.splice(0, waiting.length - MAX_WAITING)) drop(entry.post);
    }
  }

  /** Count a post she looked at, and go on timing it on screen when it is a trap. */
  function note(post: Element, key: string, handle: string | undefined, name: string | undefined, verdict: Verdict) {
    const counted = tally.add({ key, handle, name, trap: verdict.trap, themes: verdict.themes });
    if (counted && verdict.trap && handle) {
      traps.set(post, handle);
      trapKeys.set(key, handle);
    } else drop(post);
    page.shared.comparisonSignal = tally.signal();
  }

  async function classifyWaiting(): Promise<void> {
    if (classifying || waiting.length === 0 || page.extensionGone()) return;
    classifying = true;
    const batch = waiting.splice(0, CLASSIFY_BATCH);
    try {
      const verdicts = await classifyPosts(batch.map((entry) => entry.text));
      if (!verdicts || verdicts.length !== batch.length) {
        waiting.unshift(...batch);
        return;
      }
      batch.forEach((entry, index) => {
        // Still the same post in that row (rows are recycled meanwhile).
        if (entry.post.isConnected && lastRead.get(entry.post) === entry.key) {
          note(entry.post, entry.key, entry.handle, entry.name, verdicts[index] as Verdict);
        } else drop(entry.post);
      });
    } finally {
      classifying = false;
    }
    if (waiting.length > 0 && !page.signal.aborted) void classifyWaiting();
  }

  /**
   * What changed since the last pass: elements added outside any post found so far (new posts,
   * or new rows holding them), and posts found before whose own children changed (a recycled
   * row given another post), and elements taken out. Text-only changes are not looked at.
   */
  const added = new Set<Element>();
  const removed = new Set<Element>();
  const changedPosts = new Set<Element>();
  let everything = true;

  /** The post found before that holds `node` (a change record's target), if any. */
  function knownPostOf(node: Node): Element | undefined {
    for (let element = node instanceof Element ? node : null; element; element = element.parentElement) {
      if (watched.get(element)) return element;
    }
    return undefined;
  }

  function onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      const owner = knownPostOf(record.target);
      for (const node of record.addedNodes) {
        if (!(node instanceof Element) || node.localName.startsWith('outside-the-frame')) continue;
        // A post's own children changed (a recycled row); deeper changes inside a post (a part
        // watched whole before its posts came) are the post's own business.
        if (!owner) added.add(node);
        else if (owner === record.target) changedPosts.add(owner);
      }
      for (const node of record.removedNodes) if (node instanceof Element) removed.add(node);
    }
    if (added.size > 0 || changedPosts.size > 0 || removed.size > 0) schedulePass();
  }
  const observer = new (win as Window & typeof globalThis).MutationObserver(onMutations);

  /** Listens to `root` (hidden: again when shown, see `update`); its whole subtree only while it has no posts. */
  function listen(whole: boolean): void {
    observer.disconnect();
    watched = new WeakMap();
    wide = whole;
    listening = page.visible();
    if (listening) observer.observe(root, { childList: true, subtree: whole });
  }

  function runPass(): void {
    pass = undefined;
    idlePass = undefined;
    if (page.signal.aborted) return;
    const feed = adapter.findFeed(doc);
    // A feed found (or another one), or the one we watched taken out with none there now: the whole page.
    if (feed ? feed !== root : !root.isConnected) {
      root = feed ?? doc.documentElement;
      everything = true;
    }
    // Posts taken out and not put back: no longer watched (a row put back is found again).
    for (const node of removed) if (!node.isConnected) for (const post of adapter.findPosts(node)) drop(post);
    removed.clear();
    for (const post of changedPosts) {
      lastRead.delete(post);
      drop(post);
    }
    let found = everything
      ? []
      : [
          ...[...added].flatMap((node) => {
            if (!node.isConnected) return [];
            const inside = adapter.findPosts(node);
            // Something new with no posts yet (a section, a row to be filled): watched whole.
            if (inside.length === 0 && listening && !wide) observer.observe(node, { childList: true, subtree: true });
            return inside;
          }),
          ...changedPosts,
        ];
    if (everything || (wide && found.length > 0)) {
      found = adapter.findPosts(root);
      listen(found.length === 0);
    }
    everything = false;
    added.clear();
    changedPosts.clear();
    // Posts after all (a slow feed): noticing resumes.
    if (found.length > 0 && page.isFeedPage()) {
      foundAny = true;
      detectionPaused = false;
      reportDetection(true);
    }
    for (const post of found) if (post.isConnected) check(post);
  }

  /** One pass a moment after a burst of changes, when the page is idle (never on the scroll path). */
  function schedulePass(): void {
    if (pass !== undefined) return;
    const idle = (win as Window & { requestIdleCallback?: typeof requestIdleCallback }).requestIdleCallback;
    pass = win.setTimeout(() => {
      if (typeof idle === 'function') idlePass = idle.call(win, runPass, { timeout: IDLE_TIMEOUT_MS });
      else runPass();
    }, PASS_DELAY_MS);
  }

  // ---- reporting ------------------------------------------------------------------------
  function reportDetection(working: boolean): void {
    if (detectionReported === working) return;
    detectionReported = working;
    void sendMessage('posts/detection', { working });
  }

  async function report(): Promise<void> {
    if (sending || !tally.hasPending || page.extensionGone()) return;
    sending = true;
    const now = page.now();
    // Posts on screen now go on counting from here.
    for (const post of traps.keys()) settleSeconds(post, now, now);
    const sightings = tally.take();
    lastReport = now;
    try {
      const reply = await sendMessage('posts/seen', { sightings });
      if (!reply) tally.restore(sightings);
      else if (reply.suggestion) suggest(reply.suggestion);
    } finally {
      sending = false;
    }
  }

  // ---- the suggestion card (an extension page in a frame: `frameCard.ts`) -------------------
  function suggest(suggestion: Suggestion): void {
    if (card.showing || page.signal.aborted || page.shared.boundaryShown) return;
    const { handle, name, theme } = suggestion;
    card.show({
      path: `/mute.html?${new URLSearchParams({ site: site.id, handle, ...(name ? { name } : {}), ...(theme ? { theme } : {}) })}`,
      title: 'muteFrameTitle',
      onDone: (choice) => {
        if (choice === 'reflect') void sendMessage('posts/reflect', {});
        else if (choice !== 'closed') {
          void sendMessage('posts/act', { handle, name, action: choice as 'hide' | 'not-now' | 'silence' });
        }
      },
    });
  }

  /** "This made me feel worse": the post under the pointer (context menu), else the one most in view. */
  async function markWorse(): Promise<void> {
    const posts = allPosts();
    let post = posts.find((candidate) => contextTarget instanceof Node && candidate.contains(contextTarget));
    if (!post) {
      let best = 0;
      const height = win.innerHeight;
      for (const candidate of posts) {
        const box = candidate.getBoundingClientRect();
        const shown = Math.min(box.bottom, height) - Math.max(box.top, 0);
        if (shown > best) {
          best = shown;
          post = candidate;
        }
      }
    }
    const author = post ? adapter.readPost(post, currentUrl())?.author : undefined;
    if (!author) return;
    const reply = await sendMessage('posts/markWorse', { handle: author.handle, name: author.name });
    if (reply?.suggestion) suggest(reply.suggestion);
  }

  const onContextMenu = (event: Event) => {
    contextTarget = event.composedPath()[0] ?? event.target;
  };
  doc.addEventListener('contextmenu', onContextMenu, { capture: true, passive: true, signal: page.signal });
  const onBackground = (message: unknown) => {
    if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'page/markWorse') {
      void markWorse();
    }
  };
  browser.runtime.onMessage.addListener(onBackground);

  writeStyle();
  listen(true);
  schedulePass();

  return {
    update(changed: ReadonlySet<string>) {
      if (changed.has('accounts')) {
        const before = [...hidden].join();
        writeStyle();
        // Her hidden accounts changed (not only a mark or a suggestion noted): read every post
        // again, so hidden ones collapse and unhidden ones come back at once.
        if ([...hidden].join() !== before) for (const post of allPosts()) check(post);
      }
      if (changed.has('location')) {
        activeOnFeedMs = 0;
        everything = true;
        schedulePass();
      }
      if (changed.has('page')) {
        onPageState(page.now());
        if (!page.inFront()) void report();
        // A hidden tab gets no new posts worth reading: stop listening until it is shown again,
        // then look at everything once.
        if (!page.visible()) {
          observer.disconnect();
          listening = false;
        } else if (!listening) {
          everything = true;
          schedulePass();
        }
      }
    },
    tick(now: number) {
      const step = Math.min(Math.max(0, now - lastTick), 2_000);
      lastTick = now;
      // The site replaced the feed we watch (no mutation there reaches us): find the new one.
      if (!root.isConnected) {
        everything = true;
        schedulePass();
        // Trap posts that went with it (out of view then, so not let go below).
        for (const post of traps.keys()) if (!post.isConnected) drop(post);
      }
      // Posts she has looked at long enough are read; posts taken out with the page's own code are let go.
      for (const [post, since] of inView) {
        if (!post.isConnected) drop(post);
        else if (since !== undefined && now - since >= SEEN_AFTER_MS && !lastRead.has(post)) read(post);
      }
      void classifyWaiting();
      if (page.isFeedPage() && !foundAny && !detectionPaused && page.tracker.isActive) {
        activeOnFeedMs += step;
        if (activeOnFeedMs >= DETECTION_GRACE_MS) {
          detectionPaused = true;
          reportDetection(false);
        }
      }
      if (now - lastReport >= POSTS_REPORT_EVERY_MS) void report();
    },
    stop() {
      observer.disconnect();
      visibility.disconnect();
      win.clearTimeout(pass);
      if (idlePass !== undefined) {
        (win as Window & { cancelIdleCallback?: (id: number) => void }).cancelIdleCallback?.(idlePass);
      }
      browser.runtime.onMessage.removeListener(onBackground);
      card.close();
      void report();
      // Stopped (the extension was updated or removed): the page goes back to how the site drew it.
      style?.remove();
      for (const post of doc.querySelectorAll(`[${HIDDEN_ATTR}], [${SHOWN_ATTR}]`)) {
        post.removeAttribute(HIDDEN_ATTR);
        post.removeAttribute(SHOWN_ATTR);
      }
      for (const placeholder of doc.querySelectorAll(PLACEHOLDER)) placeholder.remove();
    },
  };
}

export const postFeatures = createPostFeature(
  async (texts) => (await sendMessage('posts/classify', { texts }))?.verdicts,
);
