/**
 * The journal prompts the popup offers: which exist, the idea from the therapists' articles
 * each comes from, and which one to show on a given day. Pure: no `browser.*`, no DOM.
 * The words are `prompt_<id>` messages in public/_locales; tests/unit/journal/prompts.test.ts
 * keeps this list and those messages in step and checks the words themselves.
 */
import { type DayKey, isDayKey } from '../time/day';

/** The ideas a prompt can carry, one each. */
export const PROMPT_TAGS = [
  'guilt-source', // where this guilt comes from: comparison, family, culture, her own standard
  'absorbed-rule', // a "good mother" rule taken in along the way: true, or only tradition?
  'sign-of-caring', // guilt as a sign of caring
  'feeling-not-fact', // a feeling, not a verdict on her
  'kind-phrase', // a compassionate phrase for when guilt spikes
  'feed-boundary', // one account, place or habit that feeds it, and one small boundary
  'old-belief', // an old belief and a truer one
  'repair', // words for repair after losing her cool
  'remembered', // what she hopes her child remembers; being present
  'unseen-values', // what she values that the feed never shows
  'beyond-mother', // who she is besides a mother
  'unseen-work', // what she did today that nobody saw; the mental load
] as const;
export type PromptTag = (typeof PROMPT_TAGS)[number];

export interface Prompt {
  /** Stable slug; also the message key without its prefix. Stored with journal entries. */
  id: string;
  tag: PromptTag;
  /** The `browser.i18n` message key: `prompt_<id>`. */
  messageKey: string;
}

export const PROMPT_KEY_PREFIX = 'prompt_';

/** Ids per tag. Ids are stable (entries keep them): rename one only with its message key. */
const catalogue: { readonly [T in PromptTag]: readonly string[] } = {
  'guilt-source': ['just_before_guilt', 'whose_standard', 'when_guilt_visits', 'measured_against'],
  'absorbed-rule': ['one_good_mother_rule', 'rule_you_grew_up_with', 'rule_rewritten', 'admired_rule_breaker'],
  'sign-of-caring': ['what_guilt_protects', 'love_underneath', 'care_one_small_act', 'change_or_be_heard'],
  'feeling-not-fact': ['thought_and_what_happened', 'evidence_both_ways', 'name_loudest_feeling', 'friend_watched_day'],
  'kind-phrase': ['sentence_for_spikes', 'words_you_give_your_child', 'permission_slip', 'three_words_to_keep'],
  'feed-boundary': [
    'account_leaves_you_smaller',
    'opening_without_deciding',
    'accounts_like_yourself',
    'feed_free_place',
  ],
  'old-belief': ['old_belief_truer_one', 'belief_stirred', 'belief_from_scrolling', 'what_child_needs_this_week'],
  repair: ['words_after_losing_cool', 'finding_each_other_again', 'forgiving_yourself_too', 'what_sorry_teaches'],
  remembered: ['ordinary_days_remembered', 'unposted_moment_to_keep', 'five_minutes_fully_there', 'told_to_a_friend'],
  'unseen-values': ['value_not_in_photos', 'one_word_for_home', 'matters_cannot_be_liked', 'let_slide_on_purpose'],
  'beyond-mother': ['three_things_yours', 'loved_before_children', 'part_wanting_time', 'proud_of_your_work'],
  'unseen-work': ['nobody_saw_today', 'kept_in_mind_today', 'enough_by_your_measure', 'thank_you_note'],
};

/**
 * Every prompt, taken in turn from each idea (the first of each, then the second of each...),
 * so the next prompt in this order always carries a different idea from the one before.
 */
export const prompts: readonly Prompt[] = Object.freeze(
  Array.from({ length: Math.max(...PROMPT_TAGS.map((tag) => catalogue[tag].length)) }, (_, round) =>
    PROMPT_TAGS.flatMap((tag) => {
      const id = catalogue[tag][round];
      return id === undefined ? [] : [{ id, tag, messageKey: `${PROMPT_KEY_PREFIX}${id}` }];
    }),
  ).flat(),
);

const byId = new Map(prompts.map((prompt) => [prompt.id, prompt]));

export function promptById(id: string | undefined): Prompt | undefined {
  return id === undefined ? undefined : byId.get(id);
}

/** Whole days from 1970-01-01 to `day` (calendar arithmetic, no time zone involved). */
function dayNumber(day: DayKey): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(year, month - 1, date) / 86_400_000);
}

/** The prompt after `id` in the rotation (the first when `id` is unknown). */
export function nextPrompt(id: string | undefined): Prompt {
  const index = prompts.findIndex((prompt) => prompt.id === id);
  return prompts[(index + 1) % prompts.length] as Prompt;
}

/** What the popup showed last: the day and the prompt (kept so a reopened popup shows the same). */
export interface ShownPrompt {
  day: DayKey;
  id: string;
}

/**
 * The prompt for `day`: the one she was shown earlier that day (after "Another prompt", too),
 * else the day's place in the rotation, moved on by one when that is the prompt she saw last
 * (so the same prompt never shows two days running, whatever "Another prompt" chose).
 */
export function promptForDay(day: DayKey, shown: ShownPrompt | null | undefined): Prompt {
  if (!isDayKey(day)) return prompts[0] as Prompt;
  const earlier = shown?.day === day ? promptById(shown.id) : undefined;
  if (earlier) return earlier;
  const turn = prompts[((dayNumber(day) % prompts.length) + prompts.length) % prompts.length] as Prompt;
  return shown && shown.id === turn.id ? nextPrompt(turn.id) : turn;
}
