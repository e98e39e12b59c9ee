/**
 * The comparison-trap classifier: which of the comparison-trap themes a post's text shows
 * (the spotless home, the body that "bounced back", the perfect routine, the mother who does it
 * all, the perfect children, the lavish life), and the words that showed it, so the product can
 * always say why. Pure: no DOM, no `browser.*`, relative imports only (scripts/ run it in Node).
 *
 * The word lists are data (lexicon/<lang>.json, described in lexicon/README.md). A lexicon is
 * compiled once into an index keyed by first word; classifying a post is then one pass over its
 * words. How a post is scored:
 * - at each word the longest phrase of any list that starts there wins, so "perfect weather"
 *   (neutral) hides "perfect", and a phrase never overlaps another;
 * - a strong cue weighs 2, a weak cue 1, each distinct cue once; a booster ("perfect", "goals") adds 1 to each theme
 *   that already has a cue (at most 1 in all);
 * - a cue, booster or dampener within NEGATION_WINDOW words after a negator ("not", "far from")
 *   in the same clause does not count;
 * - each distinct dampener (honest chaos: "real life", "no filter"; sale wording: "% off")
 *   takes away one strong cue from every theme;
 * - a theme is shown when its score reaches THRESHOLD: one strong cue, or two weaker ones.
 * Her own trigger words (`extra`) always count, as the theme 'own-words'.
 */

export const LEXICON_THEMES = [
  'spotless-home',
  'body-bounce-back',
  'perfect-routine',
  'do-it-all',
  'perfect-children',
  'lavish-lifestyle',
] as const;
export type LexiconTheme = (typeof LEXICON_THEMES)[number];
export const OWN_WORDS_THEME = 'own-words';
export type Theme = LexiconTheme | typeof OWN_WORDS_THEME;

export interface ThemeCues {
  strong: string[];
  weak: string[];
}

/** One language's word lists; phrases are words separated by spaces, `word*` matches any word starting so. */
export interface Lexicon {
  lang: string;
  themes: Record<LexiconTheme, ThemeCues>;
  boosters: string[];
  neutral: string[];
  dampeners: string[];
  negators: string[];
  /**
   * Run-together hashtags (lower case, without '#') and the phrase each stands for, beyond the
   * lexicon's own phrases of two or more words, which are hashtags already (#cleanhome).
   */
  hashtags: Record<string, string>;
}

export interface Classification {
  trap: boolean;
  themes: Theme[];
  /** The words and phrases (as normalised in the post) behind the themes shown, each once. */
  matched: string[];
}

export const STRONG_WEIGHT = 2;
export const THRESHOLD = 2;
export const NEGATION_WINDOW = 3;

// What a phrase does when it matches; a cue's kind is its theme's index in LEXICON_THEMES.
const BOOST = -1;
const NEUTRAL = -2;
const DAMPEN = -3;
const NEGATE = -4;
const OWN = -5;

/** Stands for clause punctuation among the words: phrases never match across it. */
const BREAK = '|';

interface Phrase {
  words: string[];
  kind: number;
  weight: number;
}

interface PhraseIndex {
  byFirst: Map<string, Phrase[]>;
  /** Lengths of the `stem*` first words, so a word is looked up by its prefixes of these lengths. */
  stemLengths: number[];
}

export interface CompiledLexicon {
  readonly compiled: true;
  readonly index: PhraseIndex;
  readonly hashtags: Map<string, string>;
  ownKey?: string;
  ownIndex?: PhraseIndex;
}

/** Lower case, no diacritics (é → e), compatibility forms folded (ﬁ → fi), one kind of apostrophe. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[‘’ʼ`´]/g, "'");
}

const HASHTAG = /#([\p{L}\p{N}_]+)/gu;
/** A clock time keeps its hour: 4:45 → 4, 5.30am → 5am, so "up at 4" and "5am" match any minutes. */
const CLOCK = /\b(\d{1,2})[:.]\d\d(?!\d)/g;
const TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*|%|[.!?;:,()\n\u2013\u2014]+/gu;

