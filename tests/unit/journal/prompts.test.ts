import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  nextPrompt,
  PROMPT_KEY_PREFIX,
  PROMPT_TAGS,
  type PromptTag,
  promptById,
  promptForDay,
  prompts,
} from '@/utils/journal/prompts';
import appMessages from '../../../public/_locales/en/messages.json';
import { bannedIn, finalMark, firstWord, nearDuplicates, sentenceCount } from '../../helpers/textChecks';

type MessageEntry = { message: string; description?: string };
const json = Object.fromEntries(
  Object.entries(appMessages as Record<string, MessageEntry>).filter(([key]) => key.startsWith(PROMPT_KEY_PREFIX)),
);
const all = prompts.map((prompt) => ({ ...prompt, text: json[prompt.messageKey]?.message ?? '' }));

describe('prompt library and messages', () => {
  it('has a message for every prompt and a prompt for every message', () => {
    expect(prompts.filter((prompt) => !(prompt.messageKey in json)).map((prompt) => prompt.id)).toEqual([]);
    const listed = new Set(prompts.map((prompt) => prompt.messageKey));
    expect(Object.keys(json).filter((key) => !listed.has(key))).toEqual([]);
  });

  it('has no key written twice in the JSON file', () => {
    const raw = readFileSync(join(__dirname, '../../../public/_locales/en/messages.json'), 'utf8');
    expect([...raw.matchAll(/^\s*"(prompt_[^"]+)"\s*:\s*\{/gm)]).toHaveLength(Object.keys(json).length);
  });

  it('has unique snake-case ids and descriptions naming each tag', () => {
    const ids = prompts.map((prompt) => prompt.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^[a-z0-9]+(?:_[a-z0-9]+)*$/.test(id))).toEqual([]);
    const wrong = prompts.filter(
      (prompt) => json[prompt.messageKey]?.description !== `Journal prompt (${prompt.tag}).`,
    );
    expect(wrong.map((prompt) => prompt.id)).toEqual([]);
  });
});

describe('coverage', () => {
  it('has at least 40 prompts', () => {
    expect(prompts.length).toBeGreaterThanOrEqual(40);
  });

  // The ideas the articles' journaling steps and reflections rest on, each with at least 3 prompts.
  it.each(PROMPT_TAGS)('covers "%s" with at least 3 prompts', (tag: PromptTag) => {
    expect(prompts.filter((prompt) => prompt.tag === tag).length).toBeGreaterThanOrEqual(3);
  });

  it('names the ideas the articles stress', () => {
    const text = (tag: PromptTag) =>
      all
        .filter((prompt) => prompt.tag === tag)
        .map((prompt) => prompt.text.toLowerCase())
        .join(' ');
    expect(text('absorbed-rule')).toMatch(/true, or only tradition/);
    expect(text('sign-of-caring')).toMatch(/care/);
    expect(text('feeling-not-fact')).toMatch(/feeling/);
    expect(text('feed-boundary')).toMatch(/boundary/);
    expect(text('old-belief')).toMatch(/truer/);
    expect(text('repair')).toMatch(/lose your cool/);
    expect(text('remembered')).toMatch(/remembers/);
    expect(text('beyond-mother')).toMatch(/besides being a mother/);
    expect(text('unseen-work')).toMatch(/nobody saw/);
  });

  it('takes ideas in turn: two prompts in a row never carry the same idea', () => {
    const same = prompts.filter((prompt, index) => index > 0 && prompts[index - 1]?.tag === prompt.tag);
    expect(same.map((prompt) => prompt.id)).toEqual([]);
  });
});

describe('style', () => {
  it('keeps every prompt between 30 and 150 characters, in one to three sentences', () => {
    const outside = all.filter((p) => p.text.length < 30 || p.text.length > 150);
    expect(outside.map((p) => `${p.id} (${p.text.length})`)).toEqual([]);
    const long = all.filter((p) => sentenceCount(p.text) < 1 || sentenceCount(p.text) > 3);
    expect(long.map((p) => p.id)).toEqual([]);
  });

  it('never uses a banned word or phrasing', () => {
    const flagged = all.filter((p) => bannedIn(p.text).length > 0);
    expect(flagged.map((p) => `${p.id} [${bannedIn(p.text).join(', ')}]: ${p.text}`)).toEqual([]);
  });

  it('ends each prompt as a question or an invitation, never with an exclamation', () => {
    expect(all.filter((p) => !['?', '.'].includes(finalMark(p.text))).map((p) => p.id)).toEqual([]);
  });

  it('varies openings: no first word starts more than a sixth of the prompts', () => {
    const counts = new Map<string, number>();
    for (const p of all) counts.set(firstWord(p.text), (counts.get(firstWord(p.text)) ?? 0) + 1);
    expect([...counts].filter(([, count]) => count > Math.ceil(prompts.length / 6))).toEqual([]);
  });

  it('has no duplicates or near-duplicates', () => {
    expect(nearDuplicates(all.map((p) => ({ key: p.id, text: p.text })))).toEqual([]);
  });
});

describe('rotation', () => {
  const days = (from: string, count: number) => {
    const [year, month, date] = from.split('-').map(Number) as [number, number, number];
    return Array.from({ length: count }, (_, offset) =>
      new Date(Date.UTC(year, month - 1, date + offset)).toISOString().slice(0, 10),
    );
  };

  it('never shows the same prompt two days running, across a year and its turn of the list', () => {
    let shown: { day: string; id: string } | null = null;
    const seen: string[] = [];
    for (const day of days('2026-01-01', 400)) {
      const prompt = promptForDay(day, shown);
      if (shown) expect(prompt.id).not.toBe(shown.id);
      shown = { day, id: prompt.id };
      seen.push(prompt.id);
    }
    // Every prompt comes round.
    expect(new Set(seen).size).toBe(prompts.length);
  });

  it('keeps the prompt she was given today, "Another prompt" included, when the popup opens again', () => {
    const first = promptForDay('2026-12-04', null);
    const another = nextPrompt(first.id);
    expect(another.id).not.toBe(first.id);
    expect(another.tag).not.toBe(first.tag);
    expect(promptForDay('2026-12-04', { day: '2026-12-04', id: another.id })).toBe(another);
  });

  it('moves on tomorrow when "Another prompt" landed on tomorrow\'s turn', () => {
    const tomorrowTurn = promptForDay('2026-12-05', null);
    const tomorrow = promptForDay('2026-12-05', { day: '2026-12-04', id: tomorrowTurn.id });
    expect(tomorrow.id).not.toBe(tomorrowTurn.id);
    expect(tomorrow).toBe(nextPrompt(tomorrowTurn.id));
  });

  it('gives a prompt for a stored prompt that no longer exists, or a malformed day', () => {
    expect(promptForDay('2026-12-04', { day: '2026-12-04', id: 'retired_prompt' })).toBe(
      promptForDay('2026-12-04', null),
    );
    expect(promptForDay('not a day', null)).toBe(prompts[0]);
    expect(promptById('retired_prompt')).toBeUndefined();
    expect(nextPrompt('retired_prompt')).toBe(prompts[0]);
    expect(nextPrompt(prompts[prompts.length - 1]?.id)).toBe(prompts[0]);
  });
});
