import { describe, expect, it } from 'vitest';
import { doneNote, FRAME_ESCAPE, heightNote, readFrameNote } from '@/utils/frames';

describe('messages between a card’s frame and the page', () => {
  it('reads what the frame says: its height, or what she finished with', () => {
    expect(readFrameNote(heightNote(211.2))).toEqual({ height: 212 });
    expect(readFrameNote(doneNote('helped'))).toEqual({ done: 'helped' });
    expect(readFrameNote(doneNote(''))).toEqual({ done: '' });
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
