/**
 * The shape of a built-in site adapter: data plus small pure functions. The post-level part
 * (`posts`) reads the markup it is given and never touches the page at import time.
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

/** A site the extension watches: one of the built-in ones, or one she added (`userSites.ts`). */
export interface FeedSite {
  /** A built-in site's id, or `site:<domain>` for one she added. */
  readonly id: string;
  /** Display name, as the site calls itself (or as she named it). */
  readonly name: string;
  /**
   * Registrable domains this site owns (e.g. `instagram.com`). A URL belongs to the site
   * when its host is one of these or a subdomain of one (`m.`, `web.`, `mobile.`...).
   */
  readonly domains: readonly string[];
  /** Whether this URL (already known to belong to the site) shows a feed. */
  isFeed(url: URL): boolean;
  /** How to find and read posts on the site's feed pages (built-in sites only). */
  readonly posts?: PostAdapter;
}

export interface SiteAdapter extends FeedSite {
  readonly id: BuiltInSiteId;
}

/** The account behind a post, as the feed shows it. */
export interface PostAuthor {
  /** The account's handle or path id as the site uses it in links, without `@` (`maple.and.moss`). */
  handle: string;
  /** The display name, where the feed shows one apart from the handle. */
  name?: string;
}

/** What one post says, as plain data. */
export interface PostInfo {
  author: PostAuthor | null;
  /** Caption, title and hashtags as plain text with whitespace collapsed ('' when there is none). */
  text: string;
  /** A visible "Sponsored", "Ad" or "Promoted" marker of the post itself (not a decoy, not a nested post's). */
  sponsored: boolean;
  /** Absolute URL of the post itself, when the markup links to it. */
  permalink?: string;
}

/**
 * Finding posts on one site. Functions take the part of the page they read as an argument
 * (tested in happy-dom against fixtures shaped like the site's markup).
 */
export interface PostAdapter {
  /**
   * A CSS selector matching the site's post elements (perhaps more), for the rule that holds
   * posts out of sight for the first moments of a load, until her hidden accounts are known.
   */
  readonly postSelector: string;
  /** The element that holds the feed, so the observer can watch it alone; null when not found. */
  findFeed(doc: Document): Element | null;
  /** Each post element under `root`, outermost only (a post nested in a post is not listed twice). */
  findPosts(root: ParentNode): Element[];
  /** What one post element says; null when it is not a post after all (a placeholder or an empty recycled row). */
  readPost(post: Element, pageUrl: URL): PostInfo | null;
  /**
   * A CSS selector for the posts of one account (`handle` is plain: letters, digits, `._-`),
   * so a hidden account's posts are hidden by a style rule before they are ever drawn.
   */
  hideSelector?(handle: string): string;
  /** The feed is a grid of posts side by side (looked at across its width, not only down its middle). */
  readonly grid?: boolean;
  /**
   * Its posts draw themselves in a shadow root, where an element put inside them would not show:
   * a hidden account's placeholder goes after the post instead of inside it.
   */
  readonly placeholderAfter?: boolean;
}
