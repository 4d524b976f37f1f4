import { computeMetricValues, scopeDataset } from '@rework-radar/shared';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { loadMemberships, reresolveTeams } from '../teams/teams.store';
import { loadMetricDataset } from './metric-dataset.repository';
import {
  deleteOtherScopes,
  deleteStaleScopeRows,
  saveFingerprint,
  storedFingerprint,
  upsertScopeValues,
} from './metric-rollup.store';
import { dataSpan, inputsFingerprint, rollupPeriods, rollupScopes } from './rollup-plan';

/** Bump when a formula or the dataset building changes meaning, so every scope is recomputed. */
export const rollupFormulasVersion = 'metrics-1';

export interface RollupRefreshReport {
  scopes: number;
  scopesRecomputed: number;
  valuesComputed: number;
  rowsWritten: number;
  rowsDeleted: number;
  durationMs: number;
}

/**
 * Recomputes the metric rollups after a sync, an analysis or a team change: every scope
 * (organisation, each team, each repository) over every period kind of the data's span. A scope
 * whose inputs hash is unchanged is skipped; otherwise only rows whose value changed are written.
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
    valuesComputed: 0,
    rowsWritten: 0,
    rowsDeleted: 0,
    durationMs: 0,
  };
  const span = dataSpan(data);
  const at = new Date();
  for (const scope of scopes) {
    const scoped = scopeDataset(data, scope.scope, memberships).data;
    const teamMemberships =
      scope.kind === 'team' ? memberships.filter((m) => m.teamId === scope.key) : [];
    const fingerprint =
      span === null
        ? 'empty'
        : inputsFingerprint(scoped, teamMemberships, span, rollupFormulasVersion);
    if ((await storedFingerprint(dataSource.manager, scope)) === fingerprint) continue;
    const values =
      span === null ? [] : computeMetricValues(scoped, rollupPeriods(span, scoped), scope.scope);
    report.scopesRecomputed += 1;
    report.valuesComputed += values.length;
    await dataSource.transaction(async (manager) => {
      report.rowsWritten += await upsertScopeValues(manager, scope, values, fingerprint, at);
      report.rowsDeleted += await deleteStaleScopeRows(manager, scope, values);
      await saveFingerprint(manager, scope, fingerprint, at);
    });
  }
  report.rowsDeleted += await dataSource.transaction((manager) =>
    deleteOtherScopes(manager, scopes),
  );
  report.durationMs = Date.now() - started;
  logger.info(report, 'metric rollups refreshed');
  return report;
}
