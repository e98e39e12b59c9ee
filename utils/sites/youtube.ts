/** YouTube's site adapter: its domain and which of its pages are feeds. */
import type { SiteAdapter } from './types';

// Shorts scroll from one `/shorts/<id>` to the next, so each is the Shorts feed.
// Watching a video (`/watch`), channels (`/@handle`), search, history and account pages are not feeds.
const FEED_PATHS: readonly RegExp[] = [
  /^\/$/,
  /^\/shorts(\/[\w-]+)?\/?$/,
  /^\/feed\/subscriptions\/?$/,
  /^\/feed\/trending\/?$/,
];

export const youtube: SiteAdapter = {
  id: 'youtube',
  name: 'YouTube',
  domains: ['youtube.com'],
  isFeed: (url) => FEED_PATHS.some((path) => path.test(url.pathname)),
};