/**
 * The post's words, folded, with BREAK for clause punctuation. A hashtag the lexicon lists
 * becomes its phrase (#cleanhome → clean home); others are split at camel case and
 * underscores (#CleanHome, #clean_home). Emoji and other symbols are dropped.
 */
export function words(text: string, hashtags: ReadonlyMap<string, string> = new Map()): string[] {
  const expanded = text.replace(HASHTAG, (_, tag: string) => {
    const listed = hashtags.get(fold(tag).replace(/_/g, ''));
    return ` ${listed ?? tag.replace(/_/g, ' ').replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')} `;
  });
  const out: string[] = [];
  for (const [token] of fold(expanded).replace(CLOCK, '$1').matchAll(TOKEN)) {
    const isBreak = !/[\p{L}\p{N}%]/u.test(token);
    if (!isBreak) out.push(token);
    else if (out.length > 0 && out.at(-1) !== BREAK) out.push(BREAK);
  }
  return out;
}

function addPhrase(index: PhraseIndex, text: string, kind: number, weight: number): void {
  const phraseWords = text.split(/\s+/).flatMap((part) => {
    const stem = part.endsWith('*');
    const partWords = words(stem ? part.slice(0, -1) : part);
    if (stem && partWords.length > 0) partWords.push(`${partWords.pop()}*`);
    return partWords;
  });
  const first = phraseWords[0];
  if (first === undefined || phraseWords.includes(BREAK)) return;
  if (first.endsWith('*') && !index.stemLengths.includes(first.length - 1)) index.stemLengths.push(first.length - 1);
  const list = index.byFirst.get(first) ?? [];
  list.push({ words: phraseWords, kind, weight });
  index.byFirst.set(first, list);
}

const emptyIndex = (): PhraseIndex => ({ byFirst: new Map(), stemLengths: [] });

