/**
 * Which reminder comes next, as pure functions over plain data.
 *
 * Reminders are shown in rounds: a round is a shuffled list of reminder ids and none repeats
 * until the rest of its round has been shown (people learn to ignore a fixed message, so
 * rotation keeps them fresh). Her feedback gives each theme (tag) a weight in [0.25, 3]; a
 * reminder joins a round with probability weight / (highest weight in the library), so over
 * many rounds each reminder is shown in proportion to its theme's weight, and with equal
 * weights every round holds the whole library.
 *
 * Randomness comes from an injected `rng` (like Math.random: a number in [0, 1)), so the
 * choice is deterministic in tests.
 */

/** The minimum a reminder needs for the rotation; the library's entries carry more. */
export interface NudgeReminderRef {
  id: string;
  tag: string;
}

export interface RotationState {
  /** Ids still to show in the current round, next first. */
  queue: string[];
  /** Every id the rotation has taken into account, so new ids in the library can be told apart. */
  known: string[];
  /** The ids shown most recently, newest last (at most RECENT_LIMIT). */
  recent: string[];
}

/** Per-tag weight; a missing tag weighs 1. */
export type TagWeights = Record<string, number>;

/**
 * What happened after a nudge was shown: the one list (the protocol checks messages against it,
 * the card reports all but `dismissed-fast`, which the scheduler derives from a quick "not now").
 * `ignored`: left alone until it went away by itself, not a rejection of the theme.
 */
export const NUDGE_OUTCOMES = [
  'helped',
  'not-now',
  'dismissed-fast',
  'snoozed-hour',
  'snoozed-today',
  'ignored',
] as const;

export type NudgeOutcome = (typeof NUDGE_OUTCOMES)[number];

/** What the card itself can report. */
export type CardOutcome = Exclude<NudgeOutcome, 'dismissed-fast'>;

export const TAG_WEIGHT_MIN = 0.25;
export const TAG_WEIGHT_MAX = 3;
export const RECENT_LIMIT = 8;
/** A dismissal this soon after showing means "not this theme", not "not now". */
export const FAST_DISMISS_MS = 3_000;

/**
 * Gentle multiplicative steps: about six "helped" take a theme from 1 to the top, about six
 * fast dismissals to the bottom. Snoozing is about nudges in general, not the theme.
 */
const OUTCOME_FACTOR: Record<NudgeOutcome, number> = {
  helped: 1.2,
  'not-now': 0.95,
  'dismissed-fast': 0.8,
  ignored: 0.98,
  'snoozed-hour': 1,
  'snoozed-today': 1,
};

/**
 * Per day, a weight keeps this share of its distance from 1 (on a log scale): a half-life of
 * about three weeks, so old feedback fades and a theme she once waved away gets another chance.
 */
export const DAILY_WEIGHT_DECAY = 0.97;
/** Weights this close to 1 are dropped from the record (they weigh 1 again). */
const SNAP_TO_ONE = Math.log(1.01);

function clampWeight(weight: number): number {
  return Math.min(TAG_WEIGHT_MAX, Math.max(TAG_WEIGHT_MIN, weight));
}

export function tagWeight(weights: TagWeights, tag: string): number {
  // Own properties only: a tag called "constructor" must not read Object.prototype.
  const weight = Object.hasOwn(weights, tag) ? weights[tag] : undefined;
  return weight !== undefined && Number.isFinite(weight) ? clampWeight(weight) : 1;
}

/**
 * A plain "not now" within FAST_DISMISS_MS counts as a fast dismissal, and a "fast" one after
 * it as a plain one: the 3-second rule lives here, whatever the caller labelled it.
 */
export function classifyOutcome(outcome: NudgeOutcome, shownAt: number, at: number): NudgeOutcome {
  if (outcome !== 'not-now' && outcome !== 'dismissed-fast') return outcome;
  if (!Number.isFinite(shownAt) || !Number.isFinite(at)) return outcome;
  return at - shownAt < FAST_DISMISS_MS ? 'dismissed-fast' : 'not-now';
}

function withWeight(weights: TagWeights, tag: string, weight: number): TagWeights {
  const next: TagWeights = {};
  for (const [key, value] of Object.entries(weights)) if (key !== tag) next[key] = value;
  if (Math.abs(Math.log(weight)) >= SNAP_TO_ONE) next[tag] = weight;
  return next;
}

/** The weights after feedback on one theme. */
export function adjustTagWeight(weights: TagWeights, tag: string, outcome: NudgeOutcome): TagWeights {
  const factor = OUTCOME_FACTOR[outcome];
  if (factor === 1) return weights;
  return withWeight(weights, tag, clampWeight(tagWeight(weights, tag) * factor));
}

