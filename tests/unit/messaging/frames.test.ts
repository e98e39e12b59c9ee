import { describe, expect, it } from 'vitest';
import { FRAME_CLOSED, FRAME_ESCAPE, frameDone, heightNote, readFrameDone, readFrameNote } from '@/utils/frames';

describe('messages between a card’s frame and the page', () => {
  it('reads what the frame says through the window: its height, or that it closed', () => {
    expect(readFrameNote(heightNote(211.2))).toEqual({ height: 212 });
    expect(readFrameNote(FRAME_CLOSED)).toEqual({ done: 'closed' });
  });

  it('never takes her choice from a window message (the site’s page can hear those)', () => {
    for (const data of ['outside-the-frame:done:helped', 'outside-the-frame:done:hide', 'outside-the-frame:done:']) {
      expect(readFrameNote(data), data).toBeUndefined();
    }
  });

  it('takes her choice handed on by the background, for its own showing alone', () => {
    expect(readFrameDone(frameDone('token-1', 'hide'), 'token-1')).toBe('hide');
    expect(readFrameDone(frameDone('token-2', 'hide'), 'token-1')).toBeUndefined();
    for (const message of [
      { type: 'page/markWorse' },
      { type: 'page/frameDone', frame: 'token-1' },
      { type: 'page/frameDone', frame: 'token-1', what: 7 },
      'page/frameDone',
      null,
    ]) {
      expect(readFrameDone(message, 'token-1'), JSON.stringify(message)).toBeUndefined();
    }
  });

  it('ignores anything else: other strings, other kinds, absurd heights, non-strings', () => {
    for (const data of [
      'hello',
      'outside-the-frame:',
      'outside-the-frame:size:200',
      'outside-the-frame:height:',
      'outside-the-frame:height:-4',
      'outside-the-frame:height:abc',
      'outside-the-frame:height:99999',
      FRAME_ESCAPE,
      { done: 'hide' },
      42,
      null,
    ]) {
      expect(readFrameNote(data), String(data)).toBeUndefined();
    }
  });
});
