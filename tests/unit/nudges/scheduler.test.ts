import { describe, expect, it } from 'vitest';
import {
  decideNudge,
  initialNudgeState,
  NUDGE_PRESETS,
  type NudgeContext,
  type NudgeFrequency,
  type NudgeState,
  presetFor,
  readNudgeState,
  recordOutcome,
  recordShown,
  requiredBuildUp,
  rollToDay,
  snooze,
  TYPING_QUIET_MS,
  USER_NUDGE_FREQUENCIES,
  worthAsking,
} from '@/utils/nudges/scheduler';
import type { RecordProblem } from '@/utils/storage/recordKind';
import { NUDGE_FREQUENCY_CHOICES } from '@/utils/storage/settings';
import { useTimeZone } from '../../helpers/timeZone';

const S = 1000;
const MIN = 60 * S;
const HOUR = 60 * MIN;
const DAY_START = 4;
/** 2026-11-22 15:00 UTC; tests run in UTC so local time is UTC. */
const NOW = Date.UTC(2026, 10, 22, 15, 0);
const at = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour, minute);

useTimeZone('UTC');

type Preset = Exclude<NudgeFrequency, 'off'>;
const PRESETS = Object.keys(NUDGE_PRESETS) as Preset[];

const fresh = (now = NOW) => initialNudgeState(now, DAY_START);

/** A context in which every rule lets a nudge through at this frequency. */
function ready(frequency: NudgeFrequency = 'gentle', overrides: Partial<NudgeContext> = {}): NudgeContext {
  const preset = presetFor(frequency) ?? NUDGE_PRESETS.gentle;
  return {
    now: NOW,
    dayStartHour: DAY_START,
    frequency,
    isFeedPage: true,
    pageVisible: true,
    boundaryShown: false,
    activeMsOnPage: 30 * MIN,
    activeMsSinceLastNudge: preset.minActiveMs,
    scrollPxSinceLastNudge: preset.minScrollPx,
    ...overrides,
  };
}

const reasonOf = (state: NudgeState, context: NudgeContext) => {
  const decision = decideNudge(state, context);
  return decision.show ? 'show' : decision.reason;
};

describe('presets', () => {
  // The agreed figures, as behaviour: gap, daily cap, first wait on a page, active time and scroll to build up.
  it.each<[Preset, number, number, number, number, number]>([
    ['gentle', 20 * MIN, 4, MIN, 6 * MIN, 6000],
    ['balanced', 12 * MIN, 8, MIN, 4 * MIN, 4000],
    ['frequent', 6 * MIN, 15, MIN, 2 * MIN, 2000],
    ['test', 20 * S, 100, 5 * S, 5 * S, 300],
  ])(
    '%s: %d ms apart, %d a day, after %d ms on the page and %d ms / %d px of scrolling',
    (frequency, gap, cap, pageMs, activeMs, scrollPx) => {
      const context = (overrides: Partial<NudgeContext> = {}): NudgeContext => ({
        now: NOW,
        dayStartHour: DAY_START,
        frequency,
        isFeedPage: true,
        pageVisible: true,
        boundaryShown: false,
        activeMsOnPage: pageMs,
        activeMsSinceLastNudge: activeMs,
        scrollPxSinceLastNudge: scrollPx,
        ...overrides,
      });
      expect(reasonOf(fresh(), context())).toBe('show');
      const shown = recordShown(fresh(), 'r1', NOW - gap, DAY_START);
      expect(reasonOf(shown, context({ now: NOW - 1 }))).toBe('too-soon');
      expect(reasonOf(shown, context())).toBe('show');
      expect(reasonOf({ ...fresh(), shownToday: cap - 1 }, context())).toBe('show');
      expect(reasonOf({ ...fresh(), shownToday: cap }, context())).toBe('daily-cap');
      expect(reasonOf(fresh(), context({ activeMsOnPage: pageMs - 1 }))).toBe('first-minute');
      expect(reasonOf(fresh(), context({ activeMsSinceLastNudge: activeMs - 1 }))).toBe('not-enough-active-time');
      expect(reasonOf(fresh(), context({ scrollPxSinceLastNudge: scrollPx - 1 }))).toBe('not-enough-scroll');
    },
  );

  it('every preset is tested above', () => {
    expect([...PRESETS].sort()).toEqual(['balanced', 'frequent', 'gentle', 'test']);
  });

  it('the test preset is not offered to users, and the offered ones are the ones settings accept', () => {
    expect(USER_NUDGE_FREQUENCIES).not.toContain('test');
    expect([...USER_NUDGE_FREQUENCIES]).toEqual([...NUDGE_FREQUENCY_CHOICES]);
  });

  it('off has no preset', () => {
    expect(presetFor('off')).toBeUndefined();
    expect(requiredBuildUp('off')).toBeUndefined();
  });

  it.each(PRESETS)('%s: the gap is never shorter than the build-up (one nudge per build-up at most)', (frequency) => {
    expect(NUDGE_PRESETS[frequency].minGapMs).toBeGreaterThanOrEqual(NUDGE_PRESETS[frequency].minActiveMs);
  });
});

