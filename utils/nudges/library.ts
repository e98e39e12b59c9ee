/**
 * The library of reminders shown in passive nudges while she scrolls: which reminders exist,
 * the idea from the therapists' articles each is tagged with, and its kind.
 * Pure: no `browser.*`, no DOM. The words themselves are `reminder_<id>` messages in
 * public/_locales, read through `browser.i18n`; tests/unit/nudges/library.test.ts checks that
 * this list and those messages stay in step, and checks the words themselves.
 */

import { TIMES_OF_DAY, type TimeOfDay } from './timeOfDay';

/** The ideas a reminder can carry, one each. */
export const REMINDER_TAGS = [
  'highlight-reel', // what is outside the frame of a post
  'common-humanity', // others feel this too
  'self-kindness', // a gentler inner voice
  'noticing', // mindfulness: noticing the feeling as it comes
  'reframe', // a fairer version of a guilt thought
  'repair', // coming back together matters more than never slipping
  'values', // what she wants her child to remember
  'boundaries', // compassionate boundaries: mute, unfollow, limit time
  'body', // the body and "bounce back" pressure
  'spotless-home', // the styled, spotless house
  'do-it-all', // the all-in-one productive mom
  'rest', // rest without guilt
] as const;
export type ReminderTag = (typeof REMINDER_TAGS)[number];

