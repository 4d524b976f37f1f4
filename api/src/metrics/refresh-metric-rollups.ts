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
import { loadMemberships, reresolveTeams } from '../teams/teams.store';
import { loadMetricDataset } from './metric-dataset.repository';
import {
  deleteOtherScopes,
  deleteStaleScopeRows,
  periodKey,
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
  scopes: number;
  scopesRecomputed: number;
  periods: number;
  periodsRecomputed: number;
  valuesComputed: number;
  rowsWritten: number;
  rowsDeleted: number;
  durationMs: number;
}

/**
 * Recomputes the metric rollups after a sync, an analysis or a team change, for every scope
 * (organisation, each team, each repository) and every period of the data's span. Each period's
 * values are computed from that period's inputs only (`periodInputs`), and only when the
 * fingerprint of those inputs differs from the one its stored rows were computed from: new data
 * in one week recomputes that week, its month, quarter and sprint, not the history.
 */
export async function refreshMetricRollups(
  dataSource: DataSource,
  logger: Logger,
): Promise<RollupRefreshReport> {
  const started = Date.now();
  await dataSource.transaction((manager) => reresolveTeams(manager));
  const data = await loadMetricDataset(dataSource.manager);
  const memberships = await loadMemberships(dataSource.manager);
  const teamSlugs = (
    await dataSource.query<Array<{ slug: string }>>('SELECT slug FROM team ORDER BY slug')
  ).map((row) => row.slug);
  const scopes = rollupScopes(data, teamSlugs);
  const report: RollupRefreshReport = {
    scopes: scopes.length,
    scopesRecomputed: 0,
    periods: 0,
    periodsRecomputed: 0,
    valuesComputed: 0,
    rowsWritten: 0,
    rowsDeleted: 0,
    durationMs: 0,
  };
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
  report.rowsDeleted += await dataSource.transaction((manager) =>
    deleteOtherScopes(manager, scopes),
  );
  report.durationMs = Date.now() - started;
  logger.info(report, 'metric rollups refreshed');
  return report;
}
