/** Who a message came from, as the browser says: the watched site of a tab's top frame, or nothing. */
import type { MessageSender } from '@/utils/messaging/router';
import { siteForUrl } from '@/utils/sites/registry';
import type { FeedSite, SiteAdapter } from '@/utils/sites/types';
import { type SiteSettings, watchedSiteForUrl } from '@/utils/sites/userSites';

/** The built-in site whose page (its top frame) sent the message; undefined for frames and other pages. */
export function topFrameSite(sender: MessageSender): SiteAdapter | undefined {
  return sender.url && sender.frameId === 0 ? siteForUrl(sender.url) : undefined;
}

/**
 * The watched site whose page (its top frame) sent the message: a built-in site she didn't
 * switch off, or a site she added. Undefined for frames, other pages and sites switched off.
 */
export function watchedTopFrameSite(sender: MessageSender, sites: SiteSettings): FeedSite | undefined {
  return sender.url && sender.frameId === 0 ? watchedSiteForUrl(sender.url, sites) : undefined;
}
