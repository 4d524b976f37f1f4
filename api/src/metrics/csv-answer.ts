import type {
  MetricSeriesValue,
  QuarterlyResponse,
  ReviewCalibrationResponse,
  MetricExplainResponse,
} from '@rework-radar/shared';
import { toCsv } from './csv';

/** The CSV forms of the list answers: one row per item, the same fields as the JSON. */

export function wantsCsv(format: 'json' | 'csv' | undefined, accept: string | undefined): boolean {
  return (
    format === 'csv' || (format === undefined && (accept ?? '').toLowerCase().includes('text/csv'))
  );
}

export function metricsCsv(values: readonly MetricSeriesValue[]): string {
  return toCsv(
    [
      'metric_id',
      'team',
      'repository',
      'period_kind',
      'period_label',
      'period_start',
      'period_end',
      'value',
      'reason',
      'universe_count',
      'universe_noun',
      'previous_value',
      'delta',
      'excluded',
      'linking_rule',
    ],
    values.map((v) => [
      v.metricId,
      v.scope.team,
      v.scope.repository,
      v.period.kind,
      v.period.label,
      v.period.start,
      v.period.end,
      v.value,
      v.reason,
      v.universe.count,
      v.universe.noun,
      v.previous?.value,
      v.delta,
      v.excluded.map((e) => `${e.reason}: ${e.count}`).join('; '),
      v.linkingRule,
    ]),
  );
}

export function calibrationCsv(answer: ReviewCalibrationResponse): string {
  return toCsv(
    [
      'pull_request_id',
      'repo',
      'number',
      'title',
      'url',
      'author',
      'is_agent',
      'merged_at',
      'risk',
      'depth',
      'risk_bucket',
      'rubber_stamp',
      'over_review',
    ],
    answer.items.map((p) => [
      p.pullRequestId,
      p.repo,
      p.number,
      p.title,
      p.url,
      p.author,
      p.isAgent,
      p.mergedAt,
      p.risk,
      p.depth,
      p.riskBucket,
      p.rubberStamp,
      p.overReview,
    ]),
  );
}

export function quarterlyCsv(answer: QuarterlyResponse): string {
  return toCsv(
    [
      'quarter',
      'team',
      'metric_id',
      'name',
      'unit',
      'direction_of_good',
      'value',
      'previous_value',
      'delta',
      'relative_delta',
      'verdict',
      'universe_count',
      'universe_noun',
    ],
    answer.headlines.map((h) => [
      answer.quarter.label,
      answer.scope.team,
      h.metricId,
      h.name,
      h.unit,
      h.directionOfGood,
      h.value,
      h.previousValue,
      h.delta,
      h.relativeDelta,
      h.verdict,
      h.universe.count,
      h.universe.noun,
    ]),
  );
}

export function explainCsv(answer: MetricExplainResponse): string {
  const factKeys = [...new Set(answer.items.flatMap((row) => Object.keys(row.facts)))].sort();
  return toCsv(
    ['kind', 'id', 'title', 'at', 'url', ...factKeys],
    answer.items.map((row) => [
      row.kind,
      row.id,
      row.title,
      row.at,
      row.url,
      ...factKeys.map((key) => row.facts[key]),
    ]),
  );
}
