import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { LEXICON_THEMES, type Lexicon } from '@/utils/comparison/classifier';
import { LEXICON_LANGS, lexiconFor } from '@/utils/comparison/lexicon';
import { LexiconSchema, lexiconProblems } from '@/utils/comparison/lexiconSchema';

const DIR = join(import.meta.dirname, '../../../utils/comparison/lexicon');
const files = readdirSync(DIR).filter((name) => name.endsWith('.json'));
const load = (file: string): unknown => JSON.parse(readFileSync(join(DIR, file), 'utf8'));
const en = load('en.json') as Lexicon;
const clone = (): Lexicon => structuredClone(en);
const issuesOf = (value: unknown): string[] =>
  (v.safeParse(LexiconSchema, value).issues ?? []).map(
    (issue) => `${issue.path?.map((item) => String(item.key)).join('.')}: ${issue.message}`,
  );

describe('every lexicon file', () => {
  it('there is at least the English one', () => {
    expect(files).toContain('en.json');
  });

  it.each(files)('%s has the lexicon shape', (file) => {
    expect(issuesOf(load(file))).toEqual([]);
  });

  it.each(files)('%s is named by its language and has no duplicate or unfolded phrase', (file) => {
    const lexicon = load(file) as Lexicon;
    expect(`${lexicon.lang}.json`).toBe(file);
    expect(lexiconProblems(lexicon)).toEqual([]);
  });

  it.each(files)('%s gives each theme at least one strong cue', (file) => {
    const lexicon = load(file) as Lexicon;
    for (const theme of LEXICON_THEMES) expect(lexicon.themes[theme].strong.length, theme).toBeGreaterThan(0);
  });

  it.each(files)('%s is bundled (listed in lexicon.ts)', (file) => {
    expect(LEXICON_LANGS).toContain(file.replace(/\.json$/, ''));
  });
});

describe('the schema refuses', () => {
  it('a missing theme', () => {
    const themes = Object.fromEntries(Object.entries(en.themes).filter(([theme]) => theme !== 'do-it-all'));
    expect(issuesOf({ ...clone(), themes }).join('\n')).toContain('themes.do-it-all');
  });

  it('an unknown theme or list', () => {
    expect(issuesOf({ ...clone(), themes: { ...en.themes, 'messy-home': { strong: [], weak: [] } } })).not.toEqual([]);
    expect(issuesOf({ ...clone(), extras: [] })).not.toEqual([]);
  });

  it.each([
    ['', 'empty'],
    ['two  spaces', 'double space'],
    [' lead', 'leading space'],
    ['#cleanhome', 'a hashtag sign'],
    ['de*', 'a stem shorter than 3'],
    ['*', 'a bare star'],
    ['clean*home', 'a star inside a word'],
    ['spot-less', 'a hyphen'],
  ])('a phrase like %j (%s)', (phrase) => {
    const lexicon = clone();
    lexicon.boosters = [...lexicon.boosters, phrase];
    expect(issuesOf(lexicon)).not.toEqual([]);
  });

  it('a hashtag key with a capital or a sign', () => {
    expect(issuesOf({ ...clone(), hashtags: { CleanHome: 'clean home' } })).not.toEqual([]);
    expect(issuesOf({ ...clone(), hashtags: { '#cleanhome': 'clean home' } })).not.toEqual([]);
  });

  it('a language that is not a code', () => {
    expect(issuesOf({ ...clone(), lang: 'English' })).not.toEqual([]);
  });
});

describe('lexiconProblems', () => {
  it('finds a phrase in two lists, an unfolded phrase, and hashtags listed for nothing', () => {
    const lexicon = clone();
    lexicon.themes['lavish-lifestyle'].weak.push('spotless', 'Café');
    lexicon.hashtags.cleanhouse = 'clean house';
    lexicon.hashtags.tidyhome = 'tidy home please';
    const problems = lexiconProblems(lexicon);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain('"spotless" is also in spotless-home.strong');
    expect(problems[1]).toContain('"Café" is not written folded');
    expect(problems[2]).toContain('#cleanhouse needs no entry');
    expect(problems[3]).toContain('#tidyhome stands for "tidy home please", which is in no list');
  });
});

describe('lexiconFor', () => {
  it.each(['en', 'EN', 'en-GB', 'en_US', ' en '])('%j is English', (lang) => {
    expect(lexiconFor(lang).lang).toBe('en');
  });

  it.each(['es', 'xx', '', 'zh-Hant'])('%j falls back to English while it has no lexicon', (lang) => {
    expect(lexiconFor(lang)).toBe(lexiconFor('en'));
  });
});
