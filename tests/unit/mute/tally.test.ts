import { describe, expect, it } from 'vitest';
import { MAX_SECONDS_PER_SIGHTING, MAX_SIGHTINGS_PER_REPORT } from '@/utils/mute/exposure';
import { SIGNAL_MIN_POSTS, SIGNAL_WINDOW, SightingTally } from '@/utils/mute/tally';

const trap = (key: string, handle = 'maple', themes = ['spotless-home']) => ({ key, handle, trap: true, themes });
const ordinary = (key: string, handle = 'river') => ({ key, handle, trap: false, themes: [] });

describe('SightingTally', () => {
  it('counts each post once, however often it is seen', () => {
    const tally = new SightingTally();
    expect(tally.add(trap('p1'))).toBe(true);
    expect(tally.add(trap('p1'))).toBe(false);
    tally.add(trap('p2', 'maple', ['perfect-routine']));
    expect(tally.take()).toEqual([
      { handle: 'maple', trapPosts: 2, seconds: 0, themes: { 'spotless-home': 1, 'perfect-routine': 1 } },
    ]);
    expect(tally.hasPending).toBe(false);
    expect(tally.add(trap('p1'))).toBe(false);
  });

  it('reports only accounts with trap posts or seconds on screen', () => {
    const tally = new SightingTally();
    tally.add(ordinary('p1'));
    expect(tally.take()).toEqual([]);
    tally.add({ ...trap('p2'), name: 'Maple & Moss' });
    tally.addSeconds('maple', 4.26);
    tally.addSeconds('maple', -3);
    expect(tally.take()).toEqual([
      { handle: 'maple', name: 'Maple & Moss', trapPosts: 1, seconds: 4.3, themes: { 'spotless-home': 1 } },
    ]);
  });

  it('caps seconds per report and accounts per report', () => {
    const tally = new SightingTally();
    tally.add(trap('p'));
    tally.addSeconds('maple', MAX_SECONDS_PER_SIGHTING * 3);
    for (let index = 0; index < MAX_SIGHTINGS_PER_REPORT + 10; index++) tally.add(trap(`q${index}`, `h${index}`));
    const taken = tally.take();
    expect(taken).toHaveLength(MAX_SIGHTINGS_PER_REPORT);
    expect(taken[0]?.seconds).toBe(MAX_SECONDS_PER_SIGHTING);
  });

  it('puts back what could not be sent, added to what came since', () => {
    const tally = new SightingTally();
    tally.add(trap('p1'));
    const unsent = tally.take();
    tally.add(trap('p2'));
    tally.restore(unsent);
    expect(tally.take()).toEqual([{ handle: 'maple', trapPosts: 2, seconds: 0, themes: { 'spotless-home': 2 } }]);
  });

  it('gives a comparison signal only after enough posts, over the last ones', () => {
    const tally = new SightingTally();
    for (let index = 0; index < SIGNAL_MIN_POSTS - 1; index++) tally.add(trap(`t${index}`));
    expect(tally.signal()).toBeUndefined();
    tally.add(ordinary('o0'));
    expect(tally.signal()).toBeCloseTo((SIGNAL_MIN_POSTS - 1) / SIGNAL_MIN_POSTS);
    for (let index = 0; index < SIGNAL_WINDOW; index++) tally.add(ordinary(`o${index + 1}`));
    expect(tally.signal()).toBe(0);
  });
});
