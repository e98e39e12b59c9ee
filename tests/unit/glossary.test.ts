import { describe, expect, it } from 'vitest';
import glossary from '../../docs/glossary.json';
import messages from '../../public/_locales/en/messages.json';

/** `phrase` as whole words (so "more min" is not found in "more minutes"). */
const has = (text: string, phrase: string) =>
  new RegExp(`(^|\\W)${phrase.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|\\W)`).test(text);

const texts = Object.entries(messages as Record<string, { message: string }>).map(([key, value]) => ({
  key,
  text: value.message.toLowerCase(),
}));

describe('one name for each thing (docs/glossary.json)', () => {
  it.each(glossary.terms.map((term) => [term.thing, term] as const))('%s', (_thing, term) => {
    const found = texts.flatMap(({ key, text }) =>
      term.avoid.filter((word) => has(text, word)).map((word) => `${key}: “${word}”`),
    );
    expect(found).toEqual([]);
  });

  it('uses no banned word anywhere', () => {
    const found = texts.flatMap(({ key, text }) =>
      glossary.banned.filter((word) => has(text, word)).map((word) => `${key}: ${word}`),
    );
    expect(found).toEqual([]);
  });

  it('the check works: a message with an avoided word would be caught', () => {
    const term = glossary.terms[0];
    expect(term?.avoid.some((word) => has('take 5 extra minutes', word))).toBe(true);
    expect(term?.avoid.some((word) => has('take 5 more min', word))).toBe(true);
    expect(term?.avoid.some((word) => has('a few more minutes', word))).toBe(false);
  });
});
