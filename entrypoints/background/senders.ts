/** Who a message came from, as the browser says: the tracked site of a tab's top frame, or nothing. */
import type { MessageSender } from '@/utils/messaging/router';
import { siteForUrl } from '@/utils/sites/registry';
import type { SiteAdapter } from '@/utils/sites/types';

/** The tracked site whose page (its top frame) sent the message; undefined for frames and other pages. */
export function topFrameSite(sender: MessageSender): SiteAdapter | undefined {
  return sender.url && sender.frameId === 0 ? siteForUrl(sender.url) : undefined;
}
