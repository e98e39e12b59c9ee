/** Threads' site adapter: its domains (threads.com, legacy threads.net) and which of its pages are feeds. */
import type { SiteAdapter } from './types';

// Search, profiles (`/@user`), single posts (`/@user/post/<id>`), activity and settings are not feeds.
const FEED_PATHS: readonly RegExp[] = [/^\/$/, /^\/for_you\/?$/, /^\/following\/?$/];

export const threads: SiteAdapter = {
  id: 'threads',
  name: 'Threads',
  domains: ['threads.com', 'threads.net'],
  isFeed: (url) => FEED_PATHS.some((path) => path.test(url.pathname)),
};
