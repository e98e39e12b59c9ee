/** Reddit's site adapter: its domain (new and old Reddit) and which of its pages are feeds. */
import type { SiteAdapter } from './types';

// Listings are feeds: the front page and its sorts, and a subreddit (including `popular`, `all`
// and `a+b` combinations) and its sorts. Comment pages, users, chat, settings and messages are not.
const FEED_PATHS: readonly RegExp[] = [
  /^\/$/,
  /^\/(best|hot|new|top|rising)\/?$/,
  /^\/r\/[\w+]+(\/(hot|new|top|rising))?\/?$/,
];

export const reddit: SiteAdapter = {
  id: 'reddit',
  name: 'Reddit',
  domains: ['reddit.com'],
  isFeed: (url) => FEED_PATHS.some((path) => path.test(url.pathname)),
};
