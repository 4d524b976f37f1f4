import { createHash } from 'node:crypto';
import {
  computeMetricValues,
  emptyDataset,
  metricDefinitions,
  scopeDataset,
  type MetricValue,
} from '@rework-radar/shared';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { readCheckpoint, saveCheckpoint } from '../sources/sync-state/sync-state.store';
import { loadMemberships, reresolveTeams } from '../teams/teams.store';
import { loadMetricDataset } from './metric-dataset.repository';
import {
  deleteOtherScopes,
  deleteStaleScopeRows,
  forgetInputChanges,
  pendingInputChanges,
  periodKey,
  storedScopeCount,
  saveFingerprint,
  storedFingerprint,
  storedPeriodFingerprints,
  upsertScopeValues,
} from './metric-rollup.store';
import { periodInputs } from './period-inputs';
import { periodFingerprint } from './record-digest';
import { dataSpan, rollupPeriods, rollupScopes } from './rollup-plan';

/** Bump when a formula or the dataset building changes meaning, so every period is recomputed. */
export const rollupFormulasVersion = 'metrics-3';

export interface RollupRefreshReport {
  /** Nothing the rollups read changed since the last complete refresh: nothing was read or written. */
  skipped: boolean;
  scopes: number;
  scopesRecomputed: number;
  periods: number;
  periodsRecomputed: number;
  valuesComputed: number;
  rowsWritten: number;
  rowsDeleted: number;
  durationMs: number;
}

const refreshKey = { source: 'metrics', scope: 'rollups', stream: 'refresh' };

/**
 * Recomputes the metric rollups after a sync, an analysis or a team change, for every scope
 * (organisation, each team, each repository) and every period of the data's span. Each period's
 * values are computed from that period's inputs only (`periodInputs`), and only when the
 * fingerprint of those inputs differs from the one its stored rows were computed from: new data
 * in one week recomputes that week, its month, quarter and sprint, not the history. When no table
 * it reads changed since the last complete refresh of the same formulas (`metric_input_change`,
 * kept by triggers) and its rows are all there, it reads nothing: a sync that found nothing new
 * costs no history scan.
 */
export async function refreshMetricRollups(
  dataSource: DataSource,
  logger: Logger,
): Promise<RollupRefreshReport> {
  const started = Date.now();
  await dataSource.transaction((manager) => reresolveTeams(manager));
  // Read before the data, so a change committed from here on is still pending afterwards.
  const changes = await pendingInputChanges(dataSource.manager);
  const last = (await readCheckpoint(dataSource.manager, refreshKey)) as
    { formulas?: string; scopes?: number } | undefined;
  if (
    changes.length === 0 &&
    last?.formulas === rollupFormulasVersion &&
    last.scopes === (await storedScopeCount(dataSource.manager))
  ) {
    const skipped = { ...emptyReport(true), durationMs: Date.now() - started };
    logger.info(skipped, 'metric rollups unchanged: nothing they read changed');
    return skipped;
  }
  const data = await loadMetricDataset(dataSource.manager);
  const memberships = await loadMemberships(dataSource.manager);
  const teamSlugs = (
    await dataSource.query<Array<{ slug: string }>>('SELECT slug FROM team ORDER BY slug')
  ).map((row) => row.slug);
  const scopes = rollupScopes(data, teamSlugs);
  const report: RollupRefreshReport = { ...emptyReport(false), scopes: scopes.length };
  const span = dataSpan(data);
  const at = new Date();
  for (const scope of scopes) {
    const scoped = scopeDataset(data, scope.scope, memberships).data;
    const periods = span === null ? [] : rollupPeriods(span, scoped);
    const inputs = periodInputs(scoped, periods);
    const fingerprints = periods.map((period, index) =>
      periodFingerprint(inputs[index] ?? emptyDataset, period, rollupFormulasVersion),
    );
    report.periods += periods.length;
    const scopeFingerprint = createHash('sha256')
      .update(fingerprints.join('\n'))
      .digest('hex')
      .slice(0, 32);
    if ((await storedFingerprint(dataSource.manager, scope)) === scopeFingerprint) continue;
    const stored = await storedPeriodFingerprints(dataSource.manager, scope);
    const keys: string[] = [];
    const values: MetricValue[] = [];
    const valueFingerprints: string[] = [];
    for (const [index, period] of periods.entries()) {
      const key = periodKey(period.kind, period.start, period.label);
      for (const definition of metricDefinitions) keys.push(`${key}|${definition.id}`);
      const fingerprint = fingerprints[index] ?? '';
      if (stored.get(key) === fingerprint) continue;
      const computed = computeMetricValues(inputs[index] ?? emptyDataset, [period], scope.scope);
      report.periodsRecomputed += 1;
      values.push(...computed);
      for (const _ of computed) valueFingerprints.push(fingerprint);
    }
    report.valuesComputed += values.length;
    report.scopesRecomputed += 1;
    // One transaction per scope: a reader sees a scope's periods all before or all after.
    await dataSource.transaction(async (manager) => {
      report.rowsWritten += await upsertScopeValues(manager, scope, values, valueFingerprints, at);
      report.rowsDeleted += await deleteStaleScopeRows(manager, scope, keys);
      await saveFingerprint(manager, scope, scopeFingerprint, at);
    });
  }
  report.rowsDeleted += await dataSource.transaction(async (manager) => {
    const deleted = await deleteOtherScopes(manager, scopes);
    await forgetInputChanges(manager, changes);
    await saveCheckpoint(manager, refreshKey, {
      formulas: rollupFormulasVersion,
      scopes: scopes.length,
    });
    return deleted;
  });
  report.durationMs = Date.now() - started;
  logger.info(report, 'metric rollups refreshed');
  return report;
}

function emptyReport(skipped: boolean): RollupRefreshReport {
  return {
    skipped,
    scopes: 0,
    scopesRecomputed: 0,
    periods: 0,
    periodsRecomputed: 0,
    valuesComputed: 0,
    rowsWritten: 0,
    rowsDeleted: 0,
    durationMs: 0,
  };
}
