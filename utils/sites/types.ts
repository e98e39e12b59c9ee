/**
 * The shape of a built-in site adapter: data plus small pure functions.
 * Later issues add post-level hooks (posts, author, text, sponsored marker) here.
 */

/** Stable ids of the built-in sites; stored in the ledger and in exports, never renamed. */
export const BUILT_IN_SITE_IDS = [
  'instagram',
  'facebook',
  'tiktok',
  'pinterest',
  'x',
  'youtube',
  'reddit',
  'threads',
  'linkedin',
  'bluesky',
] as const;

export type BuiltInSiteId = (typeof BUILT_IN_SITE_IDS)[number];

export interface SiteAdapter {
  readonly id: BuiltInSiteId;
  /** Display name, as the site calls itself. */
  readonly name: string;
  /**
   * Registrable domains this site owns (e.g. `instagram.com`). A URL belongs to the site
   * when its host is one of these or a subdomain of one (`m.`, `web.`, `mobile.`...).
   */
  readonly domains: readonly string[];
  /** Whether this URL (already known to belong to the site) shows a feed. */
  isFeed(url: URL): boolean;
}