/** Every weight moved back towards 1 for `days` days passed. */
export function decayTagWeights(weights: TagWeights, days: number): TagWeights {
  if (!(days > 0)) return weights;
  const keep = DAILY_WEIGHT_DECAY ** days;
  let next: TagWeights = {};
  for (const tag of Object.keys(weights)) {
    next = withWeight(next, tag, Math.exp(Math.log(tagWeight(weights, tag)) * keep));
  }
  return next;
}

export function emptyRotation(): RotationState {
  return { queue: [], known: [], recent: [] };
}

function uniqueIds(library: readonly NudgeReminderRef[]): string[] {
  return [...new Set(library.map((reminder) => reminder.id))];
}

function shuffle<T>(items: T[], rng: () => number): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(rng() * (i + 1)));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

/**
 * A new round: each id joins with probability weight / top weight, in shuffled order, then the
 * ids shown last go to the end, so a round never opens with what the previous one just showed.
 * Only the last half-round's worth is moved, so small libraries still change order.
 */
function buildRound(
  library: readonly NudgeReminderRef[],
  weights: TagWeights,
  recent: readonly string[],
  rng: () => number,
): string[] {
  const tagOf = new Map<string, string>();
  for (const reminder of library) if (!tagOf.has(reminder.id)) tagOf.set(reminder.id, reminder.tag);
  const ids = [...tagOf.keys()];
  const weightOf = (id: string) => tagWeight(weights, tagOf.get(id) ?? '');
  const top = Math.max(...ids.map(weightOf));
  let members = ids.filter((id) => {
    const chance = weightOf(id) / top;
    return chance >= 1 || rng() < chance;
  });
  // Cannot happen (the top-weighted theme always joins), but a round is never empty.
  if (members.length === 0) members = ids.filter((id) => weightOf(id) === top);
  const shuffled = shuffle(members, rng);
  const holdBack = recent.slice(-Math.min(RECENT_LIMIT, Math.floor(shuffled.length / 2)));
  if (holdBack.length === 0) return shuffled;
  const held = new Set(holdBack);
  const last = holdBack.filter((id) => shuffled.includes(id));
  return [...shuffled.filter((id) => !held.has(id)), ...last];
}

/**
 * Bring the rotation in line with the library: removed ids leave the queue; ids new to the
 * rotation join the current round at a random place (unless shown recently: a reminder
 * removed and added back is not repeated); an empty queue starts a new round.
 */
export function reconcileRotation(
  rotation: RotationState,
  library: readonly NudgeReminderRef[],
  weights: TagWeights,
  rng: () => number,
): RotationState {
  const ids = uniqueIds(library);
  if (ids.length === 0) return { ...rotation, queue: [], known: [] };
  const inLibrary = new Set(ids);
  const queue = [...new Set(rotation.queue)].filter((id) => inLibrary.has(id));
  const known = new Set(rotation.known.filter((id) => inLibrary.has(id)));
  if (queue.length === 0) {
    return { queue: buildRound(library, weights, rotation.recent, rng), known: ids, recent: rotation.recent };
  }
  const recent = new Set(rotation.recent);
  for (const id of ids) {
    if (known.has(id)) continue;
    known.add(id);
    if (recent.has(id)) continue;
    queue.splice(Math.min(queue.length, Math.floor(rng() * (queue.length + 1))), 0, id);
  }
  return { queue, known: [...known], recent: rotation.recent };
}

/**
 * The reminder to show next and the reconciled rotation: the first in the round that `fits`
 * (the time of day), the rest keeping their places. The pick is not used up until
 * `markShown`: asking again before showing gives the same reminder. `undefined` when the
 * library is empty.
 */
export function nextReminder<R extends NudgeReminderRef>(
  rotation: RotationState,
  library: readonly R[],
  weights: TagWeights,
  rng: () => number,
  fits: (reminder: R) => boolean = () => true,
): { reminder: R; rotation: RotationState } | undefined {
  const next = reconcileRotation(rotation, library, weights, rng);
  const byId = new Map(library.map((candidate) => [candidate.id, candidate]));
  // The first in the round that fits now; the others keep their places for a better time.
  for (const id of next.queue) {
    const reminder = byId.get(id);
    if (reminder && fits(reminder)) return { reminder, rotation: next };
  }
  // Nothing left in this round fits now: one that does, from outside it (not shown lately, if any).
  const fitting = library.filter(fits);
  const fresh = fitting.filter((candidate) => !next.recent.includes(candidate.id));
  const pool = fresh.length > 0 ? fresh : fitting;
  const reminder = pool[Math.min(pool.length - 1, Math.floor(rng() * pool.length))];
  return reminder ? { reminder, rotation: next } : undefined;
}

/** A reminder was shown (from this pick or any other): out of the round, into `recent`. */
export function markShown(rotation: RotationState, reminderId: string): RotationState {
  return {
    queue: rotation.queue.filter((id) => id !== reminderId),
    known: rotation.known,
    recent: [...rotation.recent.filter((id) => id !== reminderId), reminderId].slice(-RECENT_LIMIT),
  };
}
