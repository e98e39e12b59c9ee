/** Instagram's site adapter: its domain, which of its pages are feeds, and how to read its posts. */
import { absoluteUrl, handleFromHref, hasOwnLabel, longestText, outermost, ownAll, ownFirst, textOf } from './posts';
import type { PostAdapter, SiteAdapter } from './types';

// `/reels/` becomes `/reels/<code>/` as she scrolls, so both are the Reels feed.
// Single posts (`/p/<code>/`, `/reel/<code>/`), profiles, `/direct/` and `/accounts/` are not feeds.
const FEED_PATHS: readonly RegExp[] = [/^\/$/, /^\/reels(\/[\w-]+)?\/?$/, /^\/explore\/?$/];

// One post: an `article` in the main column.
const POST = 'article';
// A profile is `/<user>/`; these first segments are app pages, not users.
const RESERVED = /^(explore|reels?|p|direct|stories|accounts|ads)$/;

const posts: PostAdapter = {
  postSelector: POST,
  findFeed: (doc) => doc.querySelector('main[role="main"]') ?? doc.querySelector('main'),
  findPosts: (root) => outermost(root, POST),
  readPost(post, pageUrl) {
    // Author: the first `/<user>/` link, the header's (the caption repeats it; mentions come later).
    const handle = ownAll(post, 'header a[href], a[href]', POST)
      .map((link) => handleFromHref(link.getAttribute('href'), /^\/([\w.]+)\/?$/))
      .find((value) => value && !RESERVED.test(value));
    // Caption: an `h1` (guessed); fallback: the longest `span[dir="auto"]` outside the header
    // (the caption with its hashtags, after the action and like sections).
    const caption = textOf(ownFirst(post, ['h1'], POST)) || longestText(post, 'span[dir="auto"]', POST, 'header');
    if (!handle && !caption) return null;
    // The timestamp link `/p/<code>/` or `/reel/<code>/` around <time>.
    const permalink = absoluteUrl(
      ownAll(post, 'a[href^="/p/"], a[href^="/reel/"]', POST)
        .sort((a, b) => Number(!!b.querySelector('time')) - Number(!!a.querySelector('time')))[0]
        ?.getAttribute('href'),
      pageUrl,
      [''],
    );
    return {
      author: handle ? { handle } : null,
      text: caption,
      // "Sponsored" (translated) stands in the header where the time would be; the caption's words don't count.
      sponsored: hasOwnLabel(post, 'header span, header a', POST, /^(Sponsored|Ad)$/i),
      ...(permalink ? { permalink } : {}),
    };
  },
  // Posts whose header links to the account (a mention in a caption is not in the header).
  hideSelector: (handle) => `article:has(header a[href$="/${handle}/" i], header a[href$="/${handle}" i])`,
};

export const instagram: SiteAdapter = {
  id: 'instagram',
  name: 'Instagram',
  domains: ['instagram.com'],
  isFeed: (url) => FEED_PATHS.some((path) => path.test(url.pathname)),
  posts,
};
