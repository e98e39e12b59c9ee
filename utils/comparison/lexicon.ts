/**
 * The bundled lexicons, one per language, and the choice of one for a UI language. English is
 * the fallback. Adding a language: write lexicon/<lang>.json (see lexicon/README.md) and list it
 * here; tests/unit/comparison/lexicon.test.ts validates every file in that folder.
 */
import type { Lexicon } from './classifier.ts';
import enJson from './lexicon/en.json' with { type: 'json' };

const en: Lexicon = enJson;

const lexicons: Readonly<Record<string, Lexicon>> = { en };

/** The lexicon for a language tag ("en", "en-GB", "es_MX"), else its base language's, else English. */
export function lexiconFor(lang: string): Lexicon {
  const tag = lang.trim().toLowerCase().replace(/_/g, '-');
  return lexicons[tag] ?? lexicons[tag.split('-')[0] ?? ''] ?? en;
}

export const LEXICON_LANGS = Object.keys(lexicons);
