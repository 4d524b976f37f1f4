import type { ReworkItemView } from '@rework-radar/shared';
import { toCsv } from '../../metrics/csv';

/** The CSV form of a rework list page: one row per item, lists joined with spaces. */
const header = [
  'id',
  'kind',
  'repo',
  'occurred_at',
  'detected_at',
  'cause',
  'model_cause',
  'confidence',
  'score_missing_context',
  'score_execution',
  'overridden_by',
  'rework_pull_requests',
  'rework_work_items',
  'incident',
  'origin_pull_requests',
  'origin_work_items',
  'detection_rule',
  'effort_pull_requests',
  'effort_lines',
  'effort_cycle_hours',
  'evidence',
];

export function reworkCsv(items: readonly ReworkItemView[]): string {
  return toCsv(
    header,
    items.map((item) => [
      item.id,
      item.kind,
      item.repo,
      item.occurredAt,
      item.detectedAt,
      item.cause,
      item.model.cause,
      item.confidence,
      item.model.scores.missing_context,
      item.model.scores.execution,
      item.override?.by ?? null,
      item.rework.pullRequests.join(' '),
      item.rework.workItems.join(' '),
      item.rework.incident,
      item.origin.pullRequests.join(' '),
      item.origin.workItems.join(' '),
      item.detection.rule,
      item.effort.pullRequests,
      item.effort.lines,
      item.effort.cycleHours,
      item.evidence.map((entry) => `${entry.side}:${entry.signal}`).join(' '),
    ]),
  );
}
