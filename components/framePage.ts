/**
 * The frame side of a card drawn on a site (see `utils/frames.ts`): the page's title and
 * language from the messages, its card's height sent to the parent as it changes, Esc passed on
 * from the site's page handled as Esc pressed here, and `done` to say, once, what she chose.
 */

import { doneNote, FRAME_ESCAPE, heightNote } from '@/utils/frames';
import { type MessageKey, nameThisPage } from '@/utils/i18n';

export function framePage(title: MessageKey): { done(what: string): void } {
  nameThisPage(title);
  const tell = (note: string) => window.parent.postMessage(note, '*');
  new ResizeObserver(() => tell(heightNote(document.body.getBoundingClientRect().height))).observe(document.body);
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || event.data !== FRAME_ESCAPE) return;
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  });
  let finished = false;
  return {
    done(what) {
      if (finished) return;
      finished = true;
      tell(doneNote(what));
    },
  };
}
