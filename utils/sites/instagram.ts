/** Instagram's site adapter: its domain and which of its pages are feeds. */
import type { SiteAdapter } from './types';

// `/reels/` becomes `/reels/<code>/` as she scrolls, so both are the Reels feed.
// Single posts (`/p/<code>/`, `/reel/<code>/`), profiles, `/direct/` and `/accounts/` are not feeds.
const FEED_PATHS: readonly RegExp[] = [/^\/$/, /^\/reels(\/[\w-]+)?\/?$/, /^\/explore\/?$/];

export const instagram: SiteAdapter = {
  id: 'instagram',
  name: 'Instagram',
  domains: ['instagram.com'],
  isFeed: (url) => FEED_PATHS.some((path) => path.test(url.pathname)),
};
