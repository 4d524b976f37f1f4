import type { DataSource, EntityManager } from 'typeorm';
import {
  refitWeights,
  type AnalysisConfig,
  type CauseMetrics,
  type CauseSide,
  type LabelledItem,
  type PrecisionRecall,
} from '../core';
import { activateModel, globalScope, rollbackModel } from '../store/model-versions';
import type { ModelMetrics, StoredPrecisionRecall } from '../storage/analysis-model.entity';
import type { StoredEvidence } from '../storage/cause-attribution.entity';
import { loadScopeModels, owningTeam, teamScope } from './model-scope';
import { reattributeStored } from './reattribute';
import { reweighStoredEvidence } from './stored-signals';

/**
 * Re-fits the cause model from managers' overrides: the overridden items (latest override per
 * item, `unknown` overrides left out) with their stored signals are the labelled data; the core's
 * `refitWeights` fits and scores on a held-back share; the new version is stored with its
 * metrics, activated for the scope, and every item the scope covers is re-attributed.
 * A team scope learns from, and applies to, the items that team alone owns.
 */
export type ModelScope = 'global' | { team: string };

export type ModelErrorCode =
  'not_enough_labels' | 'unknown_team' | 'unknown_version' | 'nothing_to_roll_back';

export class ModelError extends Error {
  constructor(
    readonly code: ModelErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ModelError';
  }
}

export interface RefitOptions {
  scope: ModelScope;
  /** Overrides needed per cause (default: the configuration's `refit.minLabelsPerClass`). */
  minPerClass?: number;
  config: AnalysisConfig;
  now?: Date;
}

export interface ModelChange {
  scope: string;
  version: number;
  previousVersion: number;
  reattributed: number;
}

export interface RefitOutcome extends ModelChange {
  metrics: ModelMetrics;
  weights: AnalysisConfig['signalWeights'];
}

const scopeKey = (scope: ModelScope): string =>
  scope === 'global' ? globalScope : teamScope(scope.team);

function stored(metric: PrecisionRecall): StoredPrecisionRecall {
  const f1 =
    metric.precision + metric.recall === 0
      ? 0
      : (2 * metric.precision * metric.recall) / (metric.precision + metric.recall);
  const round = (value: number): number => Math.round(value * 1000) / 1000;
  return {
    precision: metric.support === 0 ? null : round(metric.precision),
    recall: metric.support === 0 ? null : round(metric.recall),
    f1: round(f1),
  };
}

function storedMetrics(metrics: CauseMetrics): ModelMetrics['current'] {
  return {
    missing_context: stored(metrics.missing_context),
    execution: stored(metrics.execution),
    coverage: Math.round(metrics.coverage * 1000) / 1000,
  };
}

async function assertTeam(manager: EntityManager, scope: ModelScope): Promise<void> {
  if (scope === 'global') return;
  const rows = await manager.query<unknown[]>('SELECT 1 FROM team WHERE slug = $1', [scope.team]);
  if (rows.length === 0) throw new ModelError('unknown_team', `No team "${scope.team}"`);
}

/** The overridden items of the scope, with their signals re-weighed to the scope's active model. */
async function labelledItems(
  manager: EntityManager,
  scope: ModelScope,
  config: AnalysisConfig,
): Promise<{
  items: LabelledItem[];
  active: { version: number; weights: AnalysisConfig['signalWeights'] };
}> {
  const models = await loadScopeModels(manager, config);
  const active =
    scope === 'global' ? models.global : (models.teams.get(scope.team) ?? models.global);
  const rows = await manager.query<
    {
      id: string;
      repository_id: string | null;
      origin_work_item_keys: string[];
      rework_work_item_keys: string[];
      cause: CauseSide;
      evidence: StoredEvidence[] | null;
      weights: AnalysisConfig['signalWeights'] | null;
    }[]
  >(
    `SELECT r.id, r.repository_id, r.origin_work_item_keys, r.rework_work_item_keys, o.cause, a.evidence, m.weights
     FROM rework_item r
     JOIN LATERAL (SELECT c.cause FROM cause_override c WHERE c.rework_item_id = r.id ORDER BY c.overridden_at DESC, c.id DESC LIMIT 1) o ON true
     LEFT JOIN cause_attribution a ON a.rework_item_id = r.id AND a.model_version = r.model_version
     LEFT JOIN analysis_model m ON m.version = r.model_version
     WHERE o.cause IN ('missing_context', 'execution')
     ORDER BY r.id`,
  );
  const items = rows
    .filter(
      (row) =>
        scope === 'global' ||
        owningTeam(
          {
            repositoryId: row.repository_id,
            originWorkItemKeys: row.origin_work_item_keys,
            reworkWorkItemKeys: row.rework_work_item_keys,
          },
          models.ownership,
        ) === scope.team,
    )
    .map((row) => ({
      id: row.id,
      cause: row.cause,
      signals: reweighStoredEvidence(
        row.evidence ?? [],
        row.weights ?? active.weights,
        active.weights,
      ),
    }));
  return { items, active };
}

