import { metricById } from '@rework-radar/shared';
import { useNavigate } from 'react-router';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { Chart, type ChartConfig, type ChartRow } from './chart';
import { ChartTooltipContent } from './chart-tooltip';
import { formatAxisValue, formatMetric } from '../../lib/format';

const palette = ['var(--series-1)', 'var(--series-2)', 'var(--series-3)', 'var(--series-4)'];

interface Props {
  title: string;
  metricIds: readonly string[];
  rows: ChartRow[];
  emptyReason: string;
  height?: number;
  /** Where a click on a period (or its row in the table view) leads: the records behind it. */
  pointHref?: (row: ChartRow) => string | undefined;
  /** The top of the value axis, shared by small multiples so their heights compare; else fitted to the data. */
  valueAxisMax?: number;
}

/** One or more metrics of the same unit over time, named and defined from `shared/`. */
export function MetricTrendChart({
  title,
  metricIds,
  rows,
  emptyReason,
  height,
  pointHref,
  valueAxisMax,
}: Props) {
  const navigate = useNavigate();
  const definitions = metricIds
    .map((id) => metricById(id))
    .filter((definition) => definition !== undefined);
  const unit = definitions[0]?.unit ?? 'count';
  const config: ChartConfig = Object.fromEntries(
    definitions.map((definition, index) => [
      definition.id,
      { label: definition.name, color: palette[index] ?? 'var(--muted)' },
    ]),
  );
  const hasValue = rows.some((row) => metricIds.some((id) => typeof row[id] === 'number'));
  const format = (value: number | string) =>
    typeof value === 'number' ? formatMetric(value, unit) : value;
  return (
    <Chart
      title={title}
      definition={definitions
        .map((definition) => `${definition.name}: ${definition.definition}`)
        .join(' ')}
      config={config}
      data={hasValue ? rows : []}
      xKey="label"
      xLabel="Period"
      emptyReason={emptyReason}
      height={height}
      formatValue={(_key, value) => format(value)}
      rowLink={pointHref}
    >
      <LineChart
        data={rows}
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
        style={pointHref === undefined ? undefined : { cursor: 'pointer' }}
        onClick={(state) => {
          const row =
            state.activeIndex === null || state.activeIndex === undefined
              ? undefined
              : rows[Number(state.activeIndex)];
          const href = row === undefined ? undefined : pointHref?.(row);
          if (href !== undefined) void navigate(href);
        }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: 'var(--muted)' }} />
        <YAxis
          width={56}
          domain={valueAxisMax === undefined ? undefined : [0, valueAxisMax]}
          tick={{ fontSize: 12, fill: 'var(--muted)' }}
          tickFormatter={(value: number) => formatAxisValue(value, unit)}
        />
        <Tooltip
          content={
            <ChartTooltipContent config={config} format={(value) => formatMetric(value, unit)} />
          }
        />
        {definitions.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
        {definitions.map((definition) => (
          <Line
            key={definition.id}
            type="monotone"
            dataKey={definition.id}
            name={config[definition.id]?.label}
            stroke={config[definition.id]?.color}
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </Chart>
  );
}
