/**
 * What the page's wiring tests share: the clock the page runs on, faked (timers, frames and
 * `Date` move only when the test says), and a stand-in background that records each message and
 * answers it the way the real one does (sendResponse a moment later, after returning true).
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FRAME_TOKEN, frameDone } from '@/utils/frames';

export type Envelope = { type: string; data: Record<string, unknown> };

export function fakePageClock(now: number): void {
  vi.useFakeTimers({
    now,
    toFake: [
      'Date',
      'performance',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'requestAnimationFrame',
    ],
  });
}

/**
 * Answer the page's messages with `answer` (which may throw, as a stopped worker does), and
 * push each into `received`. Messages from the background to the page (`page/…`, delivered with
 * `trigger`) are not for it.
 */
export function standInBackground(received: Envelope[], answer: (message: Envelope) => unknown): void {
  fakeBrowser.runtime.onMessage.addListener(
    (message: Envelope, _sender: unknown, sendResponse: (reply: unknown) => void) => {
      if (message.type.startsWith('page/')) return undefined;
      const reply = answer(message);
      received.push(message);
      setTimeout(() => sendResponse(reply), 0);
      return true;
    },
  );
}

/**
 * The frame of the card drawn in the host named `host` (a reminder, the check-in, a mute
 * suggestion), given a stand-in window (happy-dom loads no frame pages): `says` sends the page's
 * script a message from it, `posted` is what the page's script passed on to it.
 */
export function cardFrame(host: string) {
  const frame = document.querySelector(host)?.shadowRoot?.querySelector('iframe') ?? null;
  const posted: unknown[] = [];
  const stand = { postMessage: (data: unknown) => posted.push(data) };
  if (frame) Object.defineProperty(frame, 'contentWindow', { value: stand, configurable: true });
  return {
    frame,
    posted,
    says(data: string, source: unknown = stand, origin = fakeBrowser.runtime.getURL('/').replace(/\/$/, '')) {
      window.dispatchEvent(new MessageEvent('message', { data, source: source as Window, origin }));
    },
    /** She chose `what` in the frame: the background hands it on for this showing's token. */
    async chooses(what: string, token = new URL(frame?.src ?? 'about:blank').searchParams.get(FRAME_TOKEN) ?? '') {
      await fakeBrowser.runtime.onMessage.trigger(frameDone(token, what), {}, () => undefined);
    },
  };
}
