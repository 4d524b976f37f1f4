import type { MetricValue } from '@rework-radar/shared';
import type { EntityManager } from 'typeorm';
import type { RollupScope } from './rollup-plan';

/** SQL of the rollup tables: change-only upserts, stale-row removal, and the reads the API makes. */

export async function storedFingerprint(
  manager: EntityManager,
  scope: RollupScope,
): Promise<string | null> {
  const rows = await manager.query<Array<{ inputs_fingerprint: string }>>(
    'SELECT inputs_fingerprint FROM metric_rollup_scope WHERE scope_kind = $1 AND scope_key = $2',
    [scope.kind, scope.key],
  );
  return rows[0]?.inputs_fingerprint ?? null;
}

/** The fingerprint each stored period of a scope was computed from, by `periodKey`. */
export async function storedPeriodFingerprints(
  manager: EntityManager,
  scope: RollupScope,
): Promise<Map<string, string>> {
  const rows = await manager.query<
    Array<{
      period_kind: string;
      period_start: Date;
      period_label: string;
      inputs_fingerprint: string;
    }>
  >(
    `SELECT DISTINCT ON (period_kind, period_start, period_label) period_kind, period_start, period_label, inputs_fingerprint
     FROM metric_rollup WHERE scope_kind = $1 AND scope_key = $2 ORDER BY period_kind, period_start, period_label, inputs_fingerprint`,
    [scope.kind, scope.key],
  );
  // A period whose metrics disagree on the fingerprint (a refresh cut short) is recomputed.
  const disagreeing = await manager.query<
    Array<{ period_kind: string; period_start: Date; period_label: string }>
  >(
    `SELECT period_kind, period_start, period_label FROM metric_rollup WHERE scope_kind = $1 AND scope_key = $2
     GROUP BY period_kind, period_start, period_label HAVING count(DISTINCT inputs_fingerprint) > 1`,
    [scope.kind, scope.key],
  );
  const answer = new Map(
    rows.map((row) => [
      periodKey(row.period_kind, row.period_start, row.period_label),
      row.inputs_fingerprint,
    ]),
  );
  for (const row of disagreeing)
    answer.delete(periodKey(row.period_kind, row.period_start, row.period_label));
  return answer;
}

export const periodKey = (kind: string, start: Date | string, label: string): string =>
  `${kind}|${new Date(start).toISOString()}|${label}`;

const chunk = 2000;

/** Writes values of one scope; a row is written only when its value or its inputs' fingerprint changed. Returns rows written. */
export async function upsertScopeValues(
  manager: EntityManager,
  scope: RollupScope,
  values: readonly MetricValue[],
  /** The inputs' fingerprint of each value (its period's). */
  fingerprints: readonly string[],
  at: Date,
): Promise<number> {
  let written = 0;
  for (let index = 0; index < values.length; index += chunk) {
    const slice = values.slice(index, index + chunk);
    const result = await manager.query<Array<{ metric_id: string }>>(
      `INSERT INTO metric_rollup (scope_kind, scope_key, period_kind, period_start, metric_id, period_end, period_label, value, reason, universe_count, universe_noun, excluded, linking_rule, computed_at, inputs_fingerprint)
       SELECT $1, $2, v.period_kind, v.period_start, v.metric_id, v.period_end, v.period_label, v.value, v.reason, v.universe_count, v.universe_noun, v.excluded, v.linking_rule, $3, v.fingerprint
       FROM unnest($4::text[], $5::timestamptz[], $6::text[], $7::timestamptz[], $8::text[], $9::float8[], $10::text[], $11::int[], $12::text[], $13::jsonb[], $14::text[], $15::text[])
         AS v(period_kind, period_start, metric_id, period_end, period_label, value, reason, universe_count, universe_noun, excluded, linking_rule, fingerprint)
       ON CONFLICT (scope_kind, scope_key, period_kind, period_start, period_label, metric_id) DO UPDATE SET
         period_end = excluded.period_end, value = excluded.value, reason = excluded.reason,
         universe_count = excluded.universe_count, universe_noun = excluded.universe_noun, excluded = excluded.excluded,
         linking_rule = excluded.linking_rule, computed_at = excluded.computed_at, inputs_fingerprint = excluded.inputs_fingerprint
       WHERE (metric_rollup.value, metric_rollup.reason, metric_rollup.universe_count, metric_rollup.universe_noun, metric_rollup.excluded, metric_rollup.linking_rule, metric_rollup.period_end, metric_rollup.inputs_fingerprint)
         IS DISTINCT FROM (excluded.value, excluded.reason, excluded.universe_count, excluded.universe_noun, excluded.excluded, excluded.linking_rule, excluded.period_end, excluded.inputs_fingerprint)
       RETURNING metric_id`,
      [
        scope.kind,
        scope.key,
        at,
        slice.map((v) => v.period.kind),
        slice.map((v) => v.period.start),
        slice.map((v) => v.metricId),
        slice.map((v) => v.period.end),
        slice.map((v) => v.period.label),
        slice.map((v) => v.value),
        slice.map((v) => v.reason ?? null),
        slice.map((v) => v.universe.count),
        slice.map((v) => v.universe.noun),
        slice.map((v) => JSON.stringify(v.excluded)),
        slice.map((v) => v.linkingRule ?? null),
        fingerprints.slice(index, index + chunk),
      ],
    );
    written += result.length;
  }
  return written;
}