describe('decideNudge: every rule passes', () => {
  it.each(PRESETS)('%s shows a nudge when nothing blocks it', (frequency) => {
    expect(decideNudge(fresh(), ready(frequency))).toEqual({ show: true });
  });
});

describe('decideNudge: gap between nudges (across tabs and sites)', () => {
  it.each(PRESETS)('%s: blocked 1 ms before the gap ends, shown when it ends', (frequency) => {
    const gap = NUDGE_PRESETS[frequency].minGapMs;
    const state = recordShown(fresh(), 'r1', NOW - gap, DAY_START);
    expect(reasonOf(state, ready(frequency, { now: NOW - 1 }))).toBe('too-soon');
    expect(reasonOf(state, ready(frequency))).toBe('show');
  });

  it('a last nudge slightly "in the future" (clock moved back) still keeps the gap', () => {
    const state = { ...fresh(), lastShownAt: NOW + 5 * MIN };
    expect(reasonOf(state, ready('gentle'))).toBe('too-soon');
  });

  it('a last nudge far in the future is not trusted and does not block for days', () => {
    const state = { ...fresh(), lastShownAt: NOW + 3 * 24 * HOUR };
    expect(reasonOf(state, ready('gentle'))).toBe('show');
  });
});

describe('decideNudge: daily cap', () => {
  it.each(PRESETS)('%s: the last one under the cap shows, then the cap blocks', (frequency) => {
    const { dailyCap } = NUDGE_PRESETS[frequency];
    const underCap = { ...fresh(), shownToday: dailyCap - 1 };
    expect(reasonOf(underCap, ready(frequency))).toBe('show');
    const atCap = { ...fresh(), shownToday: dailyCap };
    expect(reasonOf(atCap, ready(frequency))).toBe('daily-cap');
  });

  it.each(PRESETS)('%s: a new day (at the day start, not midnight) lifts the cap', (frequency) => {
    const { dailyCap } = NUDGE_PRESETS[frequency];
    const capped = { ...initialNudgeState(at(22, 20), DAY_START), shownToday: dailyCap };
    expect(reasonOf(capped, ready(frequency, { now: at(23, 3, 59) }))).toBe('daily-cap');
    expect(reasonOf(capped, ready(frequency, { now: at(23, 4) }))).toBe('show');
  });

  it('counting up through recordShown reaches the cap', () => {
    let state = fresh(at(22, 5));
    const gentle = NUDGE_PRESETS.gentle;
    for (let i = 0; i < gentle.dailyCap; i++) {
      const now = at(22, 5) + i * gentle.minGapMs;
      expect(reasonOf(state, ready('gentle', { now }))).toBe('show');
      state = recordShown(state, `r${i}`, now, DAY_START);
    }
    expect(reasonOf(state, ready('gentle', { now: at(22, 23) }))).toBe('daily-cap');
  });
});

