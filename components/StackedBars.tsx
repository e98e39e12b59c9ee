/**
 * The drawing both dashboard charts share: stacked bars over a band scale (d3-scale, stacking
 * by d3-shape), grid lines with their values, a label under the bars that want one, and over
 * each bar a button that reads out its numbers (keyboard and pointer both choose it). The SVG is
 * one image with a title and a description; the buttons carry the values.
 */
import { type ScaleLinear, scaleBand, scaleLinear } from 'd3-scale';
import { type SeriesPoint, stack } from 'd3-shape';
import type { ComponentChild } from 'preact';
import { useMemo } from 'preact/hooks';
import { numberText } from './text/format';

export interface StackedBarsProps<Row> {
  rows: readonly Row[];
  /** The layers, bottom first, and a row's value in each. */
  keys: readonly string[];
  value(row: Row, key: string): number;
  keyOf(row: Row): string;
  labelOf(row: Row): string;
  /** What a bar's button reads out. */
  describe(row: Row): string;
  /** A layer's colour (a CSS value). */
  fillOf(key: string): string;
  id: string;
  title: string;
  description: string;
  height: number;
  /** At least this much on the value axis (so a few small values don't fill it). */
  minMax: number;
  ticks: number;
  padding: number;
  showLabel?(index: number): boolean;
  /** More to draw over the bars (her daily limit), given the value scale. */
  overlay?(y: ScaleLinear<number, number>): ComponentChild;
  chosen: string | undefined;
  choose(key: string): void;
}

const WIDTH = 720;
const MARGIN = { top: 12, right: 12, bottom: 28, left: 40 };

export function StackedBars<Row>(props: StackedBarsProps<Row>) {
  const { rows, keys, keyOf, height, chosen } = props;
  const series = useMemo(
    () =>
      stack<Row, string>()
        .keys(keys)
        .value((row, key) => props.value(row, key))(rows as Row[]),
    [rows, keys],
  );
  const totals = rows.map((row) => keys.reduce((sum, key) => sum + props.value(row, key), 0));
  const x = scaleBand<string>()
    .domain(rows.map(keyOf))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .paddingInner(props.padding);
  const y = scaleLinear()
    .domain([0, Math.max(props.minMax, ...totals)])
    .nice(props.ticks)
    .range([height - MARGIN.bottom, MARGIN.top]);
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const pct = (value: number, of: number) => `${(value / of) * 100}%`;

  return (
    <div class="chart-plot">
      <svg
        class="chart-svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${props.id}-title`}
        aria-describedby={`${props.id}-desc`}
      >
        <title id={`${props.id}-title`}>{props.title}</title>
        <desc id={`${props.id}-desc`}>{props.description}</desc>
        {y.ticks(props.ticks).map((tick) => (
          <g key={tick}>
            <line class="chart-grid" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
            <text class="chart-axis" x={MARGIN.left - 6} y={y(tick)} dy="0.32em" text-anchor="end">
              {numberText(tick)}
            </text>
          </g>
        ))}
        {rows.map((row, index) => {
          const key = keyOf(row);
          const left = x(key) ?? 0;
          return (
            <g key={key} class={chosen === key ? 'chart-day chart-day-on' : 'chart-day'}>
              <rect class="chart-band" x={left} y={MARGIN.top} width={x.bandwidth()} height={plotHeight} />
              {series.map((layer) => {
                const [low, high] = layer[index] as SeriesPoint<Row>;
                if (high - low <= 0) return null;
                return (
                  <rect
                    key={layer.key}
                    class="chart-bar"
                    x={left}
                    width={x.bandwidth()}
                    y={y(high)}
                    height={Math.max(0, y(low) - y(high))}
                    style={{ fill: props.fillOf(layer.key) }}
                  />
                );
              })}
              {(props.showLabel?.(index) ?? true) ? (
                <text
                  class="chart-axis"
                  x={left + x.bandwidth() / 2}
                  y={height - MARGIN.bottom + 16}
                  text-anchor="middle"
                >
                  {props.labelOf(row)}
                </text>
              ) : null}
            </g>
          );
        })}
        {props.overlay?.(y)}
      </svg>
      {/* Each bar as a button over it: reachable by keyboard, its numbers read out. */}
      <div class="chart-hits">
        {rows.map((row) => {
          const key = keyOf(row);
          return (
            <button
              type="button"
              key={key}
              class="chart-hit"
              aria-label={props.describe(row)}
              aria-pressed={chosen === key ? 'true' : 'false'}
              style={{
                left: pct(x(key) ?? 0, WIDTH),
                width: pct(x.bandwidth(), WIDTH),
                top: pct(MARGIN.top, height),
                height: pct(plotHeight, height),
              }}
              onFocus={() => props.choose(key)}
              onMouseEnter={() => props.choose(key)}
              onClick={() => props.choose(key)}
            />
          );
        })}
      </div>
    </div>
  );
}

/** The x range the bars use, for drawing across the plot (a limit line). */
export const PLOT = { left: MARGIN.left, right: WIDTH - MARGIN.right };
