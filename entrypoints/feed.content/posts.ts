/**
 * Post features on a site's pages:
 * - hiding: a hidden account's posts fold away by a style rule from the first moment (the
 *   site's posts are held out of sight from document start until her stored decisions are read,
 *   a few milliseconds later, and the rule written), each followed by a one-line
 *   "Hidden by you · Show" placeholder; on every page of the site. The rule also starts a
 *   one-millisecond animation on each post it folds, so the browser itself says (with
 *   `animationstart`) which posts it folded, later ones and recycled rows too: this script never
 *   searches the page for them. Where the rule can't name an account (a site whose markup
 *   keeps authors out of reach of selectors, an unusual handle), posts are found with a
 *   MutationObserver and read here instead, and folded by an attribute;
 * - noticing, on feed pages: about once a second while she uses the page, just after a frame,
 *   the posts in view are found by asking the browser what is at a few points down the feed. A
 *   post in view at two looks a second apart is one she looked at: it is read once (again when
 *   its row is recycled for another post), its text classified on the device, and
 *   comparison-trap posts per account (and the seconds they were on screen) are reported with
 *   the page's regular reports; the background answers with a mute suggestion when an account
 *   crosses the line. While the view moves more than two screens between looks, nothing in it
 *   stayed a second, and no look is taken: posts flung past are never touched;
 * - "this made me feel worse" from the context menu or the keyboard shortcut, for the post
 *   under the pointer or the one most in view;
 * - health: when a feed page shows no posts the adapter can find for a while, post features
 *   pause on this page and the background is told (the popup then says so).
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
/** Once detection is paused, how often the page is checked for posts again. */
const DETECTION_RECHECK_MS = 5_000;
/** Changes are gathered this long before a pass looks at them (where posts are read to hide them). */
export const PASS_DELAY_MS = 250;
/** A post counts as seen, and is read, once it has been on screen this long (a viewable impression). */
export const SEEN_AFTER_MS = 1_000;
/** Looks come a second apart give or take a frame or two: a post in view at two of them was there a second. */
const LOOK_JITTER_MS = 100;
/** Looks further apart than this (she stopped using the page meanwhile) start afresh. */
const LOOK_GAP_MS = 2_500;
/** While the view moves more than this many screens between two looks, no look is taken. */
export const FLING_SCREENS = 2;
/** The points looked at down the feed: this far apart where no post is, at least this far past one. */
const LOOK_STEP_PX = 120;
const LOOK_MIN_STEP_PX = 40;
/** Columns looked at across a grid of posts (a site whose adapter says its feed is a grid). */
export const GRID_COLUMNS = 4;
/** An idle pass comes no later than this after that. */
const IDLE_TIMEOUT_MS = 1_000;
/** Attribute on a post this script folded (where the style rule can't name its account). */
export const HIDDEN_ATTR = 'data-otf-hidden';
/** Attribute on a post of a hidden account she chose to see anyway. */
export const SHOWN_ATTR = 'data-otf-shown';
export const PLACEHOLDER = 'outside-the-frame-hidden';
/** The animation the hiding rule starts on each post it folds; `-N` names the rule (0: folded by attribute). */
export const FOLD_ANIMATION = 'outside-the-frame-fold';
/** Events on a placeholder the post around it must not hear. */
const PLACEHOLDER_EVENTS = [
  'click',
  'auxclick',
  'dblclick',
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'touchstart',
  'touchend',
  'keydown',
  'keyup',
] as const;
/** Handles a style rule may name: anything else is hidden by reading the posts. */
const PLAIN_HANDLE = /^[\w.-]{1,100}$/;
/** `a:b;c:d` as a rule body with each declaration `!important` (the site's styles can't undo ours). */
const important = (declarations: string) => `{${declarations.replaceAll(';', '!important;')}!important}`;

/** The placeholder's line, margins included. */
const LINE_PX = 46;
/**
 * A folded post keeps its place in the page (an element the site's scripts may measure and
 * recycle) but draws nothing of its own (`display: none` would also stop the animation that
 * reports it). It is one line tall, holding its placeholder, and closed to the page's layout
 * (`contain: strict`), so putting the placeholder in it changes nothing around it: the feed is
 * not laid out again for it.
 */
