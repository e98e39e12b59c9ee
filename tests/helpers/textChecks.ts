/**
 * Checks shared by the content tests of the product's words (reminders, journal prompts):
 * banned words and phrasings, sentence counting, near-duplicates. Their own tests are in
 * tests/unit/nudges/library.test.ts ("the checkers themselves").
 */

/** Words and phrasings we never show: commands, shaming, diagnoses, treatment and promise talk. */
export const BANNED: readonly (readonly [label: string, pattern: RegExp])[] = [
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

export function bannedIn(text: string): string[] {
  return BANNED.filter(([, pattern]) => pattern.test(text)).map(([label]) => label);
}

/** Sentences: text up to a `.`, `?` or `!` (and any closing quote) followed by a space or the end. */
export function sentenceCount(text: string): number {
  return text.match(/[^.?!]+(?:[.?!]+["'”’)]*(?=\s|$)|$)/g)?.filter((part) => part.trim() !== '').length ?? 0;
}

/** The last character that is not a closing quote or bracket. */
export function finalMark(text: string): string {
  return text.replace(/["'”’)\s]+$/, '').slice(-1);
}

/** The first word, lowercase, without a contraction's tail ("I'm" is "i"). */
export function firstWord(text: string): string {
  return (text.toLowerCase().match(/[a-z']+/)?.[0] ?? '').replace(/'.*$/, '');
}

/** Function words that carry no idea of their own; removed before comparing two reminders. */
export const STOP_WORDS = new Set(
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
export function contentWords(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !STOP_WORDS.has(word))
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word));
  return new Set(words);
}

export function jaccard(a: Set<string>, b: Set<string>): number {
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
export const NEAR_DUPLICATE = 0.5;

export function nearDuplicates(items: readonly { key: string; text: string }[]): string[] {
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
