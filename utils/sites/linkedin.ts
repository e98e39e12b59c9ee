/** LinkedIn's site adapter: its domain and which of its pages are feeds. */
import type { SiteAdapter } from './types';

// Only `/feed/` itself: `/feed/update/<urn>/` is a single post. Messaging, jobs, profiles
// (`/in/<slug>/`), notifications and My Network are not feeds.
const FEED_PATHS: readonly RegExp[] = [/^\/feed\/?$/];

export const linkedin: SiteAdapter = {
  id: 'linkedin',
  name: 'LinkedIn',
  domains: ['linkedin.com'],
  isFeed: (url) => FEED_PATHS.some((path) => path.test(url.pathname)),
};
