/** The mute suggestion's words: what the account's posts often show, and the site's own steps. */
import { type MessageKey, t } from '@/utils/i18n';
import type { Suggestion } from '@/utils/mute/accounts';

export interface MuteWords {
  /** "the picture-perfect home", for "Posts from … often show ___"; absent when no theme stands out. */
  themeText?: string;
  /** The site's own way to mute, unfollow or say "not interested", one step each. */
  steps: string[];
}

/** `spotless-home` → the message `theme_spotless_home`. */
const themeKey = (theme: string) => `theme_${theme.replaceAll('-', '_')}` as MessageKey;

export function muteWords(suggestion: Pick<Suggestion, 'site' | 'theme'>): MuteWords {
  const themeText = suggestion.theme ? t(themeKey(suggestion.theme)) : '';
  const steps = t(`muteSteps_${suggestion.site}` as MessageKey)
    .split('\n')
    .filter(Boolean);
  return themeText ? { themeText, steps } : { steps };
}

/** A theme's name in a sentence ("the picture-perfect home") and under a chart bar ("Home"). */
export function themeNames(theme: string): { name: string; short: string } {
  const id = theme.replaceAll('-', '_');
  return { name: t(themeKey(theme)), short: t(`themeShort_${id}` as MessageKey) };
}
