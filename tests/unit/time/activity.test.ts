import { describe, expect, it } from 'vitest';
import { type ActivitySignals, ActivityTracker } from '@/utils/time/activity';
import type { Interval } from '@/utils/time/intervals';

const S = 1000;
const FRONT: ActivitySignals = { visible: true, focused: true, mediaPlaying: false };
const HIDDEN: ActivitySignals = { visible: false, focused: false, mediaPlaying: false };
const BLURRED: ActivitySignals = { visible: true, focused: false, mediaPlaying: false };
const PLAYING: ActivitySignals = { visible: true, focused: true, mediaPlaying: true };

type Step = { at: number; input?: true; signals?: ActivitySignals };

/** Replays a scripted page: ticks every second between steps, like the content script. */
function replay(steps: Step[], end: number, idleMs = 10 * S, start = 0): Interval[] {
  const tracker = new ActivityTracker({ idleMs });
  let signals = FRONT;
  tracker.tick(start, signals);
  let clock = start;
  const byTime = [...steps].sort((a, b) => a.at - b.at);
  for (const step of byTime) {
    while (clock + S < step.at) {
      clock += S;
      tracker.tick(clock, signals);
    }
    clock = step.at;
    if (step.signals) {
      signals = step.signals;
      tracker.tick(step.at, signals);
    }
    if (step.input) tracker.noteInput(step.at);
  }
  while (clock + S <= end) {
    clock += S;
    tracker.tick(clock, signals);
  }
  return tracker.takeBatch(end);
}

const scrollEverySecond = (from: number, to: number): Step[] => {
  const steps: Step[] = [];
  for (let t = from; t <= to; t += S) steps.push({ at: t, input: true });
  return steps;
};