describe('decideNudge: the first minute of a visit', () => {
  it.each<[Preset, number, string]>([
    ['gentle', MIN - 1, 'first-minute'],
    ['gentle', MIN, 'show'],
    ['balanced', MIN - 1, 'first-minute'],
    ['frequent', MIN - 1, 'first-minute'],
    ['frequent', MIN, 'show'],
    ['test', 5 * S - 1, 'first-minute'],
    ['test', 5 * S, 'show'],
  ])('%s with %d ms active on the page → %s', (frequency, activeMsOnPage, expected) => {
    expect(reasonOf(fresh(), ready(frequency, { activeMsOnPage }))).toBe(expected);
  });
});

describe('decideNudge: typing', () => {
  it.each<[string, string, number | undefined]>([
    ['no typing reported', 'show', undefined],
    ['typed just now', 'typing', NOW],
    ['typed 4.999 s ago', 'typing', NOW - TYPING_QUIET_MS + 1],
    ['typed 5 s ago', 'show', NOW - TYPING_QUIET_MS],
    ['typed a minute ago', 'show', NOW - MIN],
  ])('%s → %s', (_label, expected, typingAt) => {
    expect(reasonOf(fresh(), ready('gentle', { typingAt }))).toBe(expected);
  });
});

describe('decideNudge: page conditions', () => {
  it.each<[string, string, Partial<NudgeContext>]>([
    ['not a feed page (messages, settings)', 'not-feed-page', { isFeedPage: false }],
    ['page hidden', 'page-hidden', { pageVisible: false }],
    ['limit or boundary screen up', 'boundary-shown', { boundaryShown: true }],
  ])('%s → %s, at every frequency', (_label, expected, overrides) => {
    for (const frequency of PRESETS) expect(reasonOf(fresh(), ready(frequency, overrides))).toBe(expected);
  });

  it('off never shows, whatever else holds', () => {
    expect(reasonOf(fresh(), ready('off', { activeMsSinceLastNudge: 10 * HOUR, scrollPxSinceLastNudge: 1e6 }))).toBe(
      'off',
    );
  });
});

describe('decideNudge: build-up of active time and scroll', () => {
  it.each(PRESETS)('%s: one ms or one px short blocks, with its own reason', (frequency) => {
    const preset = NUDGE_PRESETS[frequency];
    expect(reasonOf(fresh(), ready(frequency, { activeMsSinceLastNudge: preset.minActiveMs - 1 }))).toBe(
      'not-enough-active-time',
    );
    expect(reasonOf(fresh(), ready(frequency, { scrollPxSinceLastNudge: preset.minScrollPx - 1 }))).toBe(
      'not-enough-scroll',
    );
  });

  it('gentle: 6 minutes of scrolling without 6,000 px is not passive scrolling enough', () => {
    expect(reasonOf(fresh(), ready('gentle', { activeMsSinceLastNudge: 20 * MIN, scrollPxSinceLastNudge: 500 }))).toBe(
      'not-enough-scroll',
    );
  });

  it('NaN from a confused caller blocks rather than shows', () => {
    expect(reasonOf(fresh(), ready('gentle', { activeMsOnPage: Number.NaN }))).toBe('first-minute');
    expect(reasonOf(fresh(), ready('gentle', { activeMsSinceLastNudge: Number.NaN }))).toBe('not-enough-active-time');
  });
});

