/** X's (formerly Twitter) site adapter: its domains and which of its pages are feeds. */
import type { SiteAdapter } from './types';

// `/` is the logged-out landing page (signed in, it redirects to `/home`). Messages, chat,
// settings, notifications and single posts (`/<handle>/status/<id>`) are not feeds.
// Explore's tabs (`/explore/tabs/<tab>`) are the same page as `/explore`.
const FEED_PATHS: readonly RegExp[] = [/^\/home\/?$/, /^\/explore(\/tabs\/[\w-]+)?\/?$/, /^\/i\/lists\/\d+\/?$/];

export const x: SiteAdapter = {
  id: 'x',
  name: 'X',
  domains: ['x.com', 'twitter.com'],
  isFeed: (url) => FEED_PATHS.some((path) => path.test(url.pathname)),
};
