import { metricById, type Team } from '@rework-radar/shared';
import { useQueries } from '@tanstack/react-query';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { Chart, type ChartConfig, type ChartRow } from '../../../components/chart/chart';
import { ChartTooltipContent } from '../../../components/chart/chart-tooltip';
import { Skeleton } from '../../../components/states/query-states';
import { metricsQueryOptions } from '../../../lib/api/get-metrics';
import type { Grain } from '../../../lib/scope';

const metricId = 'review-depth-risk-correlation';
const palette = [
  'var(--series-1)',
  'var(--series-2)',
  'var(--series-3)',
  'var(--series-4)',
  'var(--muted)',
];

interface Props {
  teams: readonly Team[];
  grain: Grain;
  from: string;
  to: string;
}

/** Calibration (rank correlation of depth with risk) per team over time; the organisation when no team exists. */
export function CalibrationByTeam({ teams, grain, from, to }: Props) {
  const scopes =
    teams.length === 0
      ? [{ slug: undefined, name: 'Organisation' }]
      : teams.map((team) => ({ slug: team.slug, name: team.name }));
  const queries = useQueries({
    queries: scopes.map((scope) =>
      metricsQueryOptions({ metricIds: [metricId], period: grain, from, to, team: scope.slug }),
    ),
  });
  if (queries.some((query) => query.data === undefined)) {
    const failed = queries.find((query) => query.isError);
    return failed?.error ? (
      <p role="alert">Calibration by team could not be loaded: {failed.error.message}</p>
    ) : (
      <Skeleton label="Loading calibration by team" />
    );
  }
  const config: ChartConfig = Object.fromEntries(
    scopes.map((scope, index) => [
      scope.slug ?? 'organisation',
      { label: scope.name, color: palette[index % palette.length] ?? 'var(--muted)' },
    ]),
  );
  const rows = new Map<string, ChartRow>();
  queries.forEach((query, index) => {
    const key = scopes[index]?.slug ?? 'organisation';
    for (const value of query.data?.values ?? []) {
      if (value.metricId !== metricId) continue;
      const row = rows.get(value.period.start) ?? {
        label: value.period.label,
        start: value.period.start,
      };
      row[key] = value.value === null ? null : Math.round(value.value * 100) / 100;
      rows.set(value.period.start, row);
    }
  });
  const data = [...rows.values()].sort((a, b) => String(a.start).localeCompare(String(b.start)));
  const hasValue = data.some((row) =>
    Object.keys(config).some((key) => typeof row[key] === 'number'),
  );
  return (
    <Chart
      title="Calibration by team"
      definition={metricById(metricId)?.definition ?? ''}
      config={config}
      data={hasValue ? data : []}
      xKey="label"
      xLabel="Period"
      emptyReason="Too few scored pull requests were merged per team and period to rank depth against risk."
    >
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: 'var(--muted)' }} />
        <YAxis domain={[-1, 1]} width={40} tick={{ fontSize: 12, fill: 'var(--muted)' }} />
        <Tooltip content={<ChartTooltipContent config={config} />} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {Object.entries(config).map(([key, series]) => (
          <Line
            key={key}
            dataKey={key}
            name={series.label}
            stroke={series.color}
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
