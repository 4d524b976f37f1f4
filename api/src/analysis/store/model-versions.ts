import type { EntityManager } from 'typeorm';
import type { AnalysisConfig } from '../core';

/**
 * Model versions: version 1 holds the configured signal weights; re-fits add versions. Each
 * scope (`global` now; `team:<id>` once teams exist) points at its active version and keeps the
 * versions it used before, so it can go back.
 */
export const globalScope = 'global';

export interface ActiveModel {
  version: number;
  weights: AnalysisConfig['signalWeights'];
}

export async function ensureActiveModel(
  manager: EntityManager,
  config: AnalysisConfig,
  scope = globalScope,
): Promise<ActiveModel> {
  await manager.query(
    `INSERT INTO analysis_model (version, weights, origin, metrics, created_at) VALUES (1, $1, 'configured', NULL, now()) ON CONFLICT (version) DO NOTHING`,
    [JSON.stringify(config.signalWeights)],
  );
  // The configured weights can change (ANALYSIS_CONFIG): version 1 follows the configuration.
  await manager.query(
    `UPDATE analysis_model SET weights = $1 WHERE version = 1 AND weights IS DISTINCT FROM $1::jsonb`,
    [JSON.stringify(config.signalWeights)],
  );
  await manager.query(
    `INSERT INTO analysis_model_activation (scope, version, previous_versions, activated_at) VALUES ($1, 1, '{}', now()) ON CONFLICT (scope) DO NOTHING`,
    [globalScope],
  );
  const rows = await manager.query<{ version: number; weights: AnalysisConfig['signalWeights'] }[]>(
    `SELECT m.version, m.weights FROM analysis_model_activation a JOIN analysis_model m ON m.version = a.version WHERE a.scope = $1`,
    [scope],
  );
  const row = rows[0];
  if (row === undefined) throw new Error(`no model is active for ${scope}`);
  return { version: row.version, weights: row.weights };
}

export async function activateModel(
  manager: EntityManager,
  version: number,
  scope = globalScope,
): Promise<void> {
  await manager.query(
    `UPDATE analysis_model_activation SET previous_versions = array_append(previous_versions, version), version = $2, activated_at = now() WHERE scope = $1 AND version <> $2`,
    [scope, version],
  );
}

/** Goes back to the version used before the current one; returns it, or null when there is none. */
export async function rollbackModel(
  manager: EntityManager,
  scope = globalScope,
): Promise<number | null> {
  const rows = await manager.query<{ previous_versions: number[] }[]>(
    'SELECT previous_versions FROM analysis_model_activation WHERE scope = $1',
    [scope],
  );
  const previous = rows[0]?.previous_versions ?? [];
  const back = previous.at(-1);
  if (back === undefined) return null;
  await manager.query(
    `UPDATE analysis_model_activation SET version = $2, previous_versions = $3, activated_at = now() WHERE scope = $1`,
    [scope, back, previous.slice(0, -1)],
  );
  return back;
}