const FOLD = 'display:block;min-height:0;margin:0;padding:0;border:0;overflow:hidden;visibility:hidden;';
const FOLD_TO_LINE = `${FOLD}height:${LINE_PX}px;max-height:none;contain:strict`;
/** Where the placeholder goes after the post (posts drawn in a shadow root), the post has no height. */
const FOLD_AWAY = `${FOLD}height:0;content-visibility:hidden`;

/**
 * The placeholder's look, in the page's style sheet with the hiding rule (it is drawn by the
 * thousand on a long feed: no shadow root and style sheet of its own for each), guarded against
 * the site's own styles.
 */
const PLACEHOLDER_CSS = [
  `${PLACEHOLDER}${important(
    `all:initial;display:none;box-sizing:border-box;height:${LINE_PX - 8}px;margin:4px 0;padding:8px 12px;` +
      'border:1px solid GrayText;border-radius:8px;font:14px/1.4 system-ui,sans-serif;color:inherit;' +
      'white-space:nowrap;overflow:hidden',
  )}`,
  `${PLACEHOLDER}>button${important('all:initial;font:inherit;color:LinkText;text-decoration:underline;cursor:pointer')}`,
  `${PLACEHOLDER}>button:focus-visible${important('outline:2px solid Highlight;outline-offset:2px')}`,
].join('\n');

/** The hiding rule for a site and her hidden handles there, and how to read what it reports. */
export interface HidingRules {
  /** The style sheet. */
  css: string;
  /** The account each fold animation names, by its number (none for 0: posts folded by attribute). */
  handles: (string | undefined)[];
  /** A post folded now. */
  folded: string;
  /** Whether some of her hidden accounts can't be named by the rule (their posts must be read). */
  needsReading: boolean;
}

export function hidingRules(adapter: PostAdapter, handles: readonly string[]): HidingRules {
  const parts: { selector: string; handle?: string }[] = [{ selector: `[${HIDDEN_ATTR}]` }];
  let needsReading = false;
  for (const handle of handles) {
    if (adapter.hideSelector && PLAIN_HANDLE.test(handle))
      parts.push({ selector: adapter.hideSelector(handle), handle });
    else needsReading = true;
  }
  const post = (selector: string) => `:is(${selector}):not([${SHOWN_ATTR}])`;
  const inside = !adapter.placeholderAfter;
  const css = [
    PLACEHOLDER_CSS,
    ...parts.flatMap(({ selector }, index) => [
      `@keyframes ${FOLD_ANIMATION}-${index}{to{outline-color:transparent}}`,
      `${post(selector)} ${important(`${inside ? FOLD_TO_LINE : FOLD_AWAY};animation:${FOLD_ANIMATION}-${index} 1ms`)}`,
      // A placeholder shows only in (or right after) a post folded now: never left over by a recycled row.
      `${post(selector)}${inside ? '>' : '+'}${PLACEHOLDER}${important('display:block')}`,
      ...(inside ? [`${post(selector)}>:not(${PLACEHOLDER})${important('display:none')}`] : []),
    ]),
  ].join('\n');
  return {
    css,
    handles: parts.map((part) => part.handle),
    folded: parts.map(({ selector }) => post(selector)).join(),
    needsReading,
  };
}

/** A post's identity for counting it once: its permalink, else its author and text. */
export function postKey(info: PostInfo): string {
  return info.permalink ?? `${info.author?.handle ?? ''}\n${info.text}`;
}

