/** Bluesky's site adapter: its domain, which of its pages are feeds, and how to read its posts. */
import { absoluteUrl, handleFromHref, outermost, ownAll, textOf } from './posts';
import type { PostAdapter, SiteAdapter } from './types';

// Home and custom feeds (`/profile/<handle or did>/feed/<rkey>`). The `/feeds` directory,
// profiles, single posts, messages, settings and notifications are not feeds.
const FEED_PATHS: readonly RegExp[] = [/^\/$/, /^\/profile\/[\w.:%-]+\/feed\/[\w.~:-]+\/?$/];

// One feed item: `div[data-testid="feedItem-by-<handle>"]` (Bluesky's own test ids).
const POST = 'div[data-testid^="feedItem-by-"]';
const PREFIX = 'feedItem-by-';

const posts: PostAdapter = {
  postSelector: POST,
  // The feed's list (`<feed>-flatlist` test id, guessed); fallback: the main landmark.
  findFeed: (doc) => doc.querySelector('[data-testid$="-flatlist"]') ?? doc.querySelector('main'),
  findPosts: (root) => outermost(root, POST),
  readPost(post, pageUrl) {
    // The permalink `/profile/<handle>/post/<rkey>` names the author too; a repost's
    // "Reposted by" link comes first and is not the author.
    const own = ownAll(post, 'a[href*="/post/"]', POST)[0]?.getAttribute('href');
    const handle =
      post.getAttribute('data-testid')?.slice(PREFIX.length) || handleFromHref(own, /^\/profile\/([^/]+)\/post\//);
    const text = textOf(ownAll(post, '[data-testid="postText"]', POST)[0]);
    if (!handle && !text) return null;
    // Display name: the author's profile link text that is not the `@handle`.
    const name = ownAll(post, `a[href="/profile/${handle}"] span`, POST)
      .map((span) => textOf(span))
      .find((value) => value && !value.startsWith('@'));
    const permalink = absoluteUrl(own, pageUrl, ['']);
    return {
      author: handle ? { handle, ...(name ? { name } : {}) } : null,
      text,
      // Bluesky shows no ads.
      sponsored: false,
      ...(permalink ? { permalink } : {}),
    };
  },
  // Feed items Bluesky labels with the account's handle.
  hideSelector: (handle) => `div[data-testid="feedItem-by-${handle}" i]`,
};

export const bluesky: SiteAdapter = {
  id: 'bluesky',
  name: 'Bluesky',
  domains: ['bsky.app'],
  isFeed: (url) => FEED_PATHS.some((path) => path.test(url.pathname)),
  posts,
};
