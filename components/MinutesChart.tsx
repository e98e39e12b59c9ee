/**
 * Minutes per site per day as stacked bars, over the last 7, 30 or 90 days: sites in a stable
 * order and colour, her daily limit as a dashed line where she set one. Scales and stacking come
 * from d3-scale and d3-shape; Preact draws the SVG. Accessible: the SVG has a title and a
 * description, each day is reachable by keyboard and reads out its numbers, the same numbers
 * are one click away as a table, and colour is never the only cue (the legend names each site,
 * every day's label says its minutes per site).
 */
import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { sumValues } from '@/utils/format';
import { t } from '@/utils/i18n';
import { BUILT_IN_SITE_IDS } from '@/utils/sites/types';
import { TableToggle } from './CountChart';
import { PLOT, StackedBars } from './StackedBars';
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
        <TableToggle open={asTable} controls={`${id}-table`} toggle={() => setAsTable((open) => !open)} />
      </div>
      <StackedBars
        rows={days}
        keys={sites}
        value={(day, site) => minutesOf(day.totals[site])}
        keyOf={(day) => day.day}
        labelOf={(day) => day.label}
        describe={(day) => dayDescription(day, sites, siteName)}
        fillOf={(site) => `var(--site-${site}, var(--site-other))`}
        id={id}
        title={t('chartTitle', numberText(range))}
        description={`${t('chartDescription', [sites.map(siteName).join(', ') || t('chartNoSites'), numberText(range)])}${
          dailyLimitMinutes !== null ? ` ${t('chartLimitLine', numberText(dailyLimitMinutes))}` : ''
        }`}
        height={240}
        minMax={Math.max(dailyLimitMinutes ?? 0, 10)}
        ticks={4}
        padding={range === 7 ? 0.35 : 0.2}
        showLabel={(index) => index % labelEvery === 0 || index === days.length - 1}
        overlay={(y) =>
          dailyLimitMinutes !== null ? (
            <g>
              <line
                class="chart-limit"
                x1={PLOT.left}
                x2={PLOT.right}
                y1={y(dailyLimitMinutes)}
                y2={y(dailyLimitMinutes)}
              />
              <text class="chart-axis chart-limit-label" x={PLOT.right} y={y(dailyLimitMinutes) - 4} text-anchor="end">
                {t('chartLimitLabel', numberText(dailyLimitMinutes))}
              </text>
            </g>
          ) : null
        }
        chosen={focused}
        choose={setFocused}
      />
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
