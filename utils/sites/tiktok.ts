/** TikTok's site adapter: its domain and which of its pages are feeds. */
import type { SiteAdapter } from './types';

// Profiles (`/@handle...`), messages and settings are not feeds.
const FEED_PATHS: readonly RegExp[] = [/^\/$/, /^\/foryou\/?$/, /^\/following\/?$/, /^\/explore\/?$/];

export const tiktok: SiteAdapter = {
  id: 'tiktok',
  name: 'TikTok',
  domains: ['tiktok.com'],
  isFeed: (url) => FEED_PATHS.some((path) => path.test(url.pathname)),
};
