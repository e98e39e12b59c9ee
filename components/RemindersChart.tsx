/**
 * Reminders shown while she scrolled, and those she marked "Helped", week by week over the
 * last 12 weeks: a count chart (stacked bars, read out, a table one click away).
 */
import { useMemo } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { WeekReminders } from '@/utils/insights/counts';
import { parseDayKey } from '@/utils/time/day';
import { CountChart } from './CountChart';
import { numberText } from './text/format';

export interface WeekRow {
  key: string;
  label: string;
  /** Under the bar: the month and day alone. */
  short: string;
  helped: number;
  other: number;
}

let shortFormat: Intl.DateTimeFormat | undefined;
/** "Nov 3": a week's first day under its bar. */
function shortDay(day: string): string {
  const [year, month, date] = parseDayKey(day);
  shortFormat ??= new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
  return shortFormat.format(new Date(year, month - 1, date, 12));
}

export function weekRows(weeks: readonly WeekReminders[], dayLabel: (day: string) => string): WeekRow[] {
  return weeks.map((week) => ({
    key: week.from,
    label: dayLabel(week.from),
    short: shortDay(week.from),
    helped: week.helped,
    other: week.shown - week.helped,
  }));
}

export const weekDescription = (row: WeekRow) =>
  t('chartWeekLabel', [row.label, numberText(row.helped + row.other), numberText(row.helped)]);

export function RemindersChart({
  weeks,
  dayLabel,
}: {
  weeks: readonly WeekReminders[];
  dayLabel: (day: string) => string;
}) {
  const rows = useMemo(() => weekRows(weeks, dayLabel), [weeks]);
  return (
    <CountChart
      rows={rows}
      layers={[
        { key: 'helped', label: t('chartRemindersHelped'), fill: 'var(--reminder-helped)' },
        { key: 'other', label: t('chartRemindersOther'), fill: 'var(--reminder-other)' },
      ]}
      value={(row, key) => (key === 'helped' ? row.helped : row.other)}
      describe={weekDescription}
      title={t('chartRemindersTitle')}
      description={t('chartRemindersDescription')}
      hint={t('chartRemindersHint')}
      legendLabel={t('chartRemindersLegend')}
      rowHeading={t('chartWeekColumn')}
    />
  );
}
