import type { Exclusion, MetricSeriesValue, PeriodKind } from '@rework-radar/shared';
import type { EntityManager } from 'typeorm';

/** Reads of the rollup table for the API: one index range per scope and period kind, with the previous value joined. */

export interface RollupKey {
  kind: 'org' | 'team' | 'repo';
  key: string;
}

interface RollupRow {
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
  prev_start: Date | null;
  prev_end: Date | null;
  prev_label: string | null;
  prev_value: number | null;
}

export async function readRollups(
  manager: EntityManager,
  scope: RollupKey,
  periodKind: PeriodKind,
  from: Date,
  to: Date,
  metricIds: readonly string[] | null,
): Promise<Array<Omit<MetricSeriesValue, 'scope'>>> {
  const rows = await manager.query<RollupRow[]>(
    `SELECT r.metric_id, r.period_kind, r.period_start, r.period_end, r.period_label, r.value, r.reason, r.universe_count, r.universe_noun,
       r.excluded, r.linking_rule, p.period_start AS prev_start, p.period_end AS prev_end, p.period_label AS prev_label, p.value AS prev_value
     FROM metric_rollup r
     LEFT JOIN LATERAL (
       SELECT q.period_start, q.period_end, q.period_label, q.value FROM metric_rollup q
       WHERE q.scope_kind = r.scope_kind AND q.scope_key = r.scope_key AND q.period_kind = r.period_kind AND q.metric_id = r.metric_id AND q.period_start < r.period_start
       ORDER BY q.period_start DESC, q.period_label DESC LIMIT 1) p ON true
     WHERE r.scope_kind = $1 AND r.scope_key = $2 AND r.period_kind = $3 AND r.period_start < $5 AND r.period_end > $4
       AND ($6::text[] IS NULL OR r.metric_id = ANY($6::text[]))
     ORDER BY r.period_start, r.period_label, r.metric_id`,
    [scope.kind, scope.key, periodKind, from, to, metricIds],
  );
  return rows.map((row) => ({
    metricId: row.metric_id,
    period: {
      kind: row.period_kind,
      start: row.period_start.toISOString(),
      end: row.period_end.toISOString(),
      label: row.period_label,
    },
    value: row.value,
    ...(row.reason === null ? {} : { reason: row.reason }),
    universe: { count: row.universe_count, noun: row.universe_noun },
    excluded: row.excluded,
    ...(row.linking_rule === null ? {} : { linkingRule: row.linking_rule }),
    previous:
      row.prev_start === null || row.prev_end === null
        ? null
        : {
            period: {
              kind: row.period_kind,
              start: row.prev_start.toISOString(),
              end: row.prev_end.toISOString(),
              label: row.prev_label ?? '',
            },
            value: row.prev_value,
          },
    delta: row.value === null || row.prev_value === null ? null : row.value - row.prev_value,
  }));
}

export async function rollupComputedAt(
  manager: EntityManager,
  scope: RollupKey,
): Promise<string | null> {
  const rows = await manager.query<Array<{ refreshed_at: Date }>>(
    'SELECT refreshed_at FROM metric_rollup_scope WHERE scope_kind = $1 AND scope_key = $2',
    [scope.kind, scope.key],
  );
  return rows[0]?.refreshed_at.toISOString() ?? null;
}
