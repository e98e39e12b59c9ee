import { formatDuration } from '@/utils/format';
import { t } from '@/utils/i18n';

/** A duration in the UI's words. */
export function durationText(ms: number): string {
  return formatDuration(ms, {
    underAMinute: t('lessThanAMinute'),
    minutes: (minutes) => t('minutesShort', String(minutes)),
  });
}
