import { type ReactNode, useId, useState } from 'react';
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
  children: ReactNode;
}

/**
 * The one frame every chart uses: accessible name, hover definition, empty state, and a table
 * view of the same rows. Recharts elements go inside as children.
 */
export function Chart({ title, definition, config, data, xKey, emptyReason, height = 220, children }: ChartProps) {
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
          <button type="button" className="chart__toggle" onClick={() => setShowTable((shown) => !shown)}>
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
              <th scope="col">{xKey}</th>
              {seriesKeys.map((key) => (
                <th scope="col" key={key}>
                  {config[key]?.label ?? key}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((row, index) => (
              <tr key={`${String(row[xKey])}-${index}`}>
                <th scope="row">{row[xKey]}</th>
                {seriesKeys.map((key) => (
                  <td key={key}>{row[key] ?? '—'}</td>
                ))}
              </tr>
            ))}
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
