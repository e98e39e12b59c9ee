/** Bluesky's site adapter: its domain and which of its pages are feeds. */
import type { SiteAdapter } from './types';

// Home and custom feeds (`/profile/<handle or did>/feed/<rkey>`). The `/feeds` directory,
// profiles, single posts, messages, settings and notifications are not feeds.
const FEED_PATHS: readonly RegExp[] = [/^\/$/, /^\/profile\/[\w.:%-]+\/feed\/[\w.~:-]+\/?$/];

export const bluesky: SiteAdapter = {
  id: 'bluesky',
  name: 'Bluesky',
  domains: ['bsky.app'],
  isFeed: (url) => FEED_PATHS.some((path) => path.test(url.pathname)),
};
