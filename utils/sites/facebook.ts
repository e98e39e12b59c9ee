/** Facebook's site adapter: its domain and which of its pages are feeds. */
import type { SiteAdapter } from './types';

// The Reels viewer starts at `/reel/` and moves to `/reel/<id>/` as she scrolls, so both count.
// Messages, Marketplace, settings and profiles are not feeds.
const FEED_PATHS: readonly RegExp[] = [
  /^\/$/,
  /^\/home\.php$/,
  /^\/groups\/feed\/?$/,
  /^\/reel(\/\d+)?\/?$/,
  /^\/watch\/?$/,
];

export const facebook: SiteAdapter = {
  id: 'facebook',
  name: 'Facebook',
  domains: ['facebook.com'],
  isFeed: (url) => FEED_PATHS.some((path) => path.test(url.pathname)),
};
