import { type ReactNode, useId, useState } from 'react';
import { Link } from 'react-router';
import { ResponsiveContainer } from 'recharts';
import './chart.css';

/** What each series of a chart is called and drawn in; one place for labels and colours. */
export interface ChartSeries {
  label: string;
  color: string;
}
export type ChartConfig = Record<string, ChartSeries>;

export type ChartRow = Record<string, string | number | null>;

interface ChartProps {
  /** Also the chart's accessible name. */
  title: string;
  /** The metric's definition, shown on hover and read by screen readers. */
  definition: string;
  config: ChartConfig;
  data: ChartRow[];
  /** The key of the x-axis value in each row, first column of the table view. */
  xKey: string;
  /** Why there is nothing to show, when `data` is empty. */
  emptyReason: string;
  height?: number;
  /** Where a row (a chart point) drills to; the table view links each row there too. */
  rowLink?: (row: ChartRow) => string | undefined;
  /** Formats a cell of the table view (defaults to the raw value). */
  formatValue?: (key: string, value: number | string) => string;
  /** Names the first column of the table view (defaults to `xKey`). */
  xLabel?: string;
  children: ReactNode;
}

/**
 * The one frame every chart uses: accessible name, hover definition, empty state, and a table
 * view of the same rows. Recharts elements go inside as children.
 */
export function Chart({
  title,
  definition,
  config,
  data,
  xKey,
  emptyReason,
  height = 220,
  rowLink,
  formatValue = (_key, value) => String(value),
  xLabel = xKey,
  children,
}: ChartProps) {
  const [showTable, setShowTable] = useState(false);
  const descriptionId = useId();
  const seriesKeys = Object.keys(config);
  return (
    <figure className="chart" aria-label={title} aria-describedby={descriptionId}>
      <figcaption className="chart__caption">
        <span className="chart__title" title={definition}>
          {title}
        </span>
        <span id={descriptionId} className="chart__definition">
          {definition}
        </span>
        {data.length > 0 && (
          <button
            type="button"
            className="chart__toggle"
            onClick={() => setShowTable((shown) => !shown)}
          >
            {showTable ? 'Show chart' : 'Show table'}
          </button>
        )}
      </figcaption>
      {data.length === 0 ? (
        <p className="chart__empty">{emptyReason}</p>
      ) : showTable ? (
        <table className="chart__table">
          <thead>
            <tr>
              <th scope="col">{xLabel}</th>
              {seriesKeys.map((key) => (
                <th scope="col" key={key}>
                  {config[key]?.label ?? key}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((row, index) => {
              const href = rowLink?.(row);
              const value = row[xKey];
              return (
                <tr key={`${String(value)}-${index}`}>
                  <th scope="row">{href === undefined ? value : <Link to={href}>{value}</Link>}</th>
                  {seriesKeys.map((key) => {
                    const cell = row[key];
                    return (
                      <td key={key}>
                        {cell === null || cell === undefined ? '—' : formatValue(key, cell)}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 640, height }}>
          {children}
        </ResponsiveContainer>
      )}
    </figure>
  );
}