/** A statement, a question to sit with, or one tiny action ("three slow breaths"). */
export const REMINDER_KINDS = ['statement', 'question', 'action'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export interface Reminder {
  /** Stable slug describing the content; also the message key without its prefix. */
  id: string;
  tag: ReminderTag;
  kind: ReminderKind;
  /** The parts of the day its words fit ("last night" in the morning, "this evening" not at night). */
  times: readonly TimeOfDay[];
  /** The `browser.i18n` message key: `reminder_<id>`. */
  messageKey: string;
}

export const REMINDER_KEY_PREFIX = 'reminder_';

/** Ids and kinds per tag. Ids are stable: rename one only together with its message key. */
const catalogue: { readonly [T in ReminderTag]: readonly (readonly [id: string, kind: ReminderKind])[] } = {
  'highlight-reel': [
    ['counter_past_the_edge', 'statement'],
    ['one_chosen_second', 'statement'],
    ['car_argument_unposted', 'statement'],
    ['smile_hides_tiredness', 'statement'],
    ['five_minutes_before', 'question'],
    ['how_many_takes', 'question'],
    ['your_best_minute', 'question'],
    ['camera_turned_around', 'action'],
    ['name_what_photo_hides', 'action'],
  ],
  'common-humanity': [
    ['work_guilt_shared', 'statement'],
    ['home_guilt_shared', 'statement'],
    ['same_tight_feeling', 'statement'],
    ['her_unfilmed_nights', 'statement'],
    ['feeling_behind_shared', 'statement'],
    ['ordinary_mornings_everywhere', 'statement'],
    ['awake_replaying', 'question'],
    ['friend_admits_struggle', 'question'],
    ['two_word_hello', 'action'],
    ['school_gate_parents', 'action'],
  ],
  'self-kindness': [
    ['old_voice_new_rules', 'question'],
    ['gentle_and_caring', 'statement'],
    ['judging_voice_not_only', 'statement'],
    ['allowed_to_be_learning', 'statement'],
    ['best_friend_same_day', 'question'],
    ['hand_over_heart', 'action'],
  ],
  noticing: [
    ['where_guilt_sits', 'action'],
    ['envy_comes_and_goes', 'statement'],
    ['noticing_the_sting', 'statement'],
    ['what_last_post_stirred', 'question'],
    ['mood_since_you_started', 'question'],
    ['three_slow_breaths', 'action'],
    ['where_it_lands', 'action'],
  ],
  reframe: [
    ['guilt_means_you_care', 'statement'],
    ['feeling_not_verdict', 'statement'],
    ['behind_or_carrying', 'statement'],
    ['love_and_time_away', 'statement'],
    ['frozen_pizza_counts', 'statement'],
    ['fact_or_guess', 'question'],
    ['change_or_old_rule', 'question'],
    ['always_never_everyone', 'question'],
    ['rewrite_harshest_thought', 'action'],
    ['add_for_now', 'action'],
  ],
  repair: [
    ['rough_morning_warm_bedtime', 'statement'],
    ['owning_a_mistake', 'statement'],
    ['closeness_grows_back', 'statement'],
    ['what_helped_last_time', 'question'],
    ['small_do_over', 'action'],
    ['one_that_went_right', 'action'],
  ],
  values: [
    ['besides_a_parent', 'question'],
    ['feed_gets_no_vote', 'statement'],
    ['quiet_values', 'statement'],
    ['lived_not_looked', 'statement'],
    ['years_from_now', 'question'],
    ['want_or_looks_good', 'question'],
    ['makes_no_sense_to_strangers', 'question'],
    ['three_words_parent', 'action'],
    ['keep_one_moment', 'action'],
  ],
  boundaries: [
    ['unfollowing_not_unkind', 'statement'],
    ['limit_for_future_you', 'statement'],
    ['feed_free_hours', 'statement'],
    ['adds_or_takes', 'question'],
    ['how_much_more_today', 'question'],
    ['mute_one_account', 'action'],
    ['set_a_stopping_point', 'action'],
  ],
  body: [
    ['before_after_leaves_out', 'statement'],
    ['body_has_history', 'statement'],
    ['comfort_over_old_jeans', 'statement'],
    ['what_body_did_today', 'question'],
    ['bounce_back_is_sold', 'statement'],
    ['stretch_for_feel', 'action'],
  ],
  'spotless-home': [
    ['crumbs_proof_of_breakfast', 'statement'],
    ['laundry_is_patient', 'statement'],
    ['home_for_people_in_it', 'statement'],
    ['catalogue_home', 'question'],
    ['one_room_good_enough', 'action'],
    ['find_what_feels_yours', 'action'],
  ],
  'do-it-all': [
    ['invisible_list_is_work', 'statement'],
    ['hand_over_one_item', 'action'],
    ['too_many_roles', 'statement'],
    ['help_out_of_frame', 'statement'],
    ['fed_and_to_bed', 'statement'],
    ['could_wait_a_week', 'question'],
    ['enough_for_today', 'question'],
    ['unseen_carrying', 'question'],
    ['ask_for_specific_help', 'action'],
  ],
  rest: [
    ['rest_before_the_list', 'statement'],
    ['sitting_down_unearned', 'statement'],
    ['tired_is_reason_enough', 'statement'],
    ['rest_without_explaining', 'question'],
    ['which_rest_helps', 'question'],
    ['scroll_resting_you', 'question'],
  ],
};

const EARLY: readonly TimeOfDay[] = ['morning', 'afternoon'];
const LATER: readonly TimeOfDay[] = ['afternoon', 'evening', 'night'];
const DAYTIME: readonly TimeOfDay[] = ['afternoon', 'evening'];

/**
 * The reminders whose words belong to part of the day (every other one fits any time): what
 * happened "last night" is for the morning and afternoon; what she "already did today" is for
 * later in the day; "this evening" and dinner are for the afternoon and evening.
 */
export const REMINDER_TIMES: { readonly [id: string]: readonly TimeOfDay[] } = {
  ordinary_mornings_everywhere: EARLY,
  awake_replaying: EARLY,
  crumbs_proof_of_breakfast: EARLY,
  could_wait_a_week: EARLY,
  enough_for_today: EARLY,
  ask_for_specific_help: EARLY,
  frozen_pizza_counts: DAYTIME,
  rough_morning_warm_bedtime: DAYTIME,
  unfollowing_not_unkind: DAYTIME,
  one_room_good_enough: ['morning', 'afternoon', 'evening'],
  rewrite_harshest_thought: LATER,
  one_that_went_right: LATER,
  what_body_did_today: LATER,
  unseen_carrying: LATER,
};

export const reminders: readonly Reminder[] = Object.freeze(
  REMINDER_TAGS.flatMap((tag) =>
    catalogue[tag].map(([id, kind]) =>
      Object.freeze({
        id,
        tag,
        kind,
        times: REMINDER_TIMES[id] ?? TIMES_OF_DAY,
        messageKey: `${REMINDER_KEY_PREFIX}${id}`,
      }),
    ),
  ),
);

const byTag = new Map<ReminderTag, readonly Reminder[]>(
  REMINDER_TAGS.map((tag) => [tag, Object.freeze(reminders.filter((reminder) => reminder.tag === tag))]),
);

/** The reminders carrying one idea, in library order. */
export function remindersByTag(tag: ReminderTag): readonly Reminder[] {
  return byTag.get(tag) ?? [];
}
