/**
 * The classifier as the page uses it: the lexicon for her language compiled once, her own
 * trigger words added, one function from a post's text to its themes. Pure.
 */
import { type CompiledLexicon, classify, compileLexicon } from '../comparison/classifier';
import { lexiconFor } from '../comparison/lexicon';

export type PostClassifier = (text: string) => { trap: boolean; themes: readonly string[] };

const compiled = new Map<string, CompiledLexicon>();

/** A classifier for posts in `lang` (a UI language tag; English when there is no lexicon for it). */
export function postClassifier(words: readonly string[], lang = 'en'): PostClassifier {
  const lexicon = lexiconFor(lang);
  let ready = compiled.get(lexicon.lang);
  if (!ready) {
    ready = compileLexicon(lexicon);
    compiled.set(lexicon.lang, ready);
  }
  const own = [...words];
  const lexiconReady = ready;
  return (text) => {
    if (!text) return { trap: false, themes: [] };
    const { trap, themes } = classify(text, lexiconReady, own);
    return { trap, themes };
  };
}
