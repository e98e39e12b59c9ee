import { describe, expect, it } from 'vitest';
import {
  adjustTagWeight,
  classifyOutcome,
  decayTagWeights,
  emptyRotation,
  markShown,
  type NudgeReminderRef,
  nextReminder,
  RECENT_LIMIT,
  reconcileRotation,
  TAG_WEIGHT_MAX,
  TAG_WEIGHT_MIN,
  tagWeight,
} from '@/utils/nudges/rotation';
import { initialNudgeState, type NudgeState, pickReminder, recordOutcome, recordShown } from '@/utils/nudges/scheduler';
import { type TimeOfDay, timeOfDay } from '@/utils/nudges/timeOfDay';

const NOW = Date.UTC(2026, 10, 22, 15, 0);
const MIN = 60_000;
const DAY_START = 4;

/** mulberry32: a small seeded generator, so every run picks the same way. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const library = (count: number, tag = (i: number) => ['reframe', 'self-compassion', 'question'][i % 3] ?? 'x') =>
  Array.from({ length: count }, (_, i): NudgeReminderRef & { text: string } => ({
    id: `r${i}`,
    tag: tag(i),
    text: `reminder ${i}`,
  }));

/** Pick and show `count` times through the scheduler's API, like the background would. */
function run(state: NudgeState, lib: readonly NudgeReminderRef[], count: number, rng: () => number) {
  const shown: string[] = [];
  let current = state;
  for (let i = 0; i < count; i++) {
    const picked = pickReminder(current, lib, rng);
    if (!picked) throw new Error('nothing picked');
    shown.push(picked.reminder.id);
    current = recordShown(picked.state, picked.reminder.id, NOW + i * MIN, DAY_START);
  }
  return { shown, state: current };
}

const fresh = () => initialNudgeState(NOW, DAY_START);
const chunks = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

describe('rotation with equal weights', () => {
  it.each([1, 7, 42])('200 picks (seed %d): every round of 10 is a permutation of the library', (seed) => {
    const lib = library(10);
    const { shown } = run(fresh(), lib, 200, seeded(seed));
    const ids = lib.map((r) => r.id).sort();
    for (const round of chunks(shown, 10)) expect([...round].sort()).toEqual(ids);
    // Shuffled, not a fixed order: rounds differ.
    expect(new Set(chunks(shown, 10).map((round) => round.join())).size).toBeGreaterThan(10);
  });

  it.each([2, 3, 5, 10])('a round never opens with the reminder the last one closed with (library of %d)', (size) => {
    const { shown } = run(fresh(), library(size), 200, seeded(size));
    for (let i = 1; i < shown.length; i++) expect(shown[i]).not.toBe(shown[i - 1]);
  });

  it('is deterministic for a given rng', () => {
    expect(run(fresh(), library(10), 30, seeded(5)).shown).toEqual(run(fresh(), library(10), 30, seeded(5)).shown);
    expect(run(fresh(), library(10), 30, seeded(5)).shown).not.toEqual(run(fresh(), library(10), 30, seeded(6)).shown);
  });

  it('a pick is not used up until it is shown: asking again gives the same reminder', () => {
    const rng = seeded(3);
    const first = pickReminder(fresh(), library(10), rng);
    const again = first && pickReminder(first.state, library(10), rng);
    expect(again?.reminder.id).toBe(first?.reminder.id);
  });

  it('returns the full library entry', () => {
    expect(pickReminder(fresh(), library(3), seeded(1))?.reminder.text).toMatch(/^reminder \d$/);
  });

  it('an empty library picks nothing', () => {
    expect(pickReminder(fresh(), [], seeded(1))).toBeUndefined();
  });

  it('the rotation stays plain data (survives JSON)', () => {
    const { state } = run(fresh(), library(10), 4, seeded(9));
    expect(JSON.parse(JSON.stringify(state.rotation))).toEqual(state.rotation);
    expect(state.rotation.recent.length).toBeLessThanOrEqual(RECENT_LIMIT);
  });
});

