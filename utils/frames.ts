/**
 * Between a card's frame on a site (an extension page: a reminder, the check-in, a mute
 * suggestion) and the page's script that framed it. Window messages pass through the site's
 * page, where its own scripts can listen, so they carry nothing about her: the frame tells its
 * parent how tall its card is (`outside-the-frame:height:212`), and the parent passes Esc on the
 * site's page on to the frame (`outside-the-frame:escape`). What she chose goes the private way:
 * the frame sends it to the background with the token its address carries (`FRAME_TOKEN`), and
 * the background hands it to the page's script of that tab (`FrameDone`). Only when the
 * background can't be reached does the frame say, by window message, that it closed
 * (`outside-the-frame:done:closed`), so the card still goes. Pure.
 */
export const FRAME_MESSAGE = 'outside-the-frame:';
export const FRAME_ESCAPE = `${FRAME_MESSAGE}escape`;
/** The query parameter naming one showing of a card, so her choice reaches that card alone. */
export const FRAME_TOKEN = 'frame';

/** Background → the page's script: what she chose in the frame whose token is `frame`. */
export interface FrameDone {
  type: 'page/frameDone';
  frame: string;
  what: string;
}

export const frameDone = (frame: string, what: string): FrameDone => ({ type: 'page/frameDone', frame, what });

/** A relayed choice for the frame with `token`, or undefined for anything else. */
export function readFrameDone(message: unknown, token: string): string | undefined {
  const done = message as Partial<FrameDone> | null;
  return typeof done === 'object' &&
    done !== null &&
    done.type === 'page/frameDone' &&
    done.frame === token &&
    typeof done.what === 'string'
    ? done.what
    : undefined;
}

export type FrameNote = { height: number } | { done: 'closed' };

export const heightNote = (height: number) => `${FRAME_MESSAGE}height:${Math.ceil(height)}`;
/** The one "done" a frame says by window message: it closed (her choice goes through the background). */
export const FRAME_CLOSED = `${FRAME_MESSAGE}done:closed`;

/** A frame's window message: the card's height in pixels, or that it closed; undefined for anything else. */
export function readFrameNote(data: unknown): FrameNote | undefined {
  if (typeof data !== 'string' || !data.startsWith(FRAME_MESSAGE)) return undefined;
  const [kind, value = ''] = data.slice(FRAME_MESSAGE.length).split(':');
  if (kind === 'done') return data === FRAME_CLOSED ? { done: 'closed' } : undefined;
  const height = Number(value);
  return kind === 'height' && value !== '' && height > 0 && height < 10_000 ? { height } : undefined;
}
