import {
  metricById,
  periodOf,
  type MetricDefinition,
  type QuarterlyHeadline,
  type Verdict,
} from '@rework-radar/shared';

/** The quarter's headline metrics, their deltas read through the direction of good, and sentences written from them. */

export const headlineMetricIds = [
  'velocity-pull-request-throughput',
  'velocity-pull-request-cycle-time',
  'context-score-at-start-mean',
  'context-acceptance-criteria-share',
  'context-missing-context-rework-share',
  'review-depth-risk-correlation',
  'review-rubber-stamp-rate',
  'dora-deployment-frequency',
  'dora-lead-time-for-changes',
  'dora-change-failure-rate',
  'dora-rework-rate',
  'agents-authored-share',
] as const;

export function quarterPeriod(label: string): ReturnType<typeof periodOf> {
  const [year, quarter] = label.split('-Q').map(Number);
  return periodOf(new Date(Date.UTC(year ?? 1970, ((quarter ?? 1) - 1) * 3, 1)), 'quarter');
}

/** Changes under 2% of the previous value are "unchanged": noise, not news. */
const unchangedBelow = 0.02;

export function verdictOf(
  direction: MetricDefinition['directionOfGood'],
  value: number | null,
  previous: number | null,
): Verdict {
  if (value === null || previous === null) return 'unknown';
  if (direction === 'neutral') return 'neutral';
  const delta = value - previous;
  const relative =
    previous === 0
      ? delta === 0
        ? 0
        : Number.POSITIVE_INFINITY
      : Math.abs(delta) / Math.abs(previous);
  if (relative < unchangedBelow) return 'unchanged';
  return delta > 0 === (direction === 'up') ? 'better' : 'worse';
}

export function headline(
  metricId: string,
  current: { value: number | null; universe: { count: number; noun: string } } | undefined,
  previousValue: number | null,
): QuarterlyHeadline {
  const definition = metricById(metricId);
  if (definition === undefined) throw new Error(`unknown metric ${metricId}`);
  const value = current?.value ?? null;
  const delta = value === null || previousValue === null ? null : value - previousValue;
  return {
    metricId,
    name: definition.name,
    unit: definition.unit,
    directionOfGood: definition.directionOfGood,
    value,
    previousValue,
    delta,
    relativeDelta:
      delta === null || previousValue === null || previousValue === 0
        ? null
        : delta / Math.abs(previousValue),
    verdict: verdictOf(definition.directionOfGood, value, previousValue),
    universe: current?.universe ?? { count: 0, noun: definition.universeNoun },
  };
}

export function formatValue(value: number, unit: MetricDefinition['unit']): string {
  switch (unit) {
    case 'ratio':
      return `${(value * 100).toFixed(1)}%`;
    case 'hours':
      return `${value.toFixed(1)} h`;
    case 'days':
      return `${value.toFixed(1)} days`;
    case 'per-week':
      return `${value.toFixed(1)} per week`;
    case 'engineer-days':
      return `${value.toFixed(1)} engineer-days`;
    case 'correlation':
      return value.toFixed(2);
    case 'count':
    case 'points':
    case 'score':
      return value.toFixed(1);
  }
}

/** Up to five sentences: the largest better/worse moves first, then what caused the quarter's rework. */
export function highlights(quarter: string, headlines: readonly QuarterlyHeadline[]): string[] {
  const moves = headlines
    .filter(
      (h) =>
        (h.verdict === 'better' || h.verdict === 'worse') &&
        h.value !== null &&
        h.previousValue !== null,
    )
    .sort(
      (a, b) =>
        Math.abs(b.relativeDelta ?? Number.POSITIVE_INFINITY) -
          Math.abs(a.relativeDelta ?? Number.POSITIVE_INFINITY) ||
        a.metricId.localeCompare(b.metricId),
    )
    .slice(0, 4)
    .map((h) => {
      const value = h.value ?? 0;
      const previous = h.previousValue ?? 0;
      const change =
        h.relativeDelta === null
          ? ''
          : ` (${h.relativeDelta > 0 ? '+' : ''}${(h.relativeDelta * 100).toFixed(0)}%)`;
      return `${h.name} ${value > previous ? 'rose' : 'fell'} from ${formatValue(previous, h.unit)} to ${formatValue(value, h.unit)}${change} in ${quarter}, ${h.verdict === 'better' ? 'an improvement' : 'a deterioration'}.`;
    });
  const cause = headlines.find((h) => h.metricId === 'context-missing-context-rework-share');
  if (cause?.value !== null && cause?.value !== undefined && cause.universe.count > 0) {
    moves.push(
      `Missing context caused ${formatValue(cause.value, 'ratio')} of the ${cause.universe.count} ${cause.universe.noun} in ${quarter}.`,
    );
  }
  return moves;
}
