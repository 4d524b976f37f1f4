import type { TooltipContentProps } from 'recharts';
import type { ChartConfig } from './chart';

/** Tooltip that names series by the chart's config rather than by their data keys. */
export function ChartTooltipContent({
  active,
  payload,
  label,
  config,
  unit = '',
  format = (value) => String(value),
}: Partial<TooltipContentProps<number, string>> & {
  config: ChartConfig;
  unit?: string;
  /** Formats each value as people read it (e.g. 0.38 -> 38%). */
  format?: (value: number) => string;
}) {
  if (active !== true || payload === undefined || payload.length === 0) return null;
  return (
    <div className="chart-tooltip" role="status">
      <div className="chart-tooltip__label">{label}</div>
      {payload.map((item) => {
        const series = config[String(item.dataKey)];
        return (
          <div key={String(item.dataKey)} style={{ color: series?.color }}>
            {series?.label ?? String(item.dataKey)}:{' '}
            {typeof item.value === 'number' ? format(item.value) : '—'}
            {unit}
          </div>
        );
      })}
    </div>
  );
}
