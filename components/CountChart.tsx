/**
 * A chart of counts as stacked bars, with what every count chart on the dashboard shares: a
 * table one click away, the chosen bar's numbers read out in a polite live line, and a legend
 * naming each layer (colour is never the only cue). The bars are drawn by `StackedBars`.
 */
import type { ComponentChild } from 'preact';
import { useId, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { StackedBars } from './StackedBars';
import { numberText } from './text/format';

export interface CountLayer {
  key: string;
  label: string;
  /** A CSS colour. */
  fill: string;
}

/** A bar: its key, its label (in the table and read out), and a shorter one under the bar. */
export interface CountRow {
  key: string;
  label: string;
  short?: string;
}

export interface CountChartProps<Row extends CountRow> {
  rows: readonly Row[];
  /** Bottom first. */
  layers: readonly CountLayer[];
  value(row: Row, key: string): number;
  /** What a bar says, read out. */
  describe(row: Row): string;
  title: string;
  description: string;
  /** How to read a bar, until one is chosen. */
  hint: string;
  legendLabel: string;
  /** The table's first column: what a row is. */
  rowHeading: string;
  /** More controls, beside the table button (a choice of what to count by). */
  controls?: ComponentChild;
  class?: string;
}

/** "Show as a table" / "Hide the table": the text alternative of a chart, one click away. */
export function TableToggle({ open, controls, toggle }: { open: boolean; controls: string; toggle(): void }) {
  return (
    <button
      type="button"
      class="secondary small-button"
      aria-expanded={open ? 'true' : 'false'}
      aria-controls={controls}
      onClick={toggle}
    >
      {t(open ? 'chartHideTable' : 'chartShowTable')}
    </button>
  );
}

export function CountChart<Row extends CountRow>(props: CountChartProps<Row>) {
  const { rows, layers, value } = props;
  const [asTable, setAsTable] = useState(false);
  const [chosen, setChosen] = useState<string | undefined>();
  const id = useId();
  const chosenRow = rows.find((row) => row.key === chosen);

  return (
    <div class={`chart ${props.class ?? ''}`}>
      <div class="chart-controls">
        {props.controls ?? <span />}
        <TableToggle open={asTable} controls={`${id}-table`} toggle={() => setAsTable((open) => !open)} />
      </div>
      <StackedBars
        rows={rows}
        keys={layers.map((layer) => layer.key)}
        value={value}
        keyOf={(row) => row.key}
        labelOf={(row) => row.short ?? row.label}
        describe={props.describe}
        fillOf={(key) => layers.find((layer) => layer.key === key)?.fill ?? 'currentColor'}
        id={id}
        title={props.title}
        description={props.description}
        height={200}
        minMax={3}
        ticks={3}
        padding={rows.length > 8 ? 0.25 : 0.4}
        chosen={chosen}
        choose={setChosen}
      />
      <p class="muted small chart-focus" aria-live="polite">
        {chosenRow ? props.describe(chosenRow) : props.hint}
      </p>
      {layers.length > 1 ? (
        <ul class="chart-legend" aria-label={props.legendLabel}>
          {layers.map((layer) => (
            <li key={layer.key}>
              <span class="chart-swatch" style={{ background: layer.fill }} aria-hidden="true" />
              {layer.label}
            </li>
          ))}
        </ul>
      ) : null}
      {asTable ? (
        <table id={`${id}-table`} class="week-table">
          <caption>{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{props.rowHeading}</th>
              {layers.map((layer) => (
                <th scope="col" key={layer.key}>
                  {layer.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {layers.map((layer) => (
                  <td key={layer.key}>{numberText(value(row, layer.key))}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
