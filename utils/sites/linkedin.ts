/** LinkedIn's site adapter: its domain, which of its pages are feeds, and how to read its posts. */
import { absoluteUrl, handleFromHref, hasOwnLabel, outermost, ownAll, ownFirst, textOf } from './posts';
import type { PostAdapter, SiteAdapter } from './types';

// Only `/feed/` itself: `/feed/update/<urn>/` is a single post. Messaging, jobs, profiles
// (`/in/<slug>/`), notifications and My Network are not feeds.
const FEED_PATHS: readonly RegExp[] = [/^\/feed\/?$/];

// One post: 2026 `div[role="listitem"][componentkey]` in the main feed list; fallback: the
// legacy `.feed-shared-update-v2` card.
const POST = 'div[role="listitem"][componentkey],div.feed-shared-update-v2';
const TEXT = '[data-testid="expandable-text-box"]';

const posts: PostAdapter = {
  postSelector: POST,
  // 2026 `[data-testid="mainFeed"]`; fallback: the legacy infinite-scroll list.
  findFeed: (doc) =>
    doc.querySelector('[data-testid="mainFeed"]') ?? doc.querySelector('.scaffold-finite-scroll__content'),
  findPosts: (root) => outermost(root, POST),
  readPost(post, pageUrl) {
    // Author: the first `/in/<slug>` or `/company/<slug>` link of the header; the name is the
    // first such link with text.
    const links = ownAll(post, 'a[href*="/in/"], a[href*="/company/"]', POST);
    const handle = links
      .map((link) => handleFromHref(link.getAttribute('href'), /^\/(?:in|company)\/([^/]+)/))
      .find(Boolean);
    const name = links.map((link) => textOf(link.querySelector('p, span[dir="ltr"]') ?? link)).find(Boolean);
    // Text box; fallback: the legacy `.update-components-text`.
    const text = textOf(ownFirst(post, [TEXT, '.update-components-text'], POST), '.visually-hidden');
    if (!handle && !text) return null;
    const permalink = absoluteUrl(ownFirst(post, ['a[href*="/feed/update/"]'], POST)?.getAttribute('href'), pageUrl, [
      '',
    ]);
    return {
      author: handle ? { handle, ...(name ? { name } : {}) } : null,
      text,
      // "Promoted" where the time would be, visible text only (LinkedIn splits it around hidden
      // spans); the word inside the post's text is a decoy.
      sponsored: hasOwnLabel(post, 'p, span', POST, /^Promoted$/i, TEXT),
      ...(permalink ? { permalink } : {}),
    };
  },
  // Updates that link to the person's or company's page.
  hideSelector: (handle) =>
    `div[role="listitem"][componentkey]:has(a[href*="/in/${handle}/" i], a[href$="/in/${handle}" i], a[href*="/company/${handle}/" i]), div.feed-shared-update-v2:has(a[href*="/in/${handle}/" i], a[href*="/company/${handle}/" i])`,
};

export const linkedin: SiteAdapter = {
  id: 'linkedin',
  name: 'LinkedIn',
  domains: ['linkedin.com'],
  isFeed: (url) => FEED_PATHS.some((path) => path.test(url.pathname)),
  posts,
};