describe('decideNudge: comparison signal', () => {
  const gentle = NUDGE_PRESETS.gentle;

  it.each<[number | undefined, number, number]>([
    [undefined, 6 * MIN, 6000],
    [0, 6 * MIN, 6000],
    [0.5, 4.5 * MIN, 4500],
    [1, 3 * MIN, 3000],
    [7, 3 * MIN, 3000],
    [-1, 6 * MIN, 6000],
    [Number.NaN, 6 * MIN, 6000],
  ])('signal %s → needs %d ms and %d px (gentle)', (signal, activeMs, scrollPx) => {
    expect(requiredBuildUp('gentle', signal)).toEqual({ activeMs, scrollPx });
  });

  it('a full signal lets a nudge come after half the build-up, which blocks without it', () => {
    const half = { activeMsSinceLastNudge: gentle.minActiveMs / 2, scrollPxSinceLastNudge: gentle.minScrollPx / 2 };
    expect(reasonOf(fresh(), ready('gentle', half))).toBe('not-enough-active-time');
    expect(reasonOf(fresh(), ready('gentle', { ...half, comparisonSignal: 1 }))).toBe('show');
    expect(reasonOf(fresh(), ready('gentle', { ...half, comparisonSignal: 0.5 }))).toBe('not-enough-active-time');
  });

  // States are built inside the test (a thunk), once TZ is set.
  it.each<[string, () => NudgeState, Partial<NudgeContext>, string]>([
    ['gap', () => recordShown(fresh(), 'r1', NOW - gentle.minGapMs + 1, DAY_START), {}, 'too-soon'],
    ['daily cap', () => ({ ...fresh(), shownToday: gentle.dailyCap }), {}, 'daily-cap'],
    ['first minute', fresh, { activeMsOnPage: MIN - 1 }, 'first-minute'],
    ['typing', fresh, { typingAt: NOW - S }, 'typing'],
    ['hidden page', fresh, { pageVisible: false }, 'page-hidden'],
    ['boundary screen', fresh, { boundaryShown: true }, 'boundary-shown'],
    ['non-feed page', fresh, { isFeedPage: false }, 'not-feed-page'],
    ['snooze', () => snooze(fresh(), 'hour', NOW - MIN, DAY_START), {}, 'snoozed'],
    ['off', fresh, { frequency: 'off' }, 'off'],
  ])('never breaks the %s rule', (_rule, state, overrides, expected) => {
    const context = ready('gentle', { ...overrides, comparisonSignal: 1 });
    expect(reasonOf(state(), context)).toBe(expected);
  });
});

describe('snooze', () => {
  it('for an hour: blocked until the hour is up', () => {
    const state = snooze(fresh(), 'hour', NOW, DAY_START);
    expect(reasonOf(state, ready('gentle', { now: NOW + HOUR - 1 }))).toBe('snoozed');
    expect(reasonOf(state, ready('gentle', { now: NOW + HOUR }))).toBe('show');
  });

  it.each<[string, number, number, number]>([
    ['snoozed at 23:00 lifts at 04:00 the next morning', at(22, 23), DAY_START, at(23, 4)],
    ['snoozed at 02:00 (still yesterday) lifts at 04:00 the same morning', at(23, 2), DAY_START, at(23, 4)],
    ['snoozed at 15:00 with a midnight day start lifts at midnight', at(22, 15), 0, at(23, 0)],
    ['snoozed at 04:00 sharp lasts the whole day', at(22, 4), DAY_START, at(23, 4)],
  ])('for today: %s', (_label, snoozedAt, dayStartHour, liftsAt) => {
    const state = snooze(initialNudgeState(snoozedAt, dayStartHour), 'today', snoozedAt, dayStartHour);
    expect(state.snoozedUntil).toBe(liftsAt);
    expect(reasonOf(state, ready('gentle', { now: liftsAt - 1, dayStartHour }))).toBe('snoozed');
    expect(reasonOf(state, ready('gentle', { now: liftsAt, dayStartHour }))).toBe('show');
  });

  describe('in New York', () => {
    useTimeZone('America/New_York');

    it('for today across a DST change: lifts at 04:00 local time (spring forward)', () => {
      const snoozedAt = new Date(2026, 2, 7, 23, 0).getTime();
      const state = snooze(initialNudgeState(snoozedAt, DAY_START), 'today', snoozedAt, DAY_START);
      expect(state.snoozedUntil).toBe(new Date(2026, 2, 8, 4, 0).getTime());
      expect((state.snoozedUntil ?? 0) - snoozedAt).toBe(4 * HOUR);
    });
  });

  it('her latest choice wins: an hour after "today" shortens it', () => {
    const today = snooze(fresh(), 'today', NOW, DAY_START);
    expect(snooze(today, 'hour', NOW + MIN, DAY_START).snoozedUntil).toBe(NOW + MIN + HOUR);
  });

  it('a snooze reaching days ahead (clock moved back) is not trusted', () => {
    const state = { ...fresh(), snoozedUntil: NOW + 3 * 24 * HOUR };
    expect(reasonOf(state, ready('gentle'))).toBe('show');
  });

  it.each<['snoozed-hour' | 'snoozed-today', number]>([
    ['snoozed-hour', NOW + 10 * S + HOUR],
    ['snoozed-today', at(23, 4)],
  ])('the outcome %s snoozes too', (outcome, until) => {
    const state = recordOutcome(
      fresh(),
      { reminderId: 'r1', tag: 'reframe', outcome, shownAt: NOW, at: NOW + 10 * S },
      DAY_START,
    );
    expect(state.snoozedUntil).toBe(until);
    expect(state.tagWeights).toEqual({});
  });
});