describe('rotation when the library changes', () => {
  it('new reminders join the current round; nothing shown this round repeats before it ends', () => {
    const rng = seeded(11);
    const before = library(10);
    const { shown, state } = run(fresh(), before, 4, rng);
    const after = [...before, { id: 'new1', tag: 'reframe' }, { id: 'new2', tag: 'question' }];
    const rest = run(state, after, 8, rng).shown;
    expect([...shown, ...rest].sort()).toEqual(after.map((r) => r.id).sort());
  });

  it('removed reminders are never picked again and the round goes on without them', () => {
    const rng = seeded(12);
    const before = library(10);
    const { shown, state } = run(fresh(), before, 3, rng);
    const removed = new Set(['r0', 'r1', 'r2', 'r3', 'r4'].filter((id) => !shown.includes(id)).slice(0, 2));
    const after = before.filter((r) => !removed.has(r.id));
    const rest = run(state, after, 40, rng).shown;
    for (const id of rest) expect(removed.has(id)).toBe(false);
    // The rest of the first round: exactly the ones not yet shown nor removed.
    const remaining = after.filter((r) => !shown.includes(r.id)).map((r) => r.id);
    expect(rest.slice(0, remaining.length).sort()).toEqual(remaining.sort());
  });

  it('a reminder removed and added back right after being shown is not repeated in the round', () => {
    const rng = seeded(13);
    const lib = library(10);
    const { shown, state } = run(fresh(), lib, 2, rng);
    const lastShown = shown[1] as string;
    const without = pickReminder(
      state,
      lib.filter((r) => r.id !== lastShown),
      rng,
    );
    if (!without) throw new Error('nothing picked');
    const rest = run(without.state, lib, 8, rng).shown;
    expect(rest).not.toContain(lastShown);
    expect(rest).not.toContain(shown[0]);
  });

  it('reconcile drops unknown ids from the queue and learns new ones', () => {
    const rotation = { queue: ['gone', 'a'], known: ['gone', 'a', 'b'], recent: ['b'] };
    const lib = [
      { id: 'a', tag: 't' },
      { id: 'b', tag: 't' },
      { id: 'c', tag: 't' },
    ];
    const next = reconcileRotation(rotation, lib, {}, seeded(1));
    expect([...next.queue].sort()).toEqual(['a', 'c']);
    expect([...next.known].sort()).toEqual(['a', 'b', 'c']);
  });

  it('a reminder shown elsewhere leaves the round', () => {
    const rotation = { queue: ['a', 'b', 'c'], known: ['a', 'b', 'c'], recent: [] };
    expect(markShown(rotation, 'b')).toEqual({ queue: ['a', 'c'], known: ['a', 'b', 'c'], recent: ['b'] });
  });
});

describe('rotation with her feedback', () => {
  const lib = [
    ...library(4, () => 'reframe'),
    ...library(4, () => 'question').map((r) => ({ ...r, id: `q${r.id}` })),
    ...library(4, () => 'self-compassion').map((r) => ({ ...r, id: `s${r.id}` })),
  ];
  const tagOf = new Map(lib.map((r) => [r.id, r.tag]));

  function withFeedback(): NudgeState {
    let state = fresh();
    for (let i = 0; i < 8; i++) {
      const base = { reminderId: 'x', shownAt: NOW + i * MIN };
      state = recordOutcome(state, { ...base, tag: 'reframe', outcome: 'helped', at: base.shownAt + 5_000 }, DAY_START);
      state = recordOutcome(
        state,
        { ...base, tag: 'question', outcome: 'dismissed-fast', at: base.shownAt + 1_000 },
        DAY_START,
      );
    }
    return state;
  }

  const countTags = (shown: string[]) => {
    const counts: Record<string, number> = { reframe: 0, question: 0, 'self-compassion': 0 };
    for (const id of shown) {
      const tag = tagOf.get(id) ?? '';
      counts[tag] = (counts[tag] ?? 0) + 1;
    }
    return counts;
  };

  it('a helpful theme comes clearly more often than a fast-dismissed one (2,000 seeded picks)', () => {
    const { shown } = run(withFeedback(), lib, 2000, seeded(21));
    const counts = countTags(shown);
    const reframe = counts.reframe ?? 0;
    const question = counts.question ?? 0;
    const neutral = counts['self-compassion'] ?? 0;
    expect(reframe).toBeGreaterThan(4 * question);
    expect(reframe).toBeGreaterThan(neutral);
    expect(neutral).toBeGreaterThan(question);
    // Out of favour is not gone: a fast-dismissed theme still turns up now and then.
    expect(question).toBeGreaterThan(0);
  });

  it('without feedback the themes come equally often', () => {
    const counts = countTags(run(fresh(), lib, 1200, seeded(21)).shown);
    expect(counts).toEqual({ reframe: 400, question: 400, 'self-compassion': 400 });
  });

  it('with feedback, a reminder still never comes twice in a row', () => {
    const { shown } = run(withFeedback(), lib, 2000, seeded(22));
    for (let i = 1; i < shown.length; i++) expect(shown[i]).not.toBe(shown[i - 1]);
  });

  it('nextReminder works on the rotation alone', () => {
    const picked = nextReminder(emptyRotation(), lib, {}, seeded(1));
    expect(picked?.rotation.queue).toHaveLength(lib.length);
    expect(picked?.rotation.queue[0]).toBe(picked?.reminder.id);
  });
});

