/** Pinterest's site adapter: its domain and which of its pages are feeds. */
import type { SiteAdapter } from './types';

// Single pins (`/pin/<id>/`), settings and boards/profiles (`/<user>/...`) are not feeds.
const FEED_PATHS: readonly RegExp[] = [/^\/$/, /^\/today\/?$/, /^\/ideas\/?$/];

export const pinterest: SiteAdapter = {
  id: 'pinterest',
  name: 'Pinterest',
  // Only pinterest.com on purpose: the country domains (pinterest.co.uk, .de, .fr, .com.au...)
  // would each need their own host permission; add them deliberately if ever wanted.
  domains: ['pinterest.com'],
  isFeed: (url) => FEED_PATHS.some((path) => path.test(url.pathname)),
};