/** Removes a scope's rows for periods or metrics no longer computed (`keys`: `periodKey(...)|metricId`). */
export async function deleteStaleScopeRows(
  manager: EntityManager,
  scope: RollupScope,
  keys: readonly string[],
): Promise<number> {
  // A CTE so the answer is a count (TypeORM answers a bare DELETE with [rows, count]).
  const rows = await manager.query<Array<{ n: number }>>(
    `WITH gone AS (DELETE FROM metric_rollup WHERE scope_kind = $1 AND scope_key = $2
       AND NOT (period_kind || '|' || to_char(period_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '|' || period_label || '|' || metric_id = ANY($3::text[]))
     RETURNING 1) SELECT count(*)::int AS n FROM gone`,
    [scope.kind, scope.key, keys],
  );
  return rows[0]?.n ?? 0;
}

export async function saveFingerprint(
  manager: EntityManager,
  scope: RollupScope,
  fingerprint: string,
  at: Date,
): Promise<void> {
  await manager.query(
    `INSERT INTO metric_rollup_scope (scope_kind, scope_key, inputs_fingerprint, refreshed_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (scope_kind, scope_key) DO UPDATE SET inputs_fingerprint = excluded.inputs_fingerprint, refreshed_at = excluded.refreshed_at`,
    [scope.kind, scope.key, fingerprint, at],
  );
}

/** Scopes that no longer exist (a removed team, a repository gone) lose their rows. */
export async function deleteOtherScopes(
  manager: EntityManager,
  scopes: readonly RollupScope[],
): Promise<number> {
  const keys = scopes.map((scope) => `${scope.kind}|${scope.key}`);
  await manager.query(
    `DELETE FROM metric_rollup_scope WHERE NOT (scope_kind || '|' || scope_key = ANY($1::text[]))`,
    [keys],
  );
  const rows = await manager.query<Array<{ n: number }>>(
    `WITH gone AS (DELETE FROM metric_rollup WHERE NOT (scope_kind || '|' || scope_key = ANY($1::text[])) RETURNING 1) SELECT count(*)::int AS n FROM gone`,
    [keys],
  );
  return rows[0]?.n ?? 0;
}

/** How many scopes have stored rollups (a refresh that finds fewer than it left recomputes). */
export async function storedScopeCount(manager: EntityManager): Promise<number> {
  const rows = await manager.query<Array<{ n: number }>>(
    'SELECT count(*)::int AS n FROM metric_rollup_scope',
  );
  return rows[0]?.n ?? 0;
}

/** One table's change by one transaction since the last complete refresh (`metric_input_change`). */
export interface InputChange {
  tableName: string;
  transactionId: string;
}

/** The changes to what the rollups read, recorded by triggers since the last complete refresh. */
export async function pendingInputChanges(manager: EntityManager): Promise<InputChange[]> {
  const rows = await manager.query<Array<{ table_name: string; transaction_id: string }>>(
    'SELECT table_name, transaction_id::text FROM metric_input_change',
  );
  return rows.map((row) => ({ tableName: row.table_name, transactionId: row.transaction_id }));
}

/** Forgets exactly the changes a refresh read: one committed while it ran stays for the next. */
export async function forgetInputChanges(
  manager: EntityManager,
  changes: readonly InputChange[],
): Promise<void> {
  if (changes.length === 0) return;
  await manager.query(
    `DELETE FROM metric_input_change c USING unnest($1::text[], $2::xid8[]) AS seen(table_name, transaction_id)
     WHERE c.table_name = seen.table_name AND c.transaction_id = seen.transaction_id`,
    [changes.map((change) => change.tableName), changes.map((change) => change.transactionId)],
  );
}
