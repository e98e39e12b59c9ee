import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  REMINDER_KEY_PREFIX,
  REMINDER_KINDS,
  REMINDER_TAGS,
  type ReminderKind,
  type ReminderTag,
  reminders,
  remindersByTag,
} from '@/utils/nudges/library';
import appMessages from '../../../public/_locales/en/messages.json';

type MessageEntry = { message: string; description?: string; placeholders?: object };
// The reminders live in the product's English messages, under the `reminder_` prefix.
const json = Object.fromEntries(
  Object.entries(appMessages as Record<string, MessageEntry>).filter(([key]) => key.startsWith(REMINDER_KEY_PREFIX)),
);
const jsonKeys = Object.keys(json);
const textOf = (key: string): string => json[key]?.message ?? '';
const all = reminders.map((reminder) => ({ ...reminder, text: textOf(reminder.messageKey) }));

// Checkers used by the content tests below; the last block tests the checkers themselves.

/** Words and phrasings we never show: commands, shaming, diagnoses, treatment and promise talk. */
const BANNED: readonly (readonly [label: string, pattern: RegExp])[] = [
  ['should', /\bshould(?:n['’]?t)?\b/i],
  ['must', /\bmust(?:n['’]?t)?\b/i],
  ['need to', /\bneeds? to\b/i],
  ['have to', /\b(?:have|has|had) to\b/i],
  ['ought to', /\bought to\b/i],
  ['supposed to', /\bsupposed to\b/i],
  ['lazy', /\blaz(?:y|iness)\b/i],
  ['bad mom', /\bbad (?:mom|mum|mother|parent)s?\b/i],
  ['worst mom', /\bworst (?:mom|mum|mother|parent)\b/i],
  ['failure', /\bfail(?:s|ed|ing|ure|ures)?\b/i],
  ['selfish', /\bselfish/i],
  ['toxic', /\btoxic/i],
  ['guilty of', /\bguilty of\b/i],
  ['diagnosis', /\bdiagnos/i],
  ['depression', /\bdepress/i],
  ['anxiety', /\banxiety\b/i],
  ['disorder', /\bdisorder/i],
  ['trauma', /\btrauma/i],
  ['therapy', /\btherap/i],
  ['cure', /\bcur(?:e|es|ed|ing)\b/i],
  ['treatment', /\btreat/i],
  ['clinically', /\bclinical/i],
  ['proven', /\bproven\b/i],
  ['postpartum', /\bpost-?partum\b/i],
  ['heal', /\bheal(?:s|ed|ing)?\b/i],
  ['promise', /\b(?:guarantee|will (?:fix|cure|heal|stop)|fixes)\b/i],
  ['exclamation mark', /!/],
  ['emoji', /\p{Extended_Pictographic}/u],
  ['placeholder sign', /\$/],
];

function bannedIn(text: string): string[] {
  return BANNED.filter(([, pattern]) => pattern.test(text)).map(([label]) => label);
}

/** Sentences: text up to a `.`, `?` or `!` (and any closing quote) followed by a space or the end. */
function sentenceCount(text: string): number {
  return text.match(/[^.?!]+(?:[.?!]+["'”’)]*(?=\s|$)|$)/g)?.filter((part) => part.trim() !== '').length ?? 0;
}

/** The last character that is not a closing quote or bracket. */
function finalMark(text: string): string {
  return text.replace(/["'”’)\s]+$/, '').slice(-1);
}

/** The first word, lowercase, without a contraction's tail ("I'm" is "i"). */
function firstWord(text: string): string {
  return (text.toLowerCase().match(/[a-z']+/)?.[0] ?? '').replace(/'.*$/, '');
}

/** Function words that carry no idea of their own; removed before comparing two reminders. */
const STOP_WORDS = new Set(
  (
    'a an the and or but nor so of to in on at for with from by as into onto out up about than then ' +
    'is are was were be been being am it its this that these those there here ' +
    'i me my myself we us our you your yours yourself they them their he him his she her hers ' +
    'do does did can could would will may might just not no yet too very ' +
    'im ive id ill youre youve youd youll theyre its thats theres whats lets ' +
    'dont doesnt didnt isnt arent wasnt cant couldnt wont wouldnt ' +
    'what which who whom whose how when where why if'
  ).split(' '),
);

/** Lowercase words without punctuation or stop words, with a plural `s` trimmed. */
function contentWords(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !STOP_WORDS.has(word))
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word));
  return new Set(words);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  const shared = [...a].filter((word) => b.has(word)).length;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/**
 * Above this, two reminders are near-duplicates. After stop words go, a reminder keeps about
 * 4 to 10 content words; two 8-word reminders sharing 6 words score 6/10 = 0.6, sharing 5 score
 * 5/11 = 0.45. So 0.5 means "they share about two thirds of their words": the same reminder
 * reworded. Distinct reminders here score at most about 0.2 (a tag's shared vocabulary, like
 * "post" or "today"), so the line leaves room for new reminders without false alarms.
 */
const NEAR_DUPLICATE = 0.5;

function nearDuplicates(items: readonly { key: string; text: string }[]): string[] {
  const words = items.map((item) => contentWords(item.text));
  const found: string[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const score = jaccard(words[i] as Set<string>, words[j] as Set<string>);
      if (score > NEAR_DUPLICATE) {
        found.push(`${score.toFixed(2)}: ${items[i]?.key} "${items[i]?.text}" ~ ${items[j]?.key} "${items[j]?.text}"`);
      }
    }
  }
  return found;
}

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

describe('coverage', () => {
  it('has at least 80 reminders', () => {
    expect(reminders.length).toBeGreaterThanOrEqual(80);
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