/** A placeholder naming `account` ("Hidden by you · Show"); its button is answered by `onShowClick`. */
function placeholderFor(doc: Document, account: string): HTMLElement {
  const element = doc.createElement(PLACEHOLDER);
  const show = doc.createElement('button');
  show.type = 'button';
  show.textContent = t('hiddenShow');
  show.setAttribute('aria-label', t('hiddenShowLabel', account));
  element.append(`${t('hiddenByYou')} · `, show);
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

/** A post in view at the last look: in view since, and its seconds on screen counted up to. */
interface InView {
  since: number;
  settled: number;
}

/** What a post's row holds, cheaply: its first and last child (a recycled row gets new ones). */
type Row = readonly [Element | null, Element | null];
const rowOf = (post: Element): Row => [post.firstElementChild, post.lastElementChild];

function startPosts(page: Page, adapter: PostAdapter, classifyPosts: ClassifyPosts) {
  const { doc, win } = page;
  const site = page.site;
  const tally = new SightingTally();
  /** What each post element showed when last read, and its row then (rows are recycled). */
  const lastRead = new WeakMap<Element, string>();
  const rows = new WeakMap<Element, Row>();
  /** Posts in view at the last look. */
  const inView = new Map<Element, InView>();
  let lastLookAt: number | undefined;
  let lastScrolled: number | undefined;
  /** Trap posts counted on this page, with their account: timed whenever they are in view. */
  const traps = new Map<Element, string>();
  /** The account of each trap post counted on this page, by its key (read again, it is timed on). */
  const trapKeys = new Map<string, string>();
  const card = frameCardHost(doc, 'outside-the-frame-mute', 'right');
  const waiting: Waiting[] = [];
  let classifying = false;
  let feed: Element | null = null;
  let lastReport = page.now();
  let activeOnFeedMs = 0;
  let lastTick = page.now();
  let lastDetectionCheck = Number.NEGATIVE_INFINITY;
  let detectionPaused = false;
  let foundAny = false;
  let detectionReported: boolean | undefined;
  let sending = false;
  let contextTarget: EventTarget | null = null;

  // ---- hiding ---------------------------------------------------------------------------
  /** Her hidden handles on this site, lower-cased. */
  let hidden = new Set<string>();
  let rules = hidingRules(adapter, []);
  /** How each placeholder names its account, by the fold animation's number. */
  let labels: (string | undefined)[] = [];
  /** Posts folded by attribute, with how their placeholder names the account. */
  const readHidden = new WeakMap<Element, string>();
  const placeholderAccount = new WeakMap<Element, string>();
  let style: HTMLStyleElement | undefined;

  function writeStyle(): void {
    const handles = hiddenHandles(page.inputs.accounts, site.id);
    hidden = new Set(handles.map((handle) => handle.toLowerCase()));
    rules = hidingRules(adapter, handles);
    const marks = page.inputs.accounts?.accounts ?? [];
    labels = rules.handles.map((handle) =>
      handle === undefined
        ? undefined
        : marks.find((mark) => mark.site === site.id && mark.handle === handle)?.name || `@${handle}`,
    );
    if (!style) {
      style = doc.createElement('style');
      style.setAttribute('data-outside-the-frame', '');
    }
    style.textContent = rules.css;
    if (!style.isConnected) (doc.head ?? doc.documentElement).append(style);
  }

  /** One placeholder made per account, copied for each of its posts (they come by the hundred). */
  const placeholderModels = new Map<string, HTMLElement>();

  /** Placeholders go in their folded post, or right after it where posts draw in a shadow root. */
  const inside = !adapter.placeholderAfter;
  /** `post`'s placeholders: in it (a recycled row may hold an earlier one), or the one after it. */
  const placeholdersOf = (post: Element): Element[] =>
    inside
      ? [...post.querySelectorAll(`:scope > ${PLACEHOLDER}`)]
      : post.nextElementSibling?.localName === PLACEHOLDER
        ? [post.nextElementSibling]
        : [];
  /** The post a placeholder stands for. */
  const postOf = (placeholder: Element) => (inside ? placeholder.parentElement : placeholder.previousElementSibling);

  /** The browser folded `post` (the rule matched it): its placeholder goes in it (or after it), naming the account. */
  function onFold(event: Event): void {
    const name = (event as AnimationEvent).animationName;
    if (!name?.startsWith(`${FOLD_ANIMATION}-`) || !(event.target instanceof Element)) return;
    const post = event.target;
    const index = Number(name.slice(FOLD_ANIMATION.length + 1));
    const account = index === 0 ? readHidden.get(post) : labels[index];
    if (!account) return;
    // One placeholder, naming this account: any other (left by a recycled row) goes.
    let kept = false;
    for (const earlier of placeholdersOf(post)) {
      if (!kept && placeholderAccount.get(earlier) === account) kept = true;
      else earlier.remove();
    }
    if (kept) return;
    let model = placeholderModels.get(account);
    if (!model) {
      model = placeholderFor(doc, account);
      placeholderModels.set(account, model);
    }
    const placeholder = model.cloneNode(true) as Element;
    placeholderAccount.set(placeholder, account);
    post[inside ? 'append' : 'after'](placeholder);
  }
  doc.addEventListener('animationstart', onFold, { capture: true, passive: true, signal: page.signal });

  /** "Show" on a placeholder: the post before it comes back, that one alone. */
  function onShowClick(event: Event): void {
    const target = event.target;
    const placeholder = target instanceof Element && target.localName === 'button' ? target.parentElement : null;
    if (placeholder?.localName !== PLACEHOLDER || !placeholderAccount.has(placeholder)) return;
    postOf(placeholder)?.setAttribute(SHOWN_ATTR, '');
    placeholder.remove();
  }
  doc.addEventListener('click', onShowClick, { capture: true, passive: true, signal: page.signal });

  /**
   * What she does on a placeholder stays with it: the post around it (a link, or the site's
   * handler that opens the post) never hears the press, the click or the keys. Heard on the
   * document before the page's own listeners; `onShowClick`, on the document too, still runs.
   */
  function keepToPlaceholder(event: Event): void {
    const target = event.target;
    if (target instanceof Element && target.closest(PLACEHOLDER)) event.stopPropagation();
  }
  for (const type of PLACEHOLDER_EVENTS) {
    doc.addEventListener(type, keepToPlaceholder, { capture: true, passive: true, signal: page.signal });
  }

  /** Placeholders whose post is no longer folded (unhidden, shown, recycled) are taken out. */
  function tidyPlaceholders(): void {
    for (const placeholder of doc.querySelectorAll(PLACEHOLDER)) {
      if (!postOf(placeholder)?.matches(rules.folded)) placeholder.remove();
    }
  }

  // ---- reading posts to hide them (only where the rule can't name an account) ---------------
  /** Posts found (true) and the elements holding them (false) that the observer watches. */
  let watched = new WeakMap<Element, boolean>();
  /** The feed (else the page); watched whole (`wide`) only until posts are found in it. */
  let root: Element = doc.documentElement;
  let wide = true;
  let listening = false;
  /** The short wait before a pass, then the idle callback that runs it. */
  let pass: number | undefined;
  let idlePass: number | undefined;

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

  /** A post found (new, or its row recycled): watched for its own changes, read, folded when hers to hide. */
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
    const account = hiddenAccount(adapter.readPost(post, currentUrl()));
    if (account) {
      readHidden.set(post, account);
      post.setAttribute(HIDDEN_ATTR, '');
    } else if (post.hasAttribute(HIDDEN_ATTR)) {
      readHidden.delete(post);
      post.removeAttribute(HIDDEN_ATTR);
    }
  }

  /**
   * What changed since the last pass: elements added outside any post found so far (new posts,
   * or new rows holding them), and posts found before whose own children changed (a recycled
   * row given another post). Text-only changes are not looked at.
   */
  const added = new Set<Element>();
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
    }
    if (added.size > 0 || changedPosts.size > 0) schedulePass();
  }
  const observer = new (win as Window & typeof globalThis).MutationObserver(onMutations);

  /** Listens to `root` while posts must be read (hidden tab: again when shown); its whole subtree only while it has no posts. */
  function listen(whole: boolean): void {
    observer.disconnect();
    watched = new WeakMap();
    wide = whole;
    listening = rules.needsReading && page.visible();
    if (listening) observer.observe(root, { childList: true, subtree: whole });
  }

  function runPass(): void {
    pass = undefined;
    idlePass = undefined;
    if (page.signal.aborted || !rules.needsReading) return;
    const found = adapter.findFeed(doc);
    // A feed found (or another one), or the one we watched taken out with none there now: the whole page.
    if (found ? found !== root : !root.isConnected) {
      root = found ?? doc.documentElement;
      everything = true;
    }
    let posts = everything
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
    if (everything || (wide && posts.length > 0)) {
      posts = adapter.findPosts(root);
      listen(posts.length === 0);
    }
    everything = false;
    added.clear();
    changedPosts.clear();
    for (const post of posts) if (post.isConnected) check(post);
  }

  /** One pass a moment after a burst of changes, when the page is idle (never on the scroll path). */
  function schedulePass(): void {
    if (pass !== undefined || !rules.needsReading) return;
    const idle = (win as Window & { requestIdleCallback?: typeof requestIdleCallback }).requestIdleCallback;
    pass = win.setTimeout(() => {
      if (typeof idle === 'function') idlePass = idle.call(win, runPass, { timeout: IDLE_TIMEOUT_MS });
      else runPass();
    }, PASS_DELAY_MS);
  }

  /** Her hidden accounts changed: the rule is written again, and posts read again where it can't name them. */
  function rehide(): void {
    const before = [...hidden].join();
    const reading = rules.needsReading;
    writeStyle();
    if ([...hidden].join() === before) return;
    if (rules.needsReading) {
      if (!reading) listen(true);
      for (const post of allPosts()) check(post);
    } else if (reading) {
      observer.disconnect();
      listening = false;
      for (const post of doc.querySelectorAll(`[${HIDDEN_ATTR}]`)) post.removeAttribute(HIDDEN_ATTR);
    }
    tidyPlaceholders();
  }

  // ---- noticing what she looks at -------------------------------------------------------
  /** The outermost post holding `element`, if any. */
  function postAt(element: Element | null): Element | null {
    // A placeholder stands in a folded post: that post is not seen.
    if (element?.closest(PLACEHOLDER)) return null;
    const selector = adapter.postSelector;
    let post = element?.closest(selector) ?? null;
    for (let outer = post?.parentElement?.closest(selector); outer; outer = outer.parentElement?.closest(selector)) {
      post = outer;
    }
    return post;
  }

  /** The posts in view: what the browser has at points down the feed (across it, for a grid). */
  function postsInView(): Set<Element> {
    if (!feed?.isConnected) feed = adapter.findFeed(doc);
    const box = feed?.getBoundingClientRect();
    const left = Math.max(0, box && box.width > 0 ? box.left : 0);
    const right = Math.min(win.innerWidth, box && box.width > 0 ? box.right : win.innerWidth);
    const columns = adapter.grid ? GRID_COLUMNS : 1;
    const found = new Set<Element>();
    for (let column = 0; column < columns; column++) {
      const x = left + ((right - left) * (column + 0.5)) / columns;
      for (let y = LOOK_MIN_STEP_PX / 2; y < win.innerHeight; ) {
        const post = postAt(doc.elementFromPoint(x, y));
        if (!post) {
          y += LOOK_STEP_PX;
          continue;
        }
        found.add(post);
        y = Math.max(y + LOOK_MIN_STEP_PX, post.getBoundingClientRect().bottom + 1);
      }
    }
    return found;
  }

  /** Adds the seconds a trap post was on screen, from when they were last counted until `until`. */
  function settle(post: Element, entry: InView, until: number): void {
    const handle = traps.get(post);
    if (handle && until > entry.settled) tally.addSeconds(handle, (until - entry.settled) / 1000);
    entry.settled = Math.max(entry.settled, until);
  }

  /** One look at the feed, just after a frame: what is in view, and for how long. */
  function look(): void {
    if (page.signal.aborted || !page.inFront() || !page.isFeedPage()) return;
    const now = page.now();
    const scrolled = page.scrolledPx();
    const moved = scrolled - (lastScrolled ?? scrolled);
    lastScrolled = scrolled;
    // She stopped using the page since the last look: nothing was timed meanwhile.
    if (lastLookAt === undefined || now - lastLookAt > LOOK_GAP_MS) inView.clear();
    lastLookAt = now;
    const found = moved > FLING_SCREENS * win.innerHeight ? new Set<Element>() : postsInView();
    if (found.size > 0) postsFound();
    for (const post of inView.keys()) if (!found.has(post)) inView.delete(post);
    for (const [post] of traps) if (!post.isConnected) traps.delete(post);
    for (const post of found) {
      let entry = inView.get(post);
      const row = rows.get(post);
      // Its row holds another post now (recycled): that one is read afresh once she has looked at it.
      if (row && (row[0] !== post.firstElementChild || row[1] !== post.lastElementChild)) {
        if (entry) settle(post, entry, now);
        lastRead.delete(post);
        rows.delete(post);
        traps.delete(post);
        entry = undefined;
      }
      if (!entry) inView.set(post, { since: now, settled: now });
      else if (traps.has(post)) settle(post, entry, now);
      else if (!lastRead.has(post) && now - entry.since >= SEEN_AFTER_MS - LOOK_JITTER_MS) read(post, entry);
    }
    void classifyWaiting();
  }

  /** Reads a post she has looked at, and counts it once. */
  function read(post: Element, entry: InView): void {
    const info = adapter.readPost(post, currentUrl());
    const key = info ? postKey(info) : '';
    lastRead.set(post, key);
    rows.set(post, rowOf(post));
    const handle = info?.author?.handle;
    const name = info?.author?.name;
    // A post of an account she hid (and chose to see anyway) is not one the feed pressed on her.
    const counting = info && !detectionPaused && !(handle && hidden.has(handle.toLowerCase()));
    const trapBefore = trapKeys.get(key);
    // A trap post counted before and read again (its row changed, or it came back): timed on.
    if (counting && trapBefore) {
      traps.set(post, trapBefore);
      entry.settled = entry.since;
    } else if (!info || !counting || tally.has(key)) return;
    // Marked accounts always count; an ad never does; other posts wait for the classifier.
    else if (handle !== undefined && isMarked(page.inputs.accounts, site.id, handle)) {
      note(post, key, handle, name, { trap: true, themes: ['marked'] });
    } else if (info.sponsored || !info.text) {
      note(post, key, handle, name, { trap: false, themes: [] });
    } else {
      waiting.push({ post, key, handle, name, text: info.text.slice(0, MAX_TEXT_LENGTH) });
      if (waiting.length > MAX_WAITING) waiting.splice(0, waiting.length - MAX_WAITING);
    }
  }

  /** Count a post she looked at, and time it on screen from when it came into view when it is a trap. */
  function note(post: Element, key: string, handle: string | undefined, name: string | undefined, verdict: Verdict) {
    const counted = tally.add({ key, handle, name, trap: verdict.trap, themes: verdict.themes });
    if (counted && verdict.trap && handle) {
      traps.set(post, handle);
      trapKeys.set(key, handle);
      const entry = inView.get(post);
      if (entry) entry.settled = entry.since;
    }
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
        }
      });
    } finally {
      classifying = false;
    }
    if (waiting.length > 0 && !page.signal.aborted) void classifyWaiting();
  }

  /** Posts are there after all (a slow feed): noticing resumes. */
  function postsFound(): void {
    foundAny = true;
    detectionPaused = false;
    reportDetection(true);
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
    const sightings = tally.take();
    lastReport = page.now();
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
    // A post she hid is not on screen: one showing its placeholder line is never named.
    const posts = allPosts().filter(
      (candidate) =>
        !placeholdersOf(candidate).some((placeholder) => win.getComputedStyle(placeholder).display !== 'none'),
    );
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
      if (changed.has('accounts')) rehide();
      if (changed.has('location')) {
        activeOnFeedMs = 0;
        inView.clear();
        everything = true;
        schedulePass();
      }
      if (changed.has('page')) {
        // Behind: nothing is on screen for her until the next look.
        if (!page.inFront()) {
          inView.clear();
          void report();
        }
        // A hidden tab gets no new posts worth reading: stop listening until it is shown again,
        // then look at everything once.
        if (!page.visible()) {
          observer.disconnect();
          listening = false;
        } else if (!listening && rules.needsReading) {
          everything = true;
          schedulePass();
        }
      }
    },
    tick(now: number) {
      const step = Math.min(Math.max(0, now - lastTick), 2_000);
      lastTick = now;
      // The site replaced the feed we watch (no mutation there reaches us): find the new one.
      if (listening && !root.isConnected) {
        everything = true;
        schedulePass();
      }
      if (page.isFeedPage()) page.afterFrame(look);
      void classifyWaiting();
      if (page.isFeedPage() && !foundAny && page.tracker.isActive) {
        // Until posts are found once, the page is searched for them (a look sees only the view).
        if (now - lastDetectionCheck >= (detectionPaused ? DETECTION_RECHECK_MS : 0)) {
          lastDetectionCheck = now;
          if (adapter.findPosts(adapter.findFeed(doc) ?? doc).length > 0) postsFound();
        }
        if (!foundAny && !detectionPaused) {
          activeOnFeedMs += step;
          if (activeOnFeedMs >= DETECTION_GRACE_MS) {
            detectionPaused = true;
            reportDetection(false);
          }
        }
      }
      if (now - lastReport >= POSTS_REPORT_EVERY_MS) void report();
    },
    stop() {
      observer.disconnect();
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