/** Builds the matcher for a lexicon: do it once and reuse it (classify caches it per lexicon object). */
export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const index = emptyIndex();
  LEXICON_THEMES.forEach((theme, kind) => {
    for (const phrase of lexicon.themes[theme].strong) addPhrase(index, phrase, kind, STRONG_WEIGHT);
    for (const phrase of lexicon.themes[theme].weak) addPhrase(index, phrase, kind, 1);
  });
  for (const phrase of lexicon.boosters) addPhrase(index, phrase, BOOST, 1);
  for (const phrase of lexicon.neutral) addPhrase(index, phrase, NEUTRAL, 0);
  for (const phrase of lexicon.dampeners) addPhrase(index, phrase, DAMPEN, STRONG_WEIGHT);
  for (const phrase of lexicon.negators) addPhrase(index, phrase, NEGATE, 0);
  // Every phrase of two or more plain words is also a run-together hashtag (#cleanhome).
  const hashtags = new Map<string, string>();
  for (const phrases of index.byFirst.values()) {
    for (const { words: phraseWords } of phrases) {
      if (phraseWords.length > 1 && !phraseWords.some((word) => word.endsWith('*'))) {
        hashtags.set(phraseWords.join('').replace(/'/g, ''), phraseWords.join(' '));
      }
    }
  }
  for (const [tag, phrase] of Object.entries(lexicon.hashtags)) hashtags.set(fold(tag), phrase);
  return { compiled: true, index, hashtags };
}

const compiledCache = new WeakMap<Lexicon, CompiledLexicon>();

function compiledFor(lexicon: Lexicon | CompiledLexicon): CompiledLexicon {
  if ('compiled' in lexicon) return lexicon;
  let compiled = compiledCache.get(lexicon);
  if (!compiled) {
    compiled = compileLexicon(lexicon);
    compiledCache.set(lexicon, compiled);
  }
  return compiled;
}

function ownIndexFor(compiled: CompiledLexicon, extra: readonly string[]): PhraseIndex {
  const key = extra.join('\n');
  if (compiled.ownKey !== key || !compiled.ownIndex) {
    const index = emptyIndex();
    for (const phrase of extra) addPhrase(index, phrase.replace(/\*/g, ''), OWN, STRONG_WEIGHT);
    compiled.ownKey = key;
    compiled.ownIndex = index;
  }
  return compiled.ownIndex;
}

const wordMatches = (pattern: string, word: string): boolean =>
  pattern.endsWith('*') ? word !== BREAK && word.startsWith(pattern.slice(0, -1)) : pattern === word;

/** The longest phrase of the index starting at tokens[at], if any. */
function longestAt(index: PhraseIndex, tokens: readonly string[], at: number): Phrase | undefined {
  const word = tokens[at] as string;
  let best: Phrase | undefined;
  const consider = (candidates: Phrase[] | undefined): void => {
    for (const phrase of candidates ?? []) {
      if (best && phrase.words.length <= best.words.length) continue;
      if (phrase.words.every((pattern, offset) => wordMatches(pattern, tokens[at + offset] ?? BREAK))) best = phrase;
    }
  };
  consider(index.byFirst.get(word));
  for (const length of index.stemLengths)
    if (length <= word.length) consider(index.byFirst.get(`${word.slice(0, length)}*`));
  return best;
}

interface Hit {
  phrase: Phrase;
  text: string;
}

/** Every counted phrase of the post, left to right, none overlapping, negated ones left out. */
function scan(index: PhraseIndex, tokens: readonly string[]): Hit[] {
  const hits: Hit[] = [];
  let negatedUntil = -1;
  for (let at = 0; at < tokens.length; ) {
    if (tokens[at] === BREAK) {
      negatedUntil = -1;
      at += 1;
      continue;
    }
    const phrase = longestAt(index, tokens, at);
    if (!phrase) {
      at += 1;
      continue;
    }
    const end = at + phrase.words.length;
    if (phrase.kind === NEGATE) negatedUntil = end + NEGATION_WINDOW;
    else if (phrase.kind !== NEUTRAL && at >= negatedUntil)
      hits.push({ phrase, text: tokens.slice(at, end).join(' ') });
    at = end;
  }
  return hits;
}

/** The themes a post's text shows and why. `lexicon` may be compiled already (compileLexicon). */
export function classify(
  text: string,
  lexicon: Lexicon | CompiledLexicon,
  extra: readonly string[] = [],
): Classification {
  const compiled = compiledFor(lexicon);
  const tokens = words(text, compiled.hashtags);
  const themeHits = LEXICON_THEMES.map(() => ({ score: 0, cues: [] as string[] }));
  const boosters: string[] = [];
  const dampeners = new Set<string>();
  for (const { phrase, text: found } of scan(compiled.index, tokens)) {
    const themeHit = themeHits[phrase.kind];
    if (themeHit) {
      if (!themeHit.cues.includes(found)) themeHit.score += phrase.weight;
      themeHit.cues.push(found);
    } else if (phrase.kind === BOOST) boosters.push(found);
    else if (phrase.kind === DAMPEN) dampeners.add(found);
  }
  const themes: Theme[] = [];
  const matched: string[] = [];
  const boost = boosters.length > 0 ? 1 : 0;
  LEXICON_THEMES.forEach((theme, kind) => {
    const { score, cues } = themeHits[kind] as { score: number; cues: string[] };
    if (score > 0 && score + boost - STRONG_WEIGHT * dampeners.size >= THRESHOLD) {
      themes.push(theme);
      matched.push(...cues);
    }
  });
  if (themes.length > 0) matched.push(...boosters);
  if (extra.length > 0) {
    const own = scan(ownIndexFor(compiled, extra), tokens);
    if (own.length > 0) themes.push(OWN_WORDS_THEME);
    matched.push(...own.map((hit) => hit.text));
  }
  return { trap: themes.length > 0, themes, matched: [...new Set(matched)] };
}
