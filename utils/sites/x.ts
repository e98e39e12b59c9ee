/** X's (formerly Twitter) site adapter: its domains, which of its pages are feeds, and how to read its posts. */
import { absoluteUrl, handleFromHref, hasOwnLabel, outermost, ownAll, ownFirst, textOf } from './posts';
import type { PostAdapter, SiteAdapter } from './types';

// `/` is the logged-out landing page (signed in, it redirects to `/home`). Messages, chat,
// settings, notifications and single posts (`/<handle>/status/<id>`) are not feeds.
// Explore's tabs (`/explore/tabs/<tab>`) are the same page as `/explore`.
const FEED_PATHS: readonly RegExp[] = [/^\/home\/?$/, /^\/explore(\/tabs\/[\w-]+)?\/?$/, /^\/i\/lists\/\d+\/?$/];

// One post: `article[data-testid="tweet"]` inside a virtualised `[data-testid="cellInnerDiv"]` row.
const POST = 'article[data-testid="tweet"]';
// A quoted post is a `div[role="link"]` inside the outer article with its own User-Name and
// tweetText; nothing in it speaks for the outer post.
const NESTED = `div[role="link"],${POST}`;
// `/<handle>`: 1–15 word characters.
const HANDLE_PATH = /^\/(\w{1,15})\/?$/;

const posts: PostAdapter = {
  postSelector: POST,
  // The timeline region (`aria-label="Timeline: …"`, translated after the colon); else the centre column.
  findFeed: (doc) =>
    doc.querySelector('[aria-label^="Timeline"]') ?? doc.querySelector('[data-testid="primaryColumn"]'),
  findPosts: (root) => outermost(root, POST),
  readPost(post, pageUrl) {
    // Header block: display-name link, then the `@handle` link (tabindex -1), then the permalink's <time>.
    const names = ownFirst(post, ['[data-testid="User-Name"]'], NESTED);
    const links = names ? [...names.querySelectorAll('a[href]')] : [];
    const handle =
      links.map((link) => handleFromHref(link.getAttribute('href'), HANDLE_PATH)).find(Boolean) ??
      // Fallback: the avatar's container is `UserAvatar-Container-<handle>`.
      ownFirst(post, ['[data-testid^="UserAvatar-Container-"]'], NESTED)
        ?.getAttribute('data-testid')
        ?.slice('UserAvatar-Container-'.length);
    const name = links.map((link) => textOf(link)).find((text) => text && !text.startsWith('@'));
    // Post text; fallback: the `lang`-tagged block X puts every post's text in.
    const text = textOf(ownFirst(post, ['[data-testid="tweetText"]', 'div[lang]'], NESTED));
    if (!handle && !text) return null;
    // The permalink wraps the <time>; a post of the quoted account has its own, inside the quote.
    const permalink = ownAll(post, 'a[href*="/status/"]', NESTED).find((link) => link.querySelector('time'));
    const url = absoluteUrl(permalink?.getAttribute('href'), pageUrl, ['']);
    return {
      author: handle ? { handle, ...(name ? { name } : {}) } : null,
      text,
      // An ad shows "Ad" in the header where the <time> would be. `placementTracking` wraps
      // every video, so it is no marker on its own.
      sponsored: hasOwnLabel(post, '[data-testid="User-Name"] span', NESTED, /^(Ad|Promoted)$/i),
      ...(url ? { permalink: url } : {}),
    };
  },
  // Posts whose name block links to the account (a quoted post of it has one too, and is hidden with it).
  hideSelector: (handle) => `${POST}:has([data-testid="User-Name"] a[href$="/${handle}" i])`,
};

export const x: SiteAdapter = {
  id: 'x',
  name: 'X',
  domains: ['x.com', 'twitter.com'],
  isFeed: (url) => FEED_PATHS.some((path) => path.test(url.pathname)),
  posts,
};
