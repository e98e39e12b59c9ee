/**
 * Minutes per site per day as stacked bars, over the last 7, 30 or 90 days: sites in a stable
 * order and colour, her daily limit as a dashed line where she set one. Scales and stacking come
 * from d3-scale and d3-shape; Preact draws the SVG. Accessible: the SVG has a title and a
 * description, each day is reachable by keyboard and reads out its numbers, the same numbers
 * are one click away as a table, and colour is never the only cue (the legend names each site,
 * every day's label says its minutes per site).
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { stack } from 'd3-shape';
import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { sumValues } from '@/utils/format';
import { t } from '@/utils/i18n';
import { BUILT_IN_SITE_IDS } from '@/utils/sites/types';
import { durationText, numberText } from './text/format';
import { WeekTable } from './WeekTable';

export interface ChartDay {
  day: string;
  label: string;
  totals: Record<string, number>;
}

export interface MinutesChartProps {
  /** Oldest first: the last 90 days (fewer are shown as she chooses). */
  days: ChartDay[];
  siteName(id: string): string;
  dailyLimitMinutes: number | null;
}

export const RANGES = [7, 30, 90] as const;
/** The performance mark set when the chart is first drawn. */
export const CHART_MARK = 'outside-the-frame:first-chart';
const WIDTH = 720;
const HEIGHT = 240;
const MARGIN = { top: 12, right: 12, bottom: 28, left: 40 };

/** Built-in sites in their registry order, then any others by name: the same order every time. */
export function siteOrder(days: readonly ChartDay[]): string[] {
  const present = new Set(days.flatMap((day) => Object.keys(day.totals).filter((site) => (day.totals[site] ?? 0) > 0)));
  const builtIn = BUILT_IN_SITE_IDS.filter((site) => present.has(site));
  const others = [...present].filter((site) => !(BUILT_IN_SITE_IDS as readonly string[]).includes(site)).sort();
  return [...builtIn, ...others];
}

const minutesOf = (ms: number | undefined) => (ms ?? 0) / 60_000;

/** "Mon 1 Dec: Instagram 12 min, X 4 min; 16 min in all." */
export function dayDescription(day: ChartDay, sites: readonly string[], siteName: (id: string) => string): string {
  const parts = sites
    .filter((site) => (day.totals[site] ?? 0) > 0)
    .map((site) => t('chartSiteMinutes', [siteName(site), durationText(day.totals[site] ?? 0)]));
  const total = durationText(sumValues(day.totals));
  return parts.length > 0 ? t('chartDayLabel', [day.label, parts.join(', '), total]) : t('chartDayEmpty', day.label);
}

