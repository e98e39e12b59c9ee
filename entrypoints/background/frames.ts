/**
 * A card's choice, handed on privately: the card's frame (an extension page on a site's page)
 * sends what she chose here, and it goes to the page's script in that tab's top frame, never
 * through the site's page (utils/frames.ts). Only the extension's own pages may send it.
 */
import type { browser } from 'wxt/browser';
import { frameDone } from '@/utils/frames';
import type { Handlers } from '@/utils/messaging/router';

export function createFrames(api: typeof browser) {
  const handlers: Pick<Handlers, 'frame/done'> = {
    'frame/done': async ({ frame, what }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined || !sender.url?.startsWith(api.runtime.getURL('/'))) return false;
      return api.tabs
        .sendMessage(tabId, frameDone(frame, what), { frameId: 0 })
        .then(() => true)
        .catch(() => false);
    },
  };
  return { handlers };
}
