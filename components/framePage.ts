/**
 * The frame side of a card drawn on a site (see `utils/frames.ts`): the page's title and
 * language from the messages, its card's height sent to the parent as it changes, Esc passed on
 * from the site's page handled as Esc pressed here, and `done` to say, once, what she chose —
 * through the background, so the site's page never hears it.
 */

import { FRAME_CLOSED, FRAME_ESCAPE, FRAME_TOKEN, heightNote } from '@/utils/frames';
import { type MessageKey, nameThisPage } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging/client';

export function framePage(title: MessageKey): { done(what: string): void } {
  nameThisPage(title);
  const tell = (note: string) => window.parent.postMessage(note, '*');
  new ResizeObserver(() => tell(heightNote(document.body.getBoundingClientRect().height))).observe(document.body);
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || event.data !== FRAME_ESCAPE) return;
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  });
  const token = new URLSearchParams(location.search).get(FRAME_TOKEN) ?? '';
  let finished = false;
  return {
    done(what) {
      if (finished) return;
      finished = true;
      // Not handed on (the background restarting, a frame without its token): the card still
      // goes, as closed, and her choice is not said where the site can hear it.
      const closeAnyway = () => tell(FRAME_CLOSED);
      if (!token) return closeAnyway();
      void sendMessage('frame/done', { frame: token, what }).then((reached) => {
        if (reached !== true) closeAnyway();
      });
    },
  };
}
