/**
 * The shape of a lexicon file (lexicon/<lang>.json), as a valibot schema, and the checks a
 * schema cannot express (duplicates, phrases that fold to nothing). Used by tests and tools,
 * not by the content script: the bundled lexicons are checked before they ship.
 */
import * as v from 'valibot';
import { fold, LEXICON_THEMES, type Lexicon, type LexiconTheme, words } from './classifier.ts';

/** Words of letters, digits, apostrophes or '%', one space apart; a word may end in '*' after 3+ characters. */
const PHRASE =
  /^(?:%|[\p{L}\p{N}][\p{L}\p{N}']*(?:(?<=[\p{L}\p{N}']{3})\*)?)(?: (?:%|[\p{L}\p{N}][\p{L}\p{N}']*(?:(?<=[\p{L}\p{N}']{3})\*)?))*$/u;

const PhraseSchema = v.pipe(v.string(), v.regex(PHRASE, 'phrase'));
const PhraseListSchema = v.array(PhraseSchema);

const ThemeCuesSchema = v.strictObject({ strong: PhraseListSchema, weak: PhraseListSchema });

export const LexiconSchema = v.strictObject({
  lang: v.pipe(v.string(), v.regex(/^[a-z]{2,3}$/, 'lang')),
  themes: v.strictObject(
    Object.fromEntries(LEXICON_THEMES.map((theme) => [theme, ThemeCuesSchema])) as Record<
      LexiconTheme,
      typeof ThemeCuesSchema
    >,
  ),
  boosters: PhraseListSchema,
  neutral: PhraseListSchema,
  dampeners: PhraseListSchema,
  negators: PhraseListSchema,
  hashtags: v.record(v.pipe(v.string(), v.regex(/^[\p{Ll}\p{N}]+$/u, 'hashtag')), PhraseSchema),
});

/** Problems a valid shape can still have, as readable lines (empty when none). */
export function lexiconProblems(lexicon: Lexicon): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const lists: [string, string[]][] = [
    ...LEXICON_THEMES.flatMap((theme): [string, string[]][] => [
      [`${theme}.strong`, lexicon.themes[theme].strong],
      [`${theme}.weak`, lexicon.themes[theme].weak],
    ]),
    ['boosters', lexicon.boosters],
    ['neutral', lexicon.neutral],
    ['dampeners', lexicon.dampeners],
    ['negators', lexicon.negators],
  ];
  for (const [where, phrases] of lists) {
    for (const phrase of phrases) {
      const key = fold(phrase);
      if (key !== phrase) problems.push(`${where}: "${phrase}" is not written folded (lower case, no accents)`);
      const before = seen.get(key);
      if (before) problems.push(`${where}: "${phrase}" is also in ${before}`);
      else seen.set(key, where);
    }
  }
  for (const [tag, phrase] of Object.entries(lexicon.hashtags)) {
    if (!seen.has(fold(phrase))) problems.push(`hashtags: #${tag} stands for "${phrase}", which is in no list`);
    if (seen.has(words(phrase).join(' ')) && words(phrase).join('').replace(/'/g, '') === fold(tag)) {
      problems.push(`hashtags: #${tag} needs no entry, its phrase "${phrase}" is split already`);
    }
  }
  return problems;
}