describe('recordShown', () => {
  it('counts the nudge, remembers when, and starts a new count on a new day', () => {
    const first = recordShown(fresh(at(22, 10)), 'r1', at(22, 10), DAY_START);
    expect([first.shownToday, first.lastShownAt, first.day]).toEqual([1, at(22, 10), '2026-11-22']);
    const lateNight = recordShown(first, 'r2', at(23, 3), DAY_START);
    expect([lateNight.shownToday, lateNight.day]).toEqual([2, '2026-11-22']);
    const nextMorning = recordShown(lateNight, 'r3', at(23, 4), DAY_START);
    expect([nextMorning.shownToday, nextMorning.day, nextMorning.lastShownAt]).toEqual([1, '2026-11-23', at(23, 4)]);
  });
});

describe('recordOutcome: tag weights', () => {
  const report = (outcome: Parameters<typeof recordOutcome>[1]['outcome'], afterMs = 10 * S) => ({
    reminderId: 'r1',
    tag: 'reframe',
    outcome,
    shownAt: NOW,
    at: NOW + afterMs,
  });
  const weightAfter = (outcome: Parameters<typeof recordOutcome>[1]['outcome'], afterMs?: number) =>
    recordOutcome(fresh(), report(outcome, afterMs), DAY_START).tagWeights.reframe ?? 1;

  it('helped raises the theme; dismissals lower it; a fast one more; ignored hardly at all', () => {
    const helped = weightAfter('helped');
    const notNow = weightAfter('not-now');
    const fast = weightAfter('dismissed-fast', S);
    const ignored = weightAfter('ignored', 2 * MIN);
    expect(helped).toBeGreaterThan(1);
    expect(fast).toBeLessThan(notNow);
    expect(notNow).toBeLessThan(ignored);
    expect(ignored).toBeLessThan(1);
    expect(1 - ignored).toBeLessThan((1 - notNow) / 2);
    // Gentle steps: one response never moves a theme by more than a quarter.
    for (const weight of [helped, notNow, fast, ignored])
      expect(Math.abs(Math.log(weight))).toBeLessThan(Math.log(1.25));
  });

  it.each<[string, 'not-now' | 'dismissed-fast', number, 'fast' | 'plain']>([
    ['"not now" within 3 s counts as fast', 'not-now', 2_999, 'fast'],
    ['"not now" at 3 s is a plain dismissal', 'not-now', 3_000, 'plain'],
    ['"fast" after 3 s is a plain dismissal', 'dismissed-fast', 10 * S, 'plain'],
    ['"fast" within 3 s is fast', 'dismissed-fast', 500, 'fast'],
  ])('%s', (_label, outcome, afterMs, kind) => {
    const expected = kind === 'fast' ? weightAfter('dismissed-fast', S) : weightAfter('not-now', 10 * S);
    expect(weightAfter(outcome, afterMs)).toBeCloseTo(expected, 10);
  });

  it.each<['helped' | 'dismissed-fast', number]>([
    ['helped', 3],
    ['dismissed-fast', 0.25],
  ])('many %s stay within [0.25, 3]', (outcome, bound) => {
    let state = fresh();
    for (let i = 0; i < 50; i++) {
      state = recordOutcome(state, { ...report(outcome, S), shownAt: NOW + i * MIN, at: NOW + i * MIN + S }, DAY_START);
      const weight = state.tagWeights.reframe ?? 1;
      expect(weight).toBeGreaterThanOrEqual(0.25);
      expect(weight).toBeLessThanOrEqual(3);
    }
    expect(state.tagWeights.reframe).toBe(bound);
  });

  it('weights drift back towards 1 as days pass, and are forgotten after a few months', () => {
    let state = fresh(at(22, 10));
    for (let i = 0; i < 6; i++) state = recordOutcome(state, report('helped'), DAY_START);
    state = recordOutcome(state, { ...report('dismissed-fast', S), tag: 'question' }, DAY_START);
    const helped = state.tagWeights.reframe ?? 1;
    const fast = state.tagWeights.question ?? 1;
    const weekLater = rollToDay(state, at(29, 10), DAY_START);
    expect(weekLater.tagWeights.reframe).toBeLessThan(helped);
    expect(weekLater.tagWeights.reframe).toBeGreaterThan(1);
    expect(weekLater.tagWeights.question).toBeGreaterThan(fast);
    expect(weekLater.tagWeights.question).toBeLessThan(1);
    // Slow: a week keeps most of the preference.
    expect(Math.log(weekLater.tagWeights.reframe ?? 1)).toBeGreaterThan(0.7 * Math.log(helped));
    const muchLater = rollToDay(state, Date.UTC(2027, 5, 1, 10), DAY_START);
    expect(muchLater.tagWeights).toEqual({});
  });

  it('the same day does not decay', () => {
    const state = recordOutcome(fresh(at(22, 5)), report('helped'), DAY_START);
    expect(rollToDay(state, at(23, 3), DAY_START).tagWeights).toEqual(state.tagWeights);
  });
});