describe('ActivityTracker', () => {
  it.each<[string, Step[], number, Interval[]]>([
    ['no input: nothing counts', [], 60 * S, []],
    ['steady scrolling counts until now', scrollEverySecond(0, 30 * S), 30 * S, [[0, 30 * S]]],
    ['idle: counts until the idle threshold after the last input', scrollEverySecond(0, 20 * S), 60 * S, [[0, 30 * S]]],
    [
      'returning after idle starts a new span',
      [...scrollEverySecond(0, 5 * S), ...scrollEverySecond(40 * S, 45 * S)],
      50 * S,
      [
        [0, 15 * S],
        [40 * S, 50 * S],
      ],
    ],
    [
      'tab hidden: stops at once',
      [...scrollEverySecond(0, 10 * S), { at: 12 * S, signals: HIDDEN }],
      40 * S,
      [[0, 12 * S]],
    ],
    [
      'window loses focus: stops at once',
      [...scrollEverySecond(0, 10 * S), { at: 11_500, signals: BLURRED }],
      40 * S,
      [[0, 11_500]],
    ],
    [
      'hidden tab ignores input (a page faking scrolls in the background)',
      [{ at: 0, signals: HIDDEN }, ...scrollEverySecond(1 * S, 20 * S)],
      20 * S,
      [],
    ],
    [
      'media playing counts without input',
      [
        { at: 5 * S, signals: PLAYING },
        { at: 95 * S, signals: FRONT },
      ],
      120 * S,
      [[5 * S, 95 * S]],
    ],
    [
      'media stops, recent input keeps counting until idle',
      [
        { at: 0, signals: PLAYING },
        { at: 50 * S, input: true },
        { at: 55 * S, signals: FRONT },
      ],
      120 * S,
      [[0, 60 * S]],
    ],
    ['media playing in a hidden tab does not count', [{ at: 0, signals: { ...PLAYING, visible: false } }], 60 * S, []],
  ])('%s', (_label, steps, end, expected) => {
    expect(replay(steps, end)).toEqual(expected);
  });

  it('a stalled timer (sleep) closes the span at the last tick, never spanning the gap', () => {
    const tracker = new ActivityTracker({ idleMs: 60 * S });
    tracker.tick(0, PLAYING);
    for (let t = S; t <= 10 * S; t += S) tracker.tick(t, PLAYING);
    // Laptop sleeps for 2 hours; media still "playing" when it wakes.
    const wake = 10 * S + 2 * 3_600_000;
    tracker.tick(wake, PLAYING);
    tracker.tick(wake + S, PLAYING);
    expect(tracker.takeBatch(wake + 2 * S)).toEqual([
      [0, 10 * S],
      [wake, wake + 2 * S],
    ]);
  });

  it('a clock that jumps backwards closes the span and starts over', () => {
    const tracker = new ActivityTracker({ idleMs: 60 * S });
    tracker.tick(100 * S, PLAYING);
    tracker.tick(101 * S, PLAYING);
    tracker.tick(50 * S, PLAYING);
    tracker.tick(51 * S, PLAYING);
    expect(tracker.takeBatch(52 * S)).toEqual([
      [100 * S, 101 * S],
      [50 * S, 52 * S],
    ]);
  });

  /** Ticks every second from `from` to `to`, as the content script's timer does. */
  const tickThrough = (tracker: ActivityTracker, from: number, to: number, signals: ActivitySignals) => {
    for (let t = from; t <= to; t += S) tracker.tick(t, signals);
  };

  it('keeps spans until confirmed and re-sends them otherwise', () => {
    const tracker = new ActivityTracker({ idleMs: 60 * S });
    tickThrough(tracker, 0, 10 * S, PLAYING);
    const first = tracker.takeBatch(10 * S);
    expect(first).toEqual([[0, 10 * S]]);
    // The worker was stopped: no confirmation. The next batch carries the old span too.
    tickThrough(tracker, 11 * S, 20 * S, PLAYING);
    const second = tracker.takeBatch(20 * S);
    expect(second).toEqual([
      [0, 10 * S],
      [10 * S, 20 * S],
    ]);
    tracker.confirm(second);
    expect(tracker.pendingCount).toBe(0);
    tickThrough(tracker, 21 * S, 25 * S, PLAYING);
    expect(tracker.takeBatch(25 * S)).toEqual([[20 * S, 25 * S]]);
  });

  it('does not extend a span that was handed out, so confirming it works', () => {
    const tracker = new ActivityTracker({ idleMs: 60 * S });
    tickThrough(tracker, 0, 5 * S, PLAYING);
    const batch = tracker.takeBatch(5 * S);
    tracker.tick(6 * S, PLAYING);
    tracker.tick(7 * S, FRONT); // media paused, no input: closes at 7 s
    tracker.confirm(batch);
    expect(tracker.takeBatch(8 * S)).toEqual([[5 * S, 7 * S]]);
  });

  it('a changed idle threshold applies from then on', () => {
    const tracker = new ActivityTracker({ idleMs: 60 * S });
    tracker.tick(0, FRONT);
    tracker.noteInput(0);
    tracker.setIdleMs(10 * S);
    for (let t = S; t <= 30 * S; t += S) tracker.tick(t, FRONT);
    expect(tracker.takeBatch(30 * S)).toEqual([[0, 10 * S]]);
  });

  it('keeps at most maxPending spans, dropping the oldest', () => {
    const tracker = new ActivityTracker({ idleMs: 1 * S, maxPending: 3 });
    for (let i = 0; i < 5; i++) {
      tracker.noteInput(i * 10 * S);
      tickThrough(tracker, i * 10 * S + S, i * 10 * S + 9 * S, FRONT);
    }
    const batch = tracker.takeBatch(50 * S);
    expect(batch).toHaveLength(3);
    expect(batch[0]?.[0]).toBe(20 * S);
  });
});

describe('ActivityTracker.activeMsSince', () => {
  it('adds unsent and open time after a moment, not before', () => {
    const tracker = new ActivityTracker({ idleMs: 60 * S });
    for (let t = 0; t <= 10 * S; t += S) tracker.tick(t, PLAYING);
    tracker.takeBatch(10 * S); // sent, not yet confirmed
    for (let t = 11 * S; t <= 15 * S; t += S) tracker.tick(t, PLAYING);
    expect(tracker.activeMsSince(4 * S, 15 * S)).toBe(11 * S);
    expect(tracker.activeMsSince(20 * S, 15 * S)).toBe(0);
  });
});
