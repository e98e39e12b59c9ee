/**
 * Between a card's frame on a site (an extension page: a reminder, the check-in, a mute
 * suggestion) and the page's script that framed it. The frame tells its parent how tall its card
 * is (`outside-the-frame:height:212`) and, once, that it is done and with what
 * (`outside-the-frame:done:helped`); the parent passes Esc on the site's page on to the frame
 * (`outside-the-frame:escape`). Pure.
 */
export const FRAME_MESSAGE = 'outside-the-frame:';
export const FRAME_ESCAPE = `${FRAME_MESSAGE}escape`;

export type FrameNote = { height: number } | { done: string };

export const heightNote = (height: number) => `${FRAME_MESSAGE}height:${Math.ceil(height)}`;
export const doneNote = (what: string) => `${FRAME_MESSAGE}done:${what}`;

/** A frame's message: the card's height in pixels, or what it finished with; undefined for anything else. */
export function readFrameNote(data: unknown): FrameNote | undefined {
  if (typeof data !== 'string' || !data.startsWith(FRAME_MESSAGE)) return undefined;
  const [kind, value = ''] = data.slice(FRAME_MESSAGE.length).split(':');
  if (kind === 'done') return { done: value };
  const height = Number(value);
  return kind === 'height' && value !== '' && height > 0 && height < 10_000 ? { height } : undefined;
}
