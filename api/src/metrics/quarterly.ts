import {
  changeReadsRelative,
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
      delta === null ||
      previousValue === null ||
      previousValue === 0 ||
      !changeReadsRelative(definition.unit)
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

/** How far a headline moved, comparable across units: a relative change, a share's change in points (0.25 for 25 points), half a correlation's difference (its range is 2). */
function moveSize(h: QuarterlyHeadline): number {
  if (h.delta === null) return 0;
  if (h.unit === 'ratio') return Math.abs(h.delta);
  if (h.unit === 'correlation') return Math.abs(h.delta) / 2;
  return Math.abs(h.relativeDelta ?? Number.POSITIVE_INFINITY);
}

/** The change in words: a share in percentage points, a correlation as a difference, the rest relative. */
function changeText(h: QuarterlyHeadline): string {
  const sign = (value: number): string => (value > 0 ? '+' : '');
  if (h.delta === null) return '';
  if (h.unit === 'ratio') return ` (${sign(h.delta)}${(h.delta * 100).toFixed(1)} points)`;
  if (h.unit === 'correlation') return ` (${sign(h.delta)}${h.delta.toFixed(2)})`;
  return h.relativeDelta === null
    ? ''
    : ` (${sign(h.relativeDelta)}${(h.relativeDelta * 100).toFixed(0)}%)`;
}

/** Up to five sentences: the largest better/worse moves first, each with how many records it stands on, then what caused the quarter's rework. */
export function highlights(quarter: string, headlines: readonly QuarterlyHeadline[]): string[] {
  const moves = headlines
    .filter(
      (h) =>
        (h.verdict === 'better' || h.verdict === 'worse') &&
        h.value !== null &&
        h.previousValue !== null,
    )
    .sort((a, b) => moveSize(b) - moveSize(a) || a.metricId.localeCompare(b.metricId))
    .slice(0, 4)
    .map((h) => {
      const value = h.value ?? 0;
      const previous = h.previousValue ?? 0;
      return `${h.name} ${value > previous ? 'rose' : 'fell'} from ${formatValue(previous, h.unit)} to ${formatValue(value, h.unit)}${changeText(h)} in ${quarter} (${h.universe.count} ${h.universe.noun}), ${h.verdict === 'better' ? 'an improvement' : 'a deterioration'}.`;
    });
  const cause = headlines.find((h) => h.metricId === 'context-missing-context-rework-share');
  if (cause?.value !== null && cause?.value !== undefined && cause.universe.count > 0) {
    moves.push(
      `Missing context caused ${formatValue(cause.value, 'ratio')} of the ${cause.universe.count} ${cause.universe.noun} in ${quarter}.`,
    );
  }
  return moves;
}