export function MinutesChart({ days: allDays, siteName, dailyLimitMinutes }: MinutesChartProps) {
  const [range, setRange] = useState<(typeof RANGES)[number]>(7);
  const [asTable, setAsTable] = useState(false);
  const [focused, setFocused] = useState<string | undefined>();
  const id = useId();
  // When the chart is first on the page (the bench reads it: time to the first chart).
  useEffect(() => {
    performance.mark(CHART_MARK);
  }, []);
  const days = allDays.slice(-range);
  const sites = useMemo(() => siteOrder(days), [days]);

  const series = useMemo(
    () =>
      stack<ChartDay, string>()
        .keys(sites)
        .value((day, site) => minutesOf(day.totals[site]))(days),
    [days, sites],
  );
  const highest = Math.max(dailyLimitMinutes ?? 0, ...days.map((day) => minutesOf(sumValues(day.totals))), 10);
  const x = scaleBand<string>()
    .domain(days.map((day) => day.day))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .paddingInner(range === 7 ? 0.35 : 0.2);
  const y = scaleLinear()
    .domain([0, highest])
    .nice(4)
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const ticks = y.ticks(4);
  const labelEvery = range === 7 ? 1 : range === 30 ? 5 : 15;
  const focusedDay = days.find((day) => day.day === focused);

  return (
    <div class="chart">
      <div class="chart-controls">
        <fieldset class="chart-range">
          <legend class="visually-hidden">{t('chartRangeLegend')}</legend>
          {RANGES.map((value) => (
            <button
              type="button"
              key={value}
              class="secondary small-button"
              aria-pressed={range === value ? 'true' : 'false'}
              onClick={() => setRange(value)}
            >
              {t('chartRange', numberText(value))}
            </button>
          ))}
        </fieldset>
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
          <title id={`${id}-title`}>{t('chartTitle', numberText(range))}</title>
          <desc id={`${id}-desc`}>
            {t('chartDescription', [sites.map(siteName).join(', ') || t('chartNoSites'), numberText(range)])}
            {dailyLimitMinutes !== null ? ` ${t('chartLimitLine', numberText(dailyLimitMinutes))}` : ''}
          </desc>
          {ticks.map((tick) => (
            <g key={tick}>
              <line class="chart-grid" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
              <text class="chart-axis" x={MARGIN.left - 6} y={y(tick)} dy="0.32em" text-anchor="end">
                {numberText(tick)}
              </text>
            </g>
          ))}
          {days.map((day, index) => {
            const left = x(day.day) ?? 0;
            return (
              <g key={day.day} class={focused === day.day ? 'chart-day chart-day-on' : 'chart-day'}>
                {/* A full-height band so the day is easy to point at, and its focus ring visible. */}
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
                      style={{ fill: `var(--site-${layer.key}, var(--site-other))` }}
                    />
                  );
                })}
                {index % labelEvery === 0 || index === days.length - 1 ? (
                  <text
                    class="chart-axis"
                    x={left + x.bandwidth() / 2}
                    y={HEIGHT - MARGIN.bottom + 16}
                    text-anchor="middle"
                  >
                    {day.label}
                  </text>
                ) : null}
              </g>
            );
          })}
          {dailyLimitMinutes !== null ? (
            <g>
              <line
                class="chart-limit"
                x1={MARGIN.left}
                x2={WIDTH - MARGIN.right}
                y1={y(dailyLimitMinutes)}
                y2={y(dailyLimitMinutes)}
              />
              <text
                class="chart-axis chart-limit-label"
                x={WIDTH - MARGIN.right}
                y={y(dailyLimitMinutes) - 4}
                text-anchor="end"
              >
                {t('chartLimitLabel', numberText(dailyLimitMinutes))}
              </text>
            </g>
          ) : null}
        </svg>
        {/* Each day as a button over its bar: reachable by keyboard, its numbers read out. */}
        <div class="chart-hits">
          {days.map((day) => (
            <button
              type="button"
              key={day.day}
              class="chart-hit"
              aria-label={dayDescription(day, sites, siteName)}
              aria-pressed={focused === day.day ? 'true' : 'false'}
              style={{
                left: `${((x(day.day) ?? 0) / WIDTH) * 100}%`,
                width: `${(x.bandwidth() / WIDTH) * 100}%`,
                top: `${(MARGIN.top / HEIGHT) * 100}%`,
                height: `${((HEIGHT - MARGIN.top - MARGIN.bottom) / HEIGHT) * 100}%`,
              }}
              onFocus={() => setFocused(day.day)}
              onMouseEnter={() => setFocused(day.day)}
              onClick={() => setFocused(day.day)}
            />
          ))}
        </div>
      </div>
      <p class="muted small chart-focus" aria-live="polite">
        {focusedDay ? dayDescription(focusedDay, sites, siteName) : t('chartHint')}
      </p>
      <ul class="chart-legend" aria-label={t('chartLegend')}>
        {sites.map((site) => (
          <li key={site}>
            <span
              class="chart-swatch"
              style={{ background: `var(--site-${site}, var(--site-other))` }}
              aria-hidden="true"
            />
            {siteName(site)}
          </li>
        ))}
      </ul>
      {asTable ? (
        <div id={`${id}-table`}>
          <WeekTable days={days} siteName={siteName} caption={t('chartTitle', numberText(range))} />
        </div>
      ) : null}
    </div>
  );
}