describe('readNudgeState', () => {
  const valid = (): NudgeState => {
    let state = recordShown(fresh(), 'r1', NOW - HOUR, DAY_START);
    state = recordOutcome(
      state,
      { reminderId: 'r1', tag: 'reframe', outcome: 'helped', shownAt: NOW - HOUR, at: NOW - HOUR + 5 * S },
      DAY_START,
    );
    return snooze(
      { ...state, rotation: { queue: ['r2', 'r3'], known: ['r1', 'r2', 'r3'], recent: ['r1'] } },
      'hour',
      NOW,
      DAY_START,
    );
  };

  it('nothing stored yet → a fresh state, no problem', () => {
    expect(readNudgeState(undefined, NOW, DAY_START)).toEqual({ state: fresh() });
  });

  it('a stored state survives a JSON round trip unchanged', () => {
    const state = valid();
    expect(readNudgeState(JSON.parse(JSON.stringify(state)), NOW, DAY_START)).toEqual({ state });
  });

  it('a state from yesterday comes back with the count for today at 0', () => {
    const { state, problem } = readNudgeState({ ...valid(), day: '2026-11-21', shownToday: 4 }, NOW, DAY_START);
    expect(problem).toBeUndefined();
    expect([state.day, state.shownToday]).toEqual(['2026-11-22', 0]);
  });

  // Values are built inside the test (a thunk), once TZ is set.
  it('a stored state without a snooze or a last nudge comes back without them', () => {
    const { state } = readNudgeState({ ...fresh(), lastShownAt: undefined, snoozedUntil: undefined }, NOW, DAY_START);
    expect(Object.keys(state)).not.toContain('lastShownAt');
    expect(Object.keys(state)).not.toContain('snoozedUntil');
  });

  const invalid = (path: string): RecordProblem => ({ code: 'invalid', path });

  it.each<[string, () => unknown, RecordProblem]>([
    ['a string', () => 'nudges', { code: 'not-a-record' }],
    ['an array', () => [], { code: 'not-a-record' }],
    ['no schema version', () => ({ ...valid(), schemaVersion: undefined }), { code: 'no-version' }],
    ['a newer schema', () => ({ ...valid(), schemaVersion: 2 }), { code: 'newer-version', version: 2 }],
    ['a bad day', () => ({ ...valid(), day: '2026-13-40' }), invalid('day')],
    ['a negative count', () => ({ ...valid(), shownToday: -1 }), invalid('shownToday')],
    ['a fractional count', () => ({ ...valid(), shownToday: 1.5 }), invalid('shownToday')],
    ['a string time', () => ({ ...valid(), lastShownAt: 'yesterday' }), invalid('lastShownAt')],
    ['a null snooze', () => ({ ...valid(), snoozedUntil: null }), invalid('snoozedUntil')],
    ['weights as a list', () => ({ ...valid(), tagWeights: [2] }), invalid('tagWeights')],
    ['a weight out of range', () => ({ ...valid(), tagWeights: { reframe: 40 } }), invalid('tagWeights.reframe')],
    [
      'a weight that is not a number',
      () => ({ ...valid(), tagWeights: { reframe: 'high' } }),
      invalid('tagWeights.reframe'),
    ],
    ['no rotation', () => ({ ...valid(), rotation: undefined }), invalid('rotation')],
    [
      'a queue of numbers',
      () => ({ ...valid(), rotation: { queue: [1], known: [], recent: [] } }),
      invalid('rotation.queue.0'),
    ],
    ['no recent list', () => ({ ...valid(), rotation: { queue: [], known: [] } }), invalid('rotation.recent')],
  ])('%s → a fresh state and the reason', (_label, stored, problem) => {
    expect(readNudgeState(stored(), NOW, DAY_START)).toEqual({ state: fresh(), problem });
  });
});