describe('tag weights', () => {
  it.each<[string, number]>([
    ['reframe', 2],
    ['missing', 1],
    ['constructor', 1],
    ['huge', TAG_WEIGHT_MAX],
    ['tiny', TAG_WEIGHT_MIN],
  ])('tagWeight(%s) = %d', (tag, expected) => {
    expect(tagWeight({ reframe: 2, huge: 99, tiny: 0.001 }, tag)).toBe(expected);
  });

  it('snoozing leaves the theme alone', () => {
    const weights = { reframe: 1.5 };
    expect(adjustTagWeight(weights, 'reframe', 'snoozed-hour')).toEqual(weights);
    expect(adjustTagWeight(weights, 'reframe', 'snoozed-today')).toEqual(weights);
  });

  it.each([1, 7, 30, 365])('decay over %d days moves towards 1 without crossing it', (days) => {
    const decayed = decayTagWeights({ up: 3, down: 0.25 }, days);
    const up = decayed.up ?? 1;
    const down = decayed.down ?? 1;
    expect(up).toBeLessThan(3);
    expect(up).toBeGreaterThanOrEqual(1);
    expect(down).toBeGreaterThan(0.25);
    expect(down).toBeLessThanOrEqual(1);
  });

  it('decay is slow and symmetric: about three weeks to halve the preference (log scale)', () => {
    const decayed = decayTagWeights({ up: 2, down: 0.5 }, 21);
    expect(Math.log(decayed.up ?? 1)).toBeCloseTo(Math.log(2) * 0.97 ** 21, 10);
    expect(Math.log(decayed.up ?? 1)).toBeCloseTo(-Math.log(decayed.down ?? 1), 10);
    expect(decayed.up).toBeGreaterThan(1.4);
  });

  it('no time passed, no decay', () => {
    expect(decayTagWeights({ up: 2 }, 0)).toEqual({ up: 2 });
    expect(decayTagWeights({ up: 2 }, -3)).toEqual({ up: 2 });
  });

  it.each<[Parameters<typeof classifyOutcome>[0], number, Parameters<typeof classifyOutcome>[0]]>([
    ['not-now', 2_999, 'dismissed-fast'],
    ['not-now', 3_000, 'not-now'],
    ['dismissed-fast', 3_001, 'not-now'],
    ['helped', 500, 'helped'],
    ['ignored', 500, 'ignored'],
  ])('%s after %d ms is classified %s', (outcome, afterMs, expected) => {
    expect(classifyOutcome(outcome, NOW, NOW + afterMs)).toBe(expected);
  });
});

describe('rotation by the time of day', () => {
  it('parts the day by local hour', () => {
    expect([4, 5, 11, 12, 16, 17, 21, 22, 0].map(timeOfDay)).toEqual([
      'night',
      'morning',
      'morning',
      'afternoon',
      'afternoon',
      'evening',
      'evening',
      'night',
      'night',
    ]);
  });

  const timed = (): (NudgeReminderRef & { times: readonly TimeOfDay[] })[] => [
    { id: 'last-night', tag: 'a', times: ['morning', 'afternoon'] },
    { id: 'this-evening', tag: 'b', times: ['afternoon', 'evening'] },
    { id: 'any', tag: 'c', times: ['morning', 'afternoon', 'evening', 'night'] },
  ];
  const at = (hour: number) => new Date(2026, 10, 22, hour, 30).getTime();

  it('shows only reminders whose words fit the hour; the others keep their places in the round', () => {
    const lib = timed();
    let state = fresh();
    const shown: string[] = [];
    for (const hour of [21, 22, 9]) {
      const picked = pickReminder(state, lib, seeded(3), at(hour));
      if (!picked) throw new Error('nothing picked');
      shown.push(picked.reminder.id);
      expect(lib.find((r) => r.id === picked.reminder.id)?.times).toContain(timeOfDay(hour));
      state = recordShown(picked.state, picked.reminder.id, at(hour), DAY_START);
    }
    // Evening: "this evening" or "any"; night: only "any" fits; morning: "last night" (still in the round).
    expect(shown[1]).toBe('any');
    expect(shown[2]).toBe('last-night');
  });

  it('when nothing left in the round fits, picks one that does from outside it', () => {
    const lib = timed();
    const state = { ...fresh(), rotation: { queue: ['last-night'], known: lib.map((r) => r.id), recent: ['any'] } };
    const picked = pickReminder(state, lib, seeded(1), at(19));
    expect(picked?.reminder.id).toBe('this-evening');
    expect(picked?.state.rotation.queue).toEqual(['last-night']);
  });

  it('without a time, picks as before (the round’s first)', () => {
    const lib = timed();
    const state = { ...fresh(), rotation: { queue: ['last-night', 'any'], known: lib.map((r) => r.id), recent: [] } };
    expect(pickReminder(state, lib, seeded(1))?.reminder.id).toBe('last-night');
  });
});
