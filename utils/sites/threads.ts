/** Threads' site adapter: its domains (threads.com, legacy threads.net) which of its pages are feeds, and how to read its posts. */
import { absoluteUrl, handleFromHref, hasOwnLabel, longestText, outermost, ownAll, ownFirst } from './posts';
import type { PostAdapter, SiteAdapter } from './types';

// Search, profiles (`/@user`), single posts (`/@user/post/<id>`), activity and settings are not feeds.
const FEED_PATHS: readonly RegExp[] = [/^\/$/, /^\/for_you\/?$/, /^\/following\/?$/];

// One post: `div[data-pressable-container="true"]` (Threads has no `<article>`); a quoted post
// is a pressable container inside it.
const POST = 'div[data-pressable-container="true"]';

const posts: PostAdapter = {
  postSelector: POST,
  // The main column (guessed); fallback: the first post's list.
  findFeed: (doc) => doc.querySelector('[role="main"]') ?? doc.querySelector(POST)?.parentElement ?? null,
  findPosts: (root) => outermost(root, POST),
  readPost(post, pageUrl) {
    // Author: the first own `/@<user>` link (the header). No display name in the feed.
    const handle = ownAll(post, 'a[href^="/@"]', POST)
      .map((link) => handleFromHref(link.getAttribute('href'), /^\/@([\w.]+)\/?$/))
      .find(Boolean);
    // Text: no hook; the longest own `span[dir="auto"]` outside links (guessed).
    const text = longestText(post, 'span[dir="auto"]', POST, 'a');
    if (!handle && !text) return null;
    const permalink = absoluteUrl(ownFirst(post, ['a[href*="/post/"]'], POST)?.getAttribute('href'), pageUrl, ['']);
    return {
      author: handle ? { handle } : null,
      text,
      // "Sponsored" where the time would be (markup unverified): a whole visible span outside the text.
      sponsored: hasOwnLabel(post, 'span', POST, /^Sponsored$/i, '[dir="auto"]'),
      ...(permalink ? { permalink } : {}),
    };
  },
  // Posts that link to the account's profile.
  hideSelector: (handle) => `${POST}:has(a[href$="/@${handle}" i], a[href$="/@${handle}/" i])`,
};

export const threads: SiteAdapter = {
  id: 'threads',
  name: 'Threads',
  domains: ['threads.com', 'threads.net'],
  isFeed: (url) => FEED_PATHS.some((path) => path.test(url.pathname)),
  posts,
};
