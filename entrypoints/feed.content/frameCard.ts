/**
 * A card on the site's page — a reminder, the check-in, a mute suggestion — is an extension page
 * in a small frame in a bottom corner (`utils/frames.ts`): its words and styles stay out of this
 * script, and what she answers out of the site's reach. The frame never takes focus; it grows
 * to its card's height; Esc on the site's page, unless she is typing there, is passed on to it;
 * `onDone` hears once what she chose — handed on by the background for this showing's token,
 * never through the site's page — and the card goes (as closed, when the frame never loads).
 * Only window messages from our own origin count.
 */
import { browser } from 'wxt/browser';
import framesCss from '@/components/frames.css?inline';
import { element } from '@/components/pageDom';
import { isEditable } from '@/components/typing';
import { FRAME_ESCAPE, FRAME_TOKEN, readFrameDone, readFrameNote } from '@/utils/frames';
import type { MessageKey } from '@/utils/i18n';
import { OverlayHost } from './overlayHost';

export interface FrameCardOptions {
  /** The extension page and its query ("/nudge.html?key=…"). */
  path: string;
  /** The frame's name for screen readers. */
  title: MessageKey;
  onDone(what: string): void;
}

/** A frame that hasn't said how tall its card is by then never loaded: it goes, as closed. */
export const FRAME_LOAD_MS = 10_000;
/** How long a chosen card's hidden frame stays before it is removed. */
export const RETIRE_MS = 500;

export function frameCardHost(doc: Document, name: string, corner: 'left' | 'right') {
  const host = new OverlayHost({ name, css: framesCss, fullPage: false, corner }, doc);
  /** Only our own pages speak for a card (a frame the site navigated elsewhere does not). */
  const origin = browser.runtime.getURL('/').replace(/\/$/, '');
  let showing: AbortController | undefined;
  let loading: ReturnType<typeof setTimeout> | undefined;
  let relayed: ((message: unknown) => void) | undefined;
  let retiring: ReturnType<typeof setTimeout> | undefined;

  /** Stops listening to the card showing now: nothing it says counts any more. */
  function stopListening(): void {
    clearTimeout(loading);
    showing?.abort();
    showing = undefined;
    if (relayed) browser.runtime.onMessage.removeListener(relayed);
    relayed = undefined;
  }

  function close(): void {
    stopListening();
    clearTimeout(retiring);
    host.unmount();
  }

  /**
   * Once she has chosen: the card goes from view at once, and its frame a moment later, so the
   * frame has finished with the click that chose (a frame removed while the browser is still
   * handing it that click can leave the click unanswered).
   */
  function retire(frame: HTMLIFrameElement | null): void {
    stopListening();
    frame?.style.setProperty('visibility', 'hidden');
    retiring = setTimeout(() => host.unmount(), RETIRE_MS);
  }

  return {
    get showing() {
      return showing !== undefined;
    },
    show({ path, title, onDone }: FrameCardOptions): void {
      close();
      const listening = new AbortController();
      showing = listening;
      const win = doc.defaultView ?? window;
      let frame: HTMLIFrameElement | null = null;
      const finish = (what: string) => {
        retire(frame);
        onDone(what);
      };
      loading = setTimeout(() => finish('closed'), FRAME_LOAD_MS);
      const token = crypto.randomUUID();
      relayed = (message) => {
        const what = readFrameDone(message, token);
        if (what !== undefined) finish(what);
      };
      browser.runtime.onMessage.addListener(relayed);
      win.addEventListener(
        'message',
        (event) => {
          const ours = event.source && event.source === frame?.contentWindow && event.origin === origin;
          const note = ours ? readFrameNote(event.data) : undefined;
          if (!note) return;
          if ('height' in note) {
            clearTimeout(loading);
            frame?.style.setProperty('height', `${note.height + 2}px`);
          } else finish(note.done);
        },
        { signal: listening.signal },
      );
      doc.addEventListener(
        'keydown',
        (event) => {
          if (event.key !== 'Escape' || event.isComposing || isEditable(event.composedPath()[0] ?? null)) return;
          frame?.contentWindow?.postMessage(FRAME_ESCAPE, origin);
        },
        { signal: listening.signal },
      );
      host.render((container) => {
        frame = element(doc, 'iframe', {
          class: corner === 'right' ? 'otf-frame otf-right' : 'otf-frame',
          src: browser.runtime.getURL(
            `${path}${path.includes('?') ? '&' : '?'}${FRAME_TOKEN}=${token}` as '/nudge.html',
          ),
          title: browser.i18n.getMessage(title),
        });
        container.replaceChildren(frame);
      });
    },
    close,
  };
}
