/** YouTube's site adapter: its domain, which of its pages are feeds, and how to read its posts. */
import { absoluteUrl, handleFromHref, isHidden, outermost, ownAll, ownFirst, textOf } from './posts';
import type { PostAdapter, SiteAdapter } from './types';

// Shorts scroll from one `/shorts/<id>` to the next, so each is the Shorts feed.
// Watching a video (`/watch`), channels (`/@handle`), search, history and account pages are not feeds.
const FEED_PATHS: readonly RegExp[] = [
  /^\/$/,
  /^\/shorts(\/[\w-]+)?\/?$/,
  /^\/feed\/subscriptions\/?$/,
  /^\/feed\/trending\/?$/,
];

// Home grid items and Shorts; a Shorts shelf holds its own items, so outermost only.
const POST = 'ytd-rich-item-renderer,ytd-reel-video-renderer';

const posts: PostAdapter = {
  postSelector: POST,
  grid: true,
  // The home grid; fallback: the Shorts player's list.
  findFeed: (doc) => doc.querySelector('ytd-rich-grid-renderer') ?? doc.querySelector('ytd-shorts'),
  findPosts: (root) => outermost(root, POST),
  readPost(post, pageUrl) {
    // Channel: `/@handle` link in the lockup metadata; fallbacks: the Shorts channel bar, any `/@` link.
    const link = ownFirst(
      post,
      ['yt-content-metadata-view-model a[href^="/@"]', 'yt-reel-channel-bar-view-model a[href^="/@"]', 'a[href^="/@"]'],
      null,
    );
    const handle = handleFromHref(link?.getAttribute('href'), /^\/@([\w.-]+)/);
    const name = textOf(link);
    // Title: the lockup's `h3`; Shorts `h2`; fallback: a title link with text.
    const text =
      textOf(ownFirst(post, ['h3', 'h2'], null)) ||
      ownAll(post, 'a[href^="/watch?v="]', null)
        .map((a) => textOf(a))
        .find(Boolean) ||
      '';
    if (!handle && !text) return null;
    // The watch or Shorts link, without tracking parameters.
    const permalink = absoluteUrl(
      ownFirst(post, ['a[href^="/watch?v="]', 'a[href^="/shorts/"]'], null)?.getAttribute('href'),
      pageUrl,
      ['pp', 'si', 't'],
    );
    return {
      author: handle ? { handle, ...(name ? { name } : {}) } : null,
      text,
      // An ad slot the item shows (a hidden, collapsed slot is not one); a title is only a title.
      sponsored: ownAll(post, 'ytd-ad-slot-renderer', null).some((slot) => !isHidden(slot, post)),
      ...(permalink ? { permalink } : {}),
    };
  },
  // Videos with a link to the channel.
  hideSelector: (handle) =>
    `ytd-rich-item-renderer:has(a[href$="/@${handle}" i]), ytd-reel-video-renderer:has(a[href$="/@${handle}" i])`,
};

export const youtube: SiteAdapter = {
  id: 'youtube',
  name: 'YouTube',
  domains: ['youtube.com'],
  isFeed: (url) => FEED_PATHS.some((path) => path.test(url.pathname)),
  posts,
};