describe('worthAsking: the page’s own check before it wakes the background', () => {
  // States are built inside the test (a thunk), once the zone is set.
  it.each<[string, () => NudgeState, Partial<NudgeContext>]>([
    ['within the gap', () => recordShown(fresh(), 'r1', NOW - 5 * MIN, DAY_START), {}],
    ['after the daily cap', () => ({ ...fresh(), shownToday: NUDGE_PRESETS.gentle.dailyCap }), {}],
    ['while snoozed', () => snooze(fresh(), 'hour', NOW - MIN, DAY_START), {}],
    ['while she types', fresh, { typingAt: NOW - S }],
    ['without enough active time', fresh, { activeMsSinceLastNudge: NUDGE_PRESETS.gentle.minActiveMs - 1 }],
    ['without enough scrolling', fresh, { scrollPxSinceLastNudge: NUDGE_PRESETS.gentle.minScrollPx - 1 }],
    ['in the first minute on the page', fresh, { activeMsOnPage: MIN - 1 }],
    ['on a page that is not a feed', fresh, { isFeedPage: false }],
    ['on a hidden page', fresh, { pageVisible: false }],
    ['under a boundary screen', fresh, { boundaryShown: true }],
    ['when reminders are off', fresh, { frequency: 'off' }],
  ])('says no %s', (_label, state, overrides) => {
    expect(worthAsking(state(), ready('gentle', overrides))).toBe(false);
  });

  it('says yes when everything allows', () => {
    expect(worthAsking(fresh(), ready('gentle'))).toBe(true);
    const longAgo = recordShown({ ...fresh(), shownToday: 2 }, 'r1', NOW - NUDGE_PRESETS.gentle.minGapMs, DAY_START);
    expect(worthAsking(longAgo, ready('gentle'))).toBe(true);
  });

  it.each([null, undefined])('with no stored state (%s), behaves as with a fresh state', (missing) => {
    const contexts = [
      ready('gentle'),
      ready('gentle', { typingAt: NOW - S }),
      ready('frequent', { activeMsOnPage: MIN - 1 }),
      ready('balanced', { now: at(30, 2), scrollPxSinceLastNudge: 0 }),
      ready('test', { now: at(30, 2) }),
    ];
    for (const context of contexts) {
      expect(worthAsking(missing, context)).toBe(worthAsking(initialNudgeState(context.now, DAY_START), context));
    }
    expect(worthAsking(missing, ready('gentle'))).toBe(true);
  });

  it('a capped state from yesterday does not stop a nudge today', () => {
    const capped = { ...initialNudgeState(at(21, 20), DAY_START), shownToday: NUDGE_PRESETS.gentle.dailyCap };
    expect(worthAsking(capped, ready('gentle'))).toBe(true);
  });
});