export async function refitModel(
  dataSource: DataSource,
  options: RefitOptions,
): Promise<RefitOutcome> {
  return dataSource.transaction(async (manager) => {
    await assertTeam(manager, options.scope);
    // One re-fit at a time: versions are numbered from the highest.
    await manager.query('LOCK TABLE analysis_model IN EXCLUSIVE MODE');
    const { items, active } = await labelledItems(manager, options.scope, options.config);
    const [top] = await manager.query<{ version: number }[]>(
      'SELECT max(version)::int AS version FROM analysis_model',
    );
    const refitConfig: AnalysisConfig = {
      ...options.config,
      signalWeights: active.weights,
      refit: {
        ...options.config.refit,
        minLabelsPerClass: options.minPerClass ?? options.config.refit.minLabelsPerClass,
      },
    };
    const result = refitWeights(items, refitConfig, top?.version ?? 1, options.now ?? new Date());
    if (!result.ok) throw new ModelError('not_enough_labels', result.reason);
    const { model } = result;
    const metrics: ModelMetrics = {
      current: storedMetrics(model.metrics.current),
      candidate: storedMetrics(model.metrics.candidate),
      trainedOn: {
        labelled: model.trainedOn.labelled,
        training: model.trainedOn.training,
        heldBack: model.trainedOn.heldBack,
      },
      scope: scopeKey(options.scope),
      basedOn: active.version,
    };
    await manager.query(
      `INSERT INTO analysis_model (version, weights, origin, metrics, created_at) VALUES ($1, $2, 'refit', $3, $4)`,
      [model.version, JSON.stringify(model.weights), JSON.stringify(metrics), model.trainedOn.at],
    );
    const change = await activate(manager, options.scope, model.version, options.config);
    return { ...change, metrics, weights: model.weights };
  });
}

async function activate(
  manager: EntityManager,
  scope: ModelScope,
  version: number,
  config: AnalysisConfig,
): Promise<ModelChange> {
  const key = scopeKey(scope);
  const models = await loadScopeModels(manager, config);
  const previousVersion =
    scope === 'global'
      ? models.global.version
      : (models.teams.get(scope.team)?.version ?? models.global.version);
  if (scope !== 'global' && !models.teams.has(scope.team)) {
    // A team's first own model: going back means going back to the global one it used.
    await manager.query(
      `INSERT INTO analysis_model_activation (scope, version, previous_versions, activated_at) VALUES ($1, $2, $3, now())`,
      [key, version, [previousVersion]],
    );
  } else {
    await activateModel(manager, version, key);
  }
  const reattributed = await reattributeStored(
    manager,
    await loadScopeModels(manager, config),
    config,
  );
  return { scope: key, version, previousVersion, reattributed };
}

/** Makes an existing version the active one of the scope, and re-attributes. */
export async function activateModelVersion(
  dataSource: DataSource,
  options: { scope: ModelScope; version: number; config: AnalysisConfig },
): Promise<ModelChange> {
  return dataSource.transaction(async (manager) => {
    await assertTeam(manager, options.scope);
    const rows = await manager.query<unknown[]>('SELECT 1 FROM analysis_model WHERE version = $1', [
      options.version,
    ]);
    if (rows.length === 0)
      throw new ModelError('unknown_version', `No model version ${options.version}`);
    return activate(manager, options.scope, options.version, options.config);
  });
}

/** Goes back to the version the scope used before the current one, and re-attributes. */
export async function rollbackModelVersion(
  dataSource: DataSource,
  options: { scope: ModelScope; config: AnalysisConfig },
): Promise<ModelChange> {
  return dataSource.transaction(async (manager) => {
    await assertTeam(manager, options.scope);
    const models = await loadScopeModels(manager, options.config);
    const current =
      options.scope === 'global'
        ? models.global.version
        : models.teams.get(options.scope.team)?.version;
    const back =
      current === undefined ? null : await rollbackModel(manager, scopeKey(options.scope));
    if (back === null || current === undefined)
      throw new ModelError(
        'nothing_to_roll_back',
        `${scopeKey(options.scope)} has no previous model version`,
      );
    const reattributed = await reattributeStored(
      manager,
      await loadScopeModels(manager, options.config),
      options.config,
    );
    return {
      scope: scopeKey(options.scope),
      version: back,
      previousVersion: current,
      reattributed,
    };
  });
}

export interface ModelVersionView {
  version: number;
  origin: string;
  createdAt: string;
  weights: AnalysisConfig['signalWeights'];
  metrics: ModelMetrics | null;
  activeFor: string[];
}

export async function listModelVersions(manager: EntityManager): Promise<ModelVersionView[]> {
  const rows = await manager.query<
    {
      version: number;
      origin: string;
      created_at: Date;
      weights: AnalysisConfig['signalWeights'];
      metrics: ModelMetrics | null;
      active_for: string[];
    }[]
  >(
    `SELECT m.version, m.origin, m.created_at, m.weights, m.metrics,
       coalesce(array_agg(a.scope ORDER BY a.scope) FILTER (WHERE a.scope IS NOT NULL), '{}') AS active_for
     FROM analysis_model m LEFT JOIN analysis_model_activation a ON a.version = m.version
     GROUP BY m.version ORDER BY m.version DESC`,
  );
  return rows.map((row) => ({
    version: row.version,
    origin: row.origin,
    createdAt: row.created_at.toISOString(),
    weights: row.weights,
    metrics: row.metrics,
    activeFor: row.active_for,
  }));
}
