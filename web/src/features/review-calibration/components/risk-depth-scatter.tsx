import type { ReviewCalibrationPoint } from '@rework-radar/shared';
import {
  CartesianGrid,
  Legend,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from 'recharts';
import { Chart, type ChartConfig, type ChartRow } from '../../../components/chart/chart';

const groups = [
  { key: 'rubberStamp', label: 'Rubber stamp', color: 'var(--bad)' },
  { key: 'overReview', label: 'Over-reviewed', color: 'var(--warn)' },
  { key: 'calibrated', label: 'Other pull requests', color: 'var(--series-1)' },
] as const;

const config: ChartConfig = {
  risk: { label: 'Risk', color: 'var(--text)' },
  depth: { label: 'Review depth', color: 'var(--text)' },
};

function groupOf(point: ReviewCalibrationPoint): (typeof groups)[number]['key'] {
  if (point.rubberStamp) return 'rubberStamp';
  if (point.overReview) return 'overReview';
  return 'calibrated';
}

interface ScatterRow extends ChartRow {
  label: string;
  risk: number;
  depth: number;
  url: string;
}

/** Each merged PR at its risk (x) and review depth (y); a click opens the PR on GitHub. */
export function RiskDepthScatter({ points }: { points: readonly ReviewCalibrationPoint[] }) {
  const rows: ScatterRow[] = points.map((point) => ({
    label: `${point.repo}#${point.number}`,
    risk: Math.round(point.risk),
    depth: Math.round(point.depth),
    url: point.url,
  }));
  return (
    <Chart
      title="Review depth against risk"
      definition="Each dot is a merged pull request: risk (size, files, critical paths, hotspots, author experience, dependencies, agent authorship) against review depth (reviewers, substantive comments, rounds, time in review for the size). Calibrated review rises with risk. Click a dot to open the pull request."
      config={config}
      data={rows}
      xKey="label"
      xLabel="Pull request"
      height={360}
      emptyReason="No scored pull request was merged in this quarter for this scope."
      rowLink={(row) => (typeof row.url === 'string' ? row.url : undefined)}
    >
      <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
        <XAxis
          type="number"
          dataKey="risk"
          name="Risk"
          domain={[0, 100]}
          tick={{ fontSize: 12, fill: 'var(--muted)' }}
          label={{ value: 'Risk', position: 'insideBottom', offset: -8, fill: 'var(--muted)' }}
        />
        <YAxis
          type="number"
          dataKey="depth"
          name="Depth"
          domain={[0, 100]}
          width={48}
          tick={{ fontSize: 12, fill: 'var(--muted)' }}
        />
        <ZAxis range={[36, 36]} />
        <Tooltip cursor={{ strokeDasharray: '3 3' }} />
        <Legend position="top" wrapperStyle={{ fontSize: 12 }} />
        {groups.map((group) => (
          <Scatter
            key={group.key}
            name={group.label}
            data={rows.filter((_row, index) => {
              const point = points[index];
              return point !== undefined && groupOf(point) === group.key;
            })}
            fill={group.color}
            cursor="pointer"
            isAnimationActive={false}
            onClick={(data: { payload?: ChartRow }) => {
              const url = data.payload?.url;
              if (typeof url === 'string') window.open(url, '_blank', 'noopener');
            }}
          />
        ))}
      </ScatterChart>
    </Chart>
  );
}
