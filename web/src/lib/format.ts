import type { MetricUnit } from '@rework-radar/shared';

const oneDecimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** A metric value as people read it, in its unit. */
export function formatMetric(value: number | null, unit: MetricUnit): string {
  if (value === null) return '—';
  switch (unit) {
    case 'ratio':
      return percent.format(value);
    case 'hours':
      return `${oneDecimal.format(value)} h`;
    case 'days':
      return `${oneDecimal.format(value)} d`;
    case 'engineer-days':
      return `${oneDecimal.format(value)} engineer-days`;
    case 'per-week':
      return `${oneDecimal.format(value)}/wk`;
    case 'correlation':
      return twoDecimals.format(value);
    case 'points':
    case 'score':
    case 'count':
      return oneDecimal.format(value);
  }
}

/** A metric value on a chart axis, where a long unit would not fit beside the numbers. */
export function formatAxisValue(value: number, unit: MetricUnit): string {
  return unit === 'engineer-days' ? `${oneDecimal.format(value)} d` : formatMetric(value, unit);
}

/** A change of a metric, signed: a share's in percentage points ("-10 pts"), the rest in the metric's unit. */
export function formatMetricChange(delta: number, unit: MetricUnit): string {
  const sign = delta > 0 ? '+' : '';
  return unit === 'ratio'
    ? `${sign}${oneDecimal.format(delta * 100)} pts`
    : `${sign}${formatMetric(delta, unit)}`;
}

export function formatPercent(ratio: number): string {
  return percent.format(ratio);
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}
