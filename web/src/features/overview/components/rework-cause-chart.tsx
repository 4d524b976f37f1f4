import { metricById, reworkCostId } from '@rework-radar/shared';
import { useRef } from 'react';
import { useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { Chart, type ChartConfig, type ChartRow } from '../../../components/chart/chart';
import { ChartTooltipContent } from '../../../components/chart/chart-tooltip';
import { causeLabels } from '../../../lib/labels';
import { reworkDrillHref } from './drill';

const causes = [
  {
    cause: 'missing_context',
    id: reworkCostId('missing_context', 'engineer-days'),
    color: 'var(--cause-missing-context)',
  },
  {
    cause: 'execution',
    id: reworkCostId('execution', 'engineer-days'),
    color: 'var(--cause-execution)',
  },
  { cause: 'unknown', id: reworkCostId('unknown', 'engineer-days'), color: 'var(--cause-unknown)' },
] as const;

const config: ChartConfig = Object.fromEntries(
  causes.map(({ cause, id, color }) => [id, { label: causeLabels[cause], color }]),
);

/** Rework effort stacked by cause; a click on a bar opens the rework items behind it. */
export function ReworkCauseChart({
  rows,
  team,
  emptyReason,
}: {
  rows: ChartRow[];
  team: string | undefined;
  emptyReason: string;
}) {
  const navigate = useNavigate();
  // Recharts redraws the pressed bar between mousedown and mouseup, so the browser's click lands
  // on the chart, not the bar: the bar's mouseup says which cause, the chart's click which period.
  const pressed = useRef<{ cause: string; row: ChartRow | undefined } | undefined>(undefined);
  const hasValue = rows.some((row) =>
    causes.some(({ id }) => typeof row[id] === 'number' && row[id] > 0),
  );
  const definition =
    metricById(causes[0].id)?.definition.replace(
      'attributed to missing context',
      'attributed to each cause',
    ) ?? '';
  const hrefOf = (row: ChartRow, cause?: string) =>
    typeof row.start === 'string' && typeof row.end === 'string'
      ? reworkDrillHref({ start: row.start, end: row.end }, cause, team)
      : undefined;
  return (
    <Chart
      title="Rework effort by cause"
      definition={`Engineer-days of rework by cause. ${definition} Click a bar to see its items.`}
      config={config}
      data={hasValue ? rows : []}
      xKey="label"
      xLabel="Period"
      emptyReason={emptyReason}
      rowLink={(row) => hrefOf(row)}
      formatValue={(_key, value) => (typeof value === 'number' ? value.toFixed(1) : value)}
    >
      <BarChart
        data={rows}
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
        onClick={(state) => {
          const bar = pressed.current;
          pressed.current = undefined;
          const active =
            state.activeIndex === null || state.activeIndex === undefined
              ? undefined
              : rows[Number(state.activeIndex)];
          const row = bar?.row ?? active;
          const href = row === undefined ? undefined : hrefOf(row, bar?.cause);
          if (href !== undefined) void navigate(href);
        }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: 'var(--muted)' }} />
        <YAxis width={48} tick={{ fontSize: 12, fill: 'var(--muted)' }} />
        <Tooltip
          content={
            <ChartTooltipContent
              config={config}
              unit=" engineer-days"
              format={(value) => value.toFixed(1)}
            />
          }
          cursor={false}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {causes.map(({ cause, id, color }) => (
          <Bar
            key={id}
            dataKey={id}
            name={causeLabels[cause]}
            stackId="cause"
            activeBar={false}
            fill={color}
            cursor="pointer"
            isAnimationActive={false}
            onMouseUp={(data: { payload?: ChartRow }) => {
              pressed.current = { cause, row: data.payload };
            }}
          />
        ))}
      </BarChart>
    </Chart>
  );
}
