import type { Exclusion, MetricSeriesValue, PeriodKind } from '@rework-radar/shared';
import type { EntityManager } from 'typeorm';

/** Reads of the rollup table for the API: one index range per scope and period kind, with the previous value paired. */

export interface RollupKey {
  kind: 'org' | 'team' | 'repo';
  key: string;
}

export interface RollupRow {
  metric_id: string;
  period_kind: PeriodKind;
  period_start: Date;
  period_end: Date;
  period_label: string;
  value: number | null;
  reason: string | null;
  universe_count: number;
  universe_noun: string;
  excluded: Exclusion[];
  linking_rule: string | null;
}

/**
 * The scope's rows of one period kind overlapping [from, to), each with the value of the period
 * before it (the latest earlier start; the highest label among equal starts) for deltas. One
 * index range from the start of the period before the first one in range, paired in code: a
 * lookup per row made the overview cost a subquery per value.
 */
export async function readRollups(
  manager: EntityManager,
  scope: RollupKey,
  periodKind: PeriodKind,
  from: Date,
  to: Date,
  metricIds: readonly string[] | null,
): Promise<Array<Omit<MetricSeriesValue, 'scope'>>> {
  const rows = await manager.query<RollupRow[]>(
    `WITH first_in_range AS (
       SELECT min(period_start) AS start FROM metric_rollup
       WHERE scope_kind = $1 AND scope_key = $2 AND period_kind = $3 AND period_start < $5 AND period_end > $4),
     lower_bound AS (
       SELECT coalesce((SELECT max(q.period_start) FROM metric_rollup q, first_in_range f
         WHERE q.scope_kind = $1 AND q.scope_key = $2 AND q.period_kind = $3 AND q.period_start < f.start), f.start) AS start FROM first_in_range f)
     SELECT r.metric_id, r.period_kind, r.period_start, r.period_end, r.period_label, r.value, r.reason, r.universe_count, r.universe_noun,
       r.excluded, r.linking_rule
     FROM metric_rollup r, lower_bound b
     WHERE r.scope_kind = $1 AND r.scope_key = $2 AND r.period_kind = $3 AND r.period_start >= b.start AND r.period_start < $5
       AND ($6::text[] IS NULL OR r.metric_id = ANY($6::text[]))
     ORDER BY r.period_start, r.period_label, r.metric_id`,
    [scope.kind, scope.key, periodKind, from, to, metricIds],
  );
  return pairWithPrevious(rows, from);
}

/** Rows in (start, label) order; answers those ending after `from`, each with its metric's previous row. */
export function pairWithPrevious(
  rows: readonly RollupRow[],
  from: Date,
): Array<Omit<MetricSeriesValue, 'scope'>> {
  // Per metric: the last row of the latest start seen, and the row of the start before that.
  const latest = new Map<string, RollupRow>();
  const before = new Map<string, RollupRow | null>();
  const answer: Array<Omit<MetricSeriesValue, 'scope'>> = [];
  for (const row of rows) {
    const last = latest.get(row.metric_id);
    const previous =
      last === undefined
        ? null
        : last.period_start.getTime() < row.period_start.getTime()
          ? last
          : (before.get(row.metric_id) ?? null);
    if (last === undefined || last.period_start.getTime() < row.period_start.getTime())
      before.set(row.metric_id, last ?? null);
    latest.set(row.metric_id, row);
    if (row.period_end.getTime() > from.getTime()) answer.push(toValue(row, previous));
  }
  return answer;
}

const periodOfRow = (row: RollupRow): MetricSeriesValue['period'] => ({
  kind: row.period_kind,
  start: row.period_start.toISOString(),
  end: row.period_end.toISOString(),
  label: row.period_label,
});

function toValue(row: RollupRow, previous: RollupRow | null): Omit<MetricSeriesValue, 'scope'> {
  return {
    metricId: row.metric_id,
    period: periodOfRow(row),
    value: row.value,
    ...(row.reason === null ? {} : { reason: row.reason }),
    universe: { count: row.universe_count, noun: row.universe_noun },
    excluded: row.excluded,
    ...(row.linking_rule === null ? {} : { linkingRule: row.linking_rule }),
    previous: previous === null ? null : { period: periodOfRow(previous), value: previous.value },
    delta:
      row.value === null || previous === null || previous.value === null
        ? null
        : row.value - previous.value,
  };
}

/**
 * A requested scope as stored (the repository's own spelling) and when its rollups were last
 * refreshed, in one round trip: every metrics request asks both. Null when no such team or
 * repository exists.
 */
export async function rollupScopeState(
  manager: EntityManager,
  scope: { team?: string; repo?: string },
): Promise<{ key: RollupKey; computedAt: string | null } | null> {
  const stamp =
    'SELECT refreshed_at FROM metric_rollup_scope WHERE scope_kind = $1 AND scope_key = found.key';
  const [kind, found, name] =
    scope.team !== undefined
      ? (['team', 'SELECT slug AS key FROM team WHERE slug = $2', scope.team] as const)
      : scope.repo !== undefined
        ? ([
            'repo',
            'SELECT full_name AS key FROM repository WHERE lower(full_name) = lower($2)',
            scope.repo,
          ] as const)
        : (['org', "SELECT ''::text AS key", null] as const);
  const rows = await manager.query<Array<{ key: string; refreshed_at: Date | null }>>(
    `SELECT found.key, (${stamp}) AS refreshed_at FROM (${found}) found`,
    name === null ? [kind] : [kind, name],
  );
  const row = rows[0];
  return row === undefined
    ? null
    : { key: { kind, key: row.key }, computedAt: row.refreshed_at?.toISOString() ?? null };
}
