/**
 * How she felt after sessions, by session length: one stacked bar per length (under 10
 * minutes, 10–20, 20–40, 40 or more), split by her answers to the check-in. Accessible like
 * the minutes chart: a title and description, each bar a button that reads out its counts, the
 * same counts as a table one click away, and colour never the only cue.
 */
import { useMemo } from 'preact/hooks';
import { AFTER_FEELINGS, type AfterFeeling, type CheckIn } from '@/utils/checkins/checkIns';
import { t } from '@/utils/i18n';
import { CountChart } from './CountChart';
import { numberText } from './text/format';

/** Session lengths, in minutes: [from, to). */
export const LENGTHS = [
  [0, 10],
  [10, 20],
  [20, 40],
  [40, Number.POSITIVE_INFINITY],
] as const;

const FEELING_KEYS: Record<AfterFeeling, 'checkInBetter' | 'checkInSame' | 'checkInBitWorse' | 'checkInMuchWorse'> = {
  better: 'checkInBetter',
  same: 'checkInSame',
  'bit-worse': 'checkInBitWorse',
  'much-worse': 'checkInMuchWorse',
};

export type LengthCounts = { key: string; label: string } & Record<AfterFeeling, number>;

/** Answered check-ins counted by session length and answer. */
export function countByLength(checkIns: readonly CheckIn[]): LengthCounts[] {
  return LENGTHS.map(([from, to]) => {
    const counts = { better: 0, same: 0, 'bit-worse': 0, 'much-worse': 0 } as Record<AfterFeeling, number>;
    for (const checkIn of checkIns) {
      const minutes = checkIn.activeMs / 60_000;
      if (checkIn.feeling && minutes >= from && minutes < to) counts[checkIn.feeling]++;
    }
    const label =
      to === Number.POSITIVE_INFINITY
        ? t('chartLengthOver', numberText(from))
        : t('chartLengthRange', [numberText(from), numberText(to)]);
    return { key: label, label, ...counts };
  });
}

export function lengthDescription(row: LengthCounts): string {
  const total = AFTER_FEELINGS.reduce((sum, feeling) => sum + row[feeling], 0);
  if (total === 0) return t('chartLengthNone', row.label);
  const parts = AFTER_FEELINGS.filter((feeling) => row[feeling] > 0).map(
    (feeling) => `${t(FEELING_KEYS[feeling])}: ${numberText(row[feeling])}`,
  );
  return t('chartLengthLabel', [row.label, numberText(total), parts.join(', ')]);
}

export function FeelingsChart({ checkIns }: { checkIns: readonly CheckIn[] }) {
  const rows = useMemo(() => countByLength(checkIns), [checkIns]);
  return (
    <CountChart
      class="feelings-chart"
      rows={rows}
      layers={AFTER_FEELINGS.map((feeling) => ({
        key: feeling,
        label: t(FEELING_KEYS[feeling]),
        fill: `var(--feeling-${feeling})`,
      }))}
      value={(row, key) => row[key as AfterFeeling]}
      describe={lengthDescription}
      title={t('chartFeelingsTitle')}
      description={t('chartFeelingsDescription')}
      hint={t('chartFeelingsHint')}
      legendLabel={t('chartFeelingsLegend')}
      rowHeading={t('chartLengthColumn')}
    />
  );
}
