/**
 * The words of the reflection flow: each boundary it offers, and what was done after a Save.
 * Components stay free of sentence-building.
 */
import { t } from '@/utils/i18n';
import type { AppliedBoundary } from '@/utils/journal/entries';
import { type BoundaryChoice, FEED_FREE_PRESETS, type ReflectionContext } from '@/utils/journal/reflection';
import { getSite } from '@/utils/sites/registry';
import { nextDayStartAfter } from '@/utils/time/day';
import { numberText, untilText } from './format';

const siteName = (id: string) => getSite(id)?.name ?? id;

/** "Maple & Moss, @the.tidy.corner": names where the feed showed them, else handles. */
export function accountsText(handles: readonly string[], context?: Pick<ReflectionContext, 'topAccounts'>): string {
  return handles
    .map((handle) => context?.topAccounts.find((account) => account.handle === handle)?.name || `@${handle}`)
    .join(', ');
}

const presetLabel = (preset: keyof typeof FEED_FREE_PRESETS) =>
  t(`feedFreePreset_${preset}` as Parameters<typeof t>[0]);

/** One boundary the flow offers, as she reads it. */
export function choiceText(choice: BoundaryChoice, context: ReflectionContext, now: number): string {
  const limits = context.boundaries.siteLimits as Record<string, number | undefined>;
  switch (choice.kind) {
    case 'hide-accounts':
      return t('choiceHide', accountsText(choice.handles, context));
    case 'site-limit': {
      const before = limits[choice.site];
      const minutes = numberText(choice.minutes);
      return before === undefined
        ? t('choiceSiteLimitFirst', [siteName(choice.site), minutes])
        : t('choiceSiteLimit', [siteName(choice.site), minutes, numberText(before)]);
    }
    case 'daily-limit': {
      const before = context.boundaries.dailyLimitMinutes;
      const minutes = numberText(choice.minutes);
      return before === null
        ? t('choiceDailyLimitFirst', minutes)
        : t('choiceDailyLimit', [minutes, numberText(before)]);
    }
    case 'feed-free-tonight':
      return t('choiceRestOfDay', untilText(nextDayStartAfter(now, context.dayStartHour), now));
    case 'feed-free-time': {
      const { start, end, days } = FEED_FREE_PRESETS[choice.preset];
      const key = days.length === 7 ? 'choicePresetEveryDay' : 'choicePresetWeekdays';
      return t(key, [presetLabel(choice.preset), start, end]);
    }
  }
}

/** What a Save did, in one line ("Saved. Instagram now has 10 minutes a day."). */
export function savedText(applied: AppliedBoundary | null, context?: ReflectionContext): string {
  switch (applied?.kind) {
    case 'site-limit':
      return t('reflectSavedSiteLimit', [siteName(applied.site), numberText(applied.minutes)]);
    case 'daily-limit':
      return t('reflectSavedDailyLimit', numberText(applied.minutes));
    case 'hide-accounts':
      return t('reflectSavedHidden', accountsText(applied.handles, context));
    case 'feed-free-tonight':
      return t('reflectSavedRestOfDay', untilText(applied.until));
    case 'feed-free-time': {
      const preset = (Object.keys(FEED_FREE_PRESETS) as (keyof typeof FEED_FREE_PRESETS)[]).find(
        (id) => FEED_FREE_PRESETS[id].start === applied.start && FEED_FREE_PRESETS[id].end === applied.end,
      );
      return t('reflectSavedWindow', preset ? presetLabel(preset) : `${applied.start}–${applied.end}`);
    }
    default:
      return t('reflectSavedNone');
  }
}

/** "Instagram: @maple, Tidy Corner": what the flow puts in "What fed it?" to start with. */
export function fedPrefill(context: ReflectionContext): string {
  if (!context.site) return '';
  const accounts = accountsText(
    context.topAccounts.map((account) => account.handle),
    context,
  );
  return accounts ? `${context.site.name}: ${accounts}` : context.site.name;
}

/** A boundary set with a journal entry, in a few words ("Instagram, 10 minutes a day"). */
export function appliedText(applied: AppliedBoundary): string {
  switch (applied.kind) {
    case 'site-limit':
      return t('appliedSiteLimit', [siteName(applied.site), numberText(applied.minutes)]);
    case 'daily-limit':
      return t('appliedDailyLimit', numberText(applied.minutes));
    case 'hide-accounts':
      return t('appliedHidden', accountsText(applied.handles));
    case 'feed-free-tonight':
      return t('appliedRestOfDay', untilText(applied.until));
    case 'feed-free-time':
      return t('appliedWindow', [applied.start, applied.end]);
  }
}
