/**
 * How she felt after sessions, by session length: one stacked bar per length (under 10
 * minutes, 10–20, 20–40, 40 or more), split by her answers to the check-in. Accessible like
 * the minutes chart: a title and description, each bar a button that reads out its counts, the
 * same counts as a table one click away, and colour never the only cue.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { stack } from 'd3-shape';
import { useId, useMemo, useState } from 'preact/hooks';
import { AFTER_FEELINGS, type AfterFeeling, type CheckIn } from '@/utils/checkins/checkIns';
import { t } from '@/utils/i18n';
import { numberText } from './text/format';

/** Session lengths, in minutes: [from, to). */
export const LENGTHS = [
  [0, 10],
  [10, 20],
  [20, 40],
  [40, Number.POSITIVE_INFINITY],
] as const;

const WIDTH = 720;
const HEIGHT = 200;
const MARGIN = { top: 12, right: 12, bottom: 28, left: 40 };

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
  const series = useMemo(() => stack<LengthCounts, AfterFeeling>().keys(AFTER_FEELINGS)(rows), [rows]);
  const highest = Math.max(3, ...rows.map((row) => AFTER_FEELINGS.reduce((sum, feeling) => sum + row[feeling], 0)));
  const x = scaleBand<string>()
    .domain(rows.map((row) => row.label))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .paddingInner(0.4);
  const y = scaleLinear()
    .domain([0, highest])
    .nice(3)
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
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
      <div class="chart-plot">
        <svg
          class="chart-svg"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
        >
          <title id={`${id}-title`}>{t('chartFeelingsTitle')}</title>
          <desc id={`${id}-desc`}>{t('chartFeelingsDescription')}</desc>
          {y.ticks(3).map((tick) => (
            <g key={tick}>
              <line class="chart-grid" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
              <text class="chart-axis" x={MARGIN.left - 6} y={y(tick)} dy="0.32em" text-anchor="end">
                {numberText(tick)}
              </text>
            </g>
          ))}
          {rows.map((row, index) => {
            const left = x(row.label) ?? 0;
            return (
              <g key={row.label} class={focused === row.label ? 'chart-day chart-day-on' : 'chart-day'}>
                <rect
                  class="chart-band"
                  x={left}
                  y={MARGIN.top}
                  width={x.bandwidth()}
                  height={HEIGHT - MARGIN.top - MARGIN.bottom}
                />
                {series.map((layer) => {
                  const [low, high] = layer[index] as unknown as [number, number];
                  if (high - low <= 0) return null;
                  return (
                    <rect
                      key={layer.key}
                      class="chart-bar"
                      x={left}
                      width={x.bandwidth()}
                      y={y(high)}
                      height={Math.max(0, y(low) - y(high))}
                      style={{ fill: `var(--feeling-${layer.key})` }}
                    />
                  );
                })}
                <text
                  class="chart-axis"
                  x={left + x.bandwidth() / 2}
                  y={HEIGHT - MARGIN.bottom + 16}
                  text-anchor="middle"
                >
                  {row.label}
                </text>
              </g>
            );
          })}
        </svg>
        <div class="chart-hits">
          {rows.map((row) => (
            <button
              type="button"
              key={row.label}
              class="chart-hit"
              aria-label={lengthDescription(row)}
              aria-pressed={focused === row.label ? 'true' : 'false'}
              style={{
                left: `${((x(row.label) ?? 0) / WIDTH) * 100}%`,
                width: `${(x.bandwidth() / WIDTH) * 100}%`,
                top: `${(MARGIN.top / HEIGHT) * 100}%`,
                height: `${((HEIGHT - MARGIN.top - MARGIN.bottom) / HEIGHT) * 100}%`,
              }}
              onFocus={() => setFocused(row.label)}
              onMouseEnter={() => setFocused(row.label)}
              onClick={() => setFocused(row.label)}
            />
          ))}
        </div>
      </div>
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
