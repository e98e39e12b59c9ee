import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  REMINDER_KEY_PREFIX,
  REMINDER_KINDS,
  REMINDER_TAGS,
  REMINDER_TIMES,
  type ReminderKind,
  type ReminderTag,
  reminders,
  remindersByTag,
} from '@/utils/nudges/library';
import type { TimeOfDay } from '@/utils/nudges/timeOfDay';
import appMessages from '../../../public/_locales/en/messages.json';
import { bannedIn, finalMark, firstWord, nearDuplicates, sentenceCount } from '../../helpers/textChecks';

type MessageEntry = { message: string; description?: string; placeholders?: object };
// The reminders live in the product's English messages, under the `reminder_` prefix.
const json = Object.fromEntries(
  Object.entries(appMessages as Record<string, MessageEntry>).filter(([key]) => key.startsWith(REMINDER_KEY_PREFIX)),
);
const jsonKeys = Object.keys(json);
const textOf = (key: string): string => json[key]?.message ?? '';
const all = reminders.map((reminder) => ({ ...reminder, text: textOf(reminder.messageKey) }));

// The checkers come from tests/helpers/textChecks.ts; the last block tests them.

describe('reminder library and messages', () => {
  it('has a message for every library entry', () => {
    const missing = reminders.filter((reminder) => !(reminder.messageKey in json)).map((r) => r.messageKey);
    expect(missing).toEqual([]);
  });

  it('has a library entry for every message', () => {
    const listed = new Set(reminders.map((reminder) => reminder.messageKey));
    expect(jsonKeys.filter((key) => !listed.has(key))).toEqual([]);
  });

  it('has no key written twice in the JSON file (JSON.parse would keep only the last)', () => {
    const raw = readFileSync(join(__dirname, '../../../public/_locales/en/messages.json'), 'utf8');
    const written = [...raw.matchAll(/^\s*"(reminder_[^"]+)"\s*:\s*\{/gm)].map((m) => m[1]);
    expect(written).toHaveLength(jsonKeys.length);
  });

  it('has unique ids, and keys that are the prefix plus the id', () => {
    const ids = reminders.map((reminder) => reminder.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    for (const reminder of reminders) expect(reminder.messageKey).toBe(`${REMINDER_KEY_PREFIX}${reminder.id}`);
  });

  it('uses keys Chrome accepts and snake-case slugs as ids', () => {
    // Chrome: message names are [A-Za-z0-9_], compared case-insensitively, and "@@" is reserved.
    const bad = jsonKeys.filter((key) => !/^[A-Za-z0-9_]+$/.test(key) || key.startsWith('@@'));
    expect(bad).toEqual([]);
    const lower = jsonKeys.map((key) => key.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
    expect(reminders.filter((r) => !/^[a-z0-9]+(?:_[a-z0-9]+)*$/.test(r.id)).map((r) => r.id)).toEqual([]);
  });

  it('gives every message only a message and a description naming its tag and kind', () => {
    const wrong = reminders.flatMap((reminder) => {
      const entry = json[reminder.messageKey];
      const expected = `Reminder (${reminder.tag}, ${reminder.kind}).`;
      const fields = Object.keys(entry ?? {}).sort();
      return entry?.description === expected && fields.join() === 'description,message'
        ? []
        : [`${reminder.messageKey}: ${JSON.stringify(entry)} (want "${expected}")`];
    });
    expect(wrong).toEqual([]);
  });

  it('uses only known tags and kinds', () => {
    for (const reminder of reminders) {
      expect(REMINDER_TAGS).toContain(reminder.tag);
      expect(REMINDER_KINDS).toContain(reminder.kind);
    }
  });
});

describe('time of day', () => {
  /** Words that tie a reminder to part of the day, and the parts it may then show in. */
  const RULES: [RegExp, TimeOfDay[]][] = [
    [/last night/i, ['morning', 'afternoon']],
    [/this evening|your evening|tonight/i, ['afternoon', 'evening']],
    [/counts as dinner|before dinner|after dinner/i, ['afternoon', 'evening']],
    [/breakfast|\bnap\b|ordinary morning/i, ['morning', 'afternoon']],
    [/rough afternoon/i, ['afternoon']],
    [
      /(already|handled|did|done|you've thought).{0,60}today|today.{0,40}went right/i,
      ['afternoon', 'evening', 'night'],
    ],
  ];

  it('shows each reminder only at the times its words fit', () => {
    const misfits: string[] = [];
    for (const reminder of all) {
      for (const [words, allowed] of RULES) {
        if (!words.test(reminder.text)) continue;
        const wrong = reminder.times.filter((time) => !allowed.includes(time));
        if (wrong.length > 0) misfits.push(`${reminder.id} (${wrong.join(', ')}): ${reminder.text}`);
      }
    }
    expect(misfits).toEqual([]);
  });

  it('names only reminders that exist, and keeps most of them for any time', () => {
    const ids = new Set(reminders.map((reminder) => reminder.id));
    expect(Object.keys(REMINDER_TIMES).filter((id) => !ids.has(id))).toEqual([]);
    for (const reminder of reminders) expect(reminder.times.length, reminder.id).toBeGreaterThan(0);
    // At night there is still plenty to choose from.
    expect(reminders.filter((reminder) => reminder.times.includes('night')).length).toBeGreaterThan(60);
  });
});

describe('coverage', () => {
  it('has at least 90 reminders', () => {
    expect(reminders.length).toBeGreaterThanOrEqual(90);
  });

  it('keeps out the lines taken out for good: guilt she did not have, permission to keep scrolling, clichés, unclear or body-only lines, near-twins', () => {
    const gone = [
      'fresh_start_today',
      'forgive_like_your_child',
      'borrow_your_own_tone',
      'screen_time_afternoon',
      'nap_is_care',
      'forward_not_back',
      'who_profits',
      'feeling_weather_report',
      'sink_or_floor_time',
      'unclench_jaw',
      'roll_neck_as_is',
      'eyes_off_the_screen',
      'water_and_window',
      'rooms_cleared_for_photo',
      'connected_or_smaller',
      'more_of_less_of',
      'credit_for_today',
      'done_list',
    ];
    expect(reminders.filter((reminder) => gone.includes(reminder.id)).map((reminder) => reminder.id)).toEqual([]);
  });

  it('carries what the articles stress: guilt as caring, a feeling not a fact, old rules, work and home, herself, the mental load', () => {
    const text = all.map((reminder) => reminder.text).join(' ');
    for (const idea of [
      /because you care/,
      /a feeling, not a verdict/,
      /voice/,
      /on the way to work/,
      /Staying home/,
      /besides a parent/,
      /invisible list/,
    ]) {
      expect(text).toMatch(idea);
    }
  });

  it.each(REMINDER_TAGS)('covers "%s" with at least 5 reminders of at least two kinds', (tag) => {
    const inTag = remindersByTag(tag);
    expect(inTag.length).toBeGreaterThanOrEqual(5);
    expect(new Set(inTag.map((reminder) => reminder.kind)).size).toBeGreaterThanOrEqual(2);
  });

  it.each(REMINDER_KINDS)('uses the kind "%s"', (kind) => {
    expect(reminders.some((reminder) => reminder.kind === kind)).toBe(true);
  });

  it('remindersByTag partitions the library', () => {
    const regrouped = REMINDER_TAGS.flatMap((tag: ReminderTag) => remindersByTag(tag));
    expect(regrouped).toHaveLength(reminders.length);
    expect(new Set(regrouped)).toEqual(new Set(reminders));
    for (const tag of REMINDER_TAGS) expect(remindersByTag(tag).every((reminder) => reminder.tag === tag)).toBe(true);
  });
});

describe('style', () => {
  it('keeps every reminder between 15 and 140 characters', () => {
    const outside = all.filter((r) => r.text.length < 15 || r.text.length > 140);
    expect(outside.map((r) => `${r.messageKey} (${r.text.length}): ${r.text}`)).toEqual([]);
  });

  it('keeps every reminder to one or two sentences, with no stray spaces', () => {
    const long = all.filter((r) => sentenceCount(r.text) < 1 || sentenceCount(r.text) > 2);
    expect(long.map((r) => `${r.messageKey}: ${r.text}`)).toEqual([]);
    const untidy = all.filter((r) => r.text !== r.text.trim() || /\s{2,}/.test(r.text));
    expect(untidy.map((r) => r.messageKey)).toEqual([]);
  });

  it('never uses a banned word or phrasing', () => {
    const flagged = all
      .map((r) => ({ key: r.messageKey, text: r.text, hits: bannedIn(r.text) }))
      .filter((r) => r.hits.length > 0);
    expect(flagged.map((r) => `${r.key} [${r.hits.join(', ')}]: ${r.text}`)).toEqual([]);
  });

  it('ends questions with "?" and statements and actions with "."', () => {
    const wanted: Record<ReminderKind, string> = { question: '?', statement: '.', action: '.' };
    const wrong = all.filter((r) => finalMark(r.text) !== wanted[r.kind]);
    expect(wrong.map((r) => `${r.messageKey} (${r.kind}): ${r.text}`)).toEqual([]);
  });

  it('does not say "mom" in most reminders: she may be any parent', () => {
    const naming = all.filter((r) => /\b(?:mom|mum|mother)s?\b/i.test(r.text));
    expect(naming.length).toBeLessThanOrEqual(Math.floor(reminders.length / 4));
  });

  it('varies openings: no first word starts more than a tenth of the reminders', () => {
    const counts = new Map<string, number>();
    for (const r of all) {
      const first = firstWord(r.text);
      counts.set(first, (counts.get(first) ?? 0) + 1);
    }
    const limit = Math.ceil(reminders.length / 10);
    expect([...counts].filter(([, count]) => count > limit)).toEqual([]);
  });

  it('has no duplicates or near-duplicates', () => {
    const texts = all.map((r) => r.text.toLowerCase());
    expect(texts.filter((text, index) => texts.indexOf(text) !== index)).toEqual([]);
    expect(nearDuplicates(all.map((r) => ({ key: r.messageKey, text: r.text })))).toEqual([]);
  });
});

describe('the checkers themselves', () => {
  it.each([
    ['You should rest more.', 'should'],
    ["Shouldn't you be folding laundry?", 'should'],
    ['You MUST slow down.', 'must'],
    ['You need to stop.', 'need to'],
    ['She has to do it all.', 'have to'],
    ['Nobody is lazy here.', 'lazy'],
    ['You are not a bad mom.', 'bad mom'],
    ['A bad mother would not ask.', 'bad mom'],
    ['This is not a failure.', 'failure'],
    ['You are not failing.', 'failure'],
    ['Resting is not selfish.', 'selfish'],
    ['Mute toxic accounts.', 'toxic'],
    ['You are guilty of nothing.', 'guilty of'],
    ['Nobody can diagnose you here.', 'diagnosis'],
    ['Feeling depressed after scrolling?', 'depression'],
    ['This is not an anxiety disorder.', 'anxiety'],
    ['Trauma shapes us.', 'trauma'],
    ['Think of this as therapy.', 'therapy'],
    ['A cure for comparison.', 'cure'],
    ['Treat yourself gently.', 'treatment'],
    ['Clinically tested calm.', 'clinically'],
    ['A proven way to feel better.', 'proven'],
    ['This will fix the guilt.', 'promise'],
    ['You can do it!', 'exclamation mark'],
    ['Breathe \u{1F33F}', 'emoji'],
    ['Take a breath \u2764\uFE0F', 'emoji'],
    ['Cost: $5', 'placeholder sign'],
  ])('flags %j as %s', (sample, label) => {
    expect(bannedIn(sample)).toContain(label);
  });

  it.each([
    'Pass the mustard, please.',
    'A secure, calm evening.',
    'We have two kids and a dog.',
    'Take three slow breaths before the next post.',
  ])('does not flag the harmless %j', (sample) => {
    expect(bannedIn(sample)).toEqual([]);
  });

  it('counts sentences and finds the final mark past closing quotes', () => {
    expect(sentenceCount('One. Two? Three.')).toBe(3);
    expect(sentenceCount('Is "this" a fact, or a guess?')).toBe(1);
    expect(sentenceCount('The thought "I am behind." could soften.')).toBe(2);
    expect(finalMark('It could be "I am carrying a lot."')).toBe('.');
    expect(finalMark('Is it "enough for today?"')).toBe('?');
  });

  it('catches a reworded reminder and lets distinct ones pass', () => {
    const reworded = [
      { key: 'a', text: 'You are seeing one curated moment, not a whole life.' },
      { key: 'b', text: "You're seeing a curated moment, not the whole of a life." },
      { key: 'c', text: 'Take three slow breaths before the next post.' },
    ];
    const found = nearDuplicates(reworded);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('a "You are seeing');
    expect(found[0]).toContain('b "You');
  });
});
