import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { Chart, type ChartConfig } from '../../../components/chart/chart';
import { ChartTooltipContent } from '../../../components/chart/chart-tooltip';
import type { HealthReading } from '../api/get-health';

const config: ChartConfig = { latencyMs: { label: 'Round trip (ms)', color: 'var(--series-1)' } };

/** The round trip of the last health checks, as this browser measured them. */
export function LatencyChart({ readings }: { readings: HealthReading[] }) {
  const data = readings.map((reading) => ({
    time: new Date(reading.receivedAt).toLocaleTimeString(),
    latencyMs: reading.latencyMs,
  }));
  return (
    <Chart
      title="Health check round trip"
      definition="Time from this browser asking /api/health to the answer arriving, for the last checks."
      config={config}
      data={data}
      xKey="time"
      emptyReason="No health check has answered yet."
    >
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
        <XAxis dataKey="time" tick={{ fontSize: 12 }} />
        <YAxis unit=" ms" width={60} tick={{ fontSize: 12 }} />
        <Tooltip content={<ChartTooltipContent config={config} unit=" ms" />} />
        <Line
          type="monotone"
          dataKey="latencyMs"
          stroke={config.latencyMs?.color}
          strokeWidth={2}
          dot
          isAnimationActive={false}
        />
      </LineChart>
    </Chart>
  );
}
