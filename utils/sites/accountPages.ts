/**
 * Each site's page for one account (the link on a mute suggestion). Apart from the adapters so
 * the page's script doesn't carry it: the suggestion's own page (in its frame) uses it. Pure.
 */
import type { BuiltInSiteId } from './types';

const ACCOUNT_PAGES: Partial<Record<BuiltInSiteId, (handle: string) => string>> = {
  bluesky: (handle) => `https://bsky.app/profile/${handle}`,
  facebook: (handle) =>
    /^\d+$/.test(handle) ? `https://www.facebook.com/profile.php?id=${handle}` : `https://www.facebook.com/${handle}`,
  instagram: (handle) => `https://www.instagram.com/${handle}/`,
  pinterest: (handle) => `https://www.pinterest.com/${handle}/`,
  reddit: (handle) => `https://www.reddit.com/user/${handle}/`,
  threads: (handle) => `https://www.threads.com/@${handle}`,
  tiktok: (handle) => `https://www.tiktok.com/@${handle}`,
  x: (handle) => `https://x.com/${handle}`,
  youtube: (handle) => `https://www.youtube.com/@${handle}`,
};

/** The account's page on `site`, when the site has account pages we know. */
export function accountPage(site: string, handle: string): string | undefined {
  return ACCOUNT_PAGES[site as BuiltInSiteId]?.(encodeURIComponent(handle));
}
