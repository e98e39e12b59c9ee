/**
 * How she felt after sessions, by session length: one stacked bar per length (under 10
 * minutes, 10–20, 20–40, 40 or more), split by her answers to the check-in. Accessible like
 * the minutes chart: a title and description, each bar a button that reads out its counts, the
 * same counts as a table one click away, and colour never the only cue.
 */
import { useId, useMemo, useState } from 'preact/hooks';
import { AFTER_FEELINGS, type AfterFeeling, type CheckIn } from '@/utils/checkins/checkIns';
import { t } from '@/utils/i18n';
import { StackedBars } from './StackedBars';
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

export type LengthCounts = { label: string } & Record<AfterFeeling, number>;

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
    return { label, ...counts };
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
  const [asTable, setAsTable] = useState(false);
  const [focused, setFocused] = useState<string | undefined>();
  const id = useId();
  const rows = useMemo(() => countByLength(checkIns), [checkIns]);
  const focusedRow = rows.find((row) => row.label === focused);

  return (
    <div class="chart feelings-chart">
      <div class="chart-controls">
        <span />
        <button
          type="button"
          class="secondary small-button"
          aria-expanded={asTable ? 'true' : 'false'}
          aria-controls={`${id}-table`}
          onClick={() => setAsTable((open) => !open)}
        >
          {t(asTable ? 'chartHideTable' : 'chartShowTable')}
        </button>
      </div>
      <StackedBars
        rows={rows}
        keys={AFTER_FEELINGS}
        value={(row, key) => row[key as AfterFeeling]}
        keyOf={(row) => row.label}
        labelOf={(row) => row.label}
        describe={lengthDescription}
        fillOf={(key) => `var(--feeling-${key})`}
        id={id}
        title={t('chartFeelingsTitle')}
        description={t('chartFeelingsDescription')}
        height={200}
        minMax={3}
        ticks={3}
        padding={0.4}
        chosen={focused}
        choose={setFocused}
      />
      <p class="muted small chart-focus" aria-live="polite">
        {focusedRow ? lengthDescription(focusedRow) : t('chartFeelingsHint')}
      </p>
      <ul class="chart-legend" aria-label={t('chartFeelingsLegend')}>
        {AFTER_FEELINGS.map((feeling) => (
          <li key={feeling}>
            <span class="chart-swatch" style={{ background: `var(--feeling-${feeling})` }} aria-hidden="true" />
            {t(FEELING_KEYS[feeling])}
          </li>
        ))}
      </ul>
      {asTable ? (
        <table id={`${id}-table`} class="week-table">
          <caption>{t('chartFeelingsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chartLengthColumn')}</th>
              {AFTER_FEELINGS.map((feeling) => (
                <th scope="col" key={feeling}>
                  {t(FEELING_KEYS[feeling])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                {AFTER_FEELINGS.map((feeling) => (
                  <td key={feeling}>{numberText(row[feeling])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
