import type { EntityManager } from 'typeorm';
import { attributeCause, type AnalysisConfig } from '../core';
import { evidenceOf } from '../store/analysis-store';
import { upsertChanged } from '../store/upsert-changed';
import type { StoredEvidence } from '../storage/cause-attribution.entity';
import { modelFor, type ScopeModels } from './model-scope';
import { reweighStoredEvidence } from './stored-signals';

/**
 * After a model is activated (re-fit or rollback), every rework item gets the answer of the model
 * that now applies to it, from its stored evidence re-weighed: no re-detection, no git, no network.
 * Items already on the right version keep their row; the others get a `<id>@v<version>` row (the
 * old version's rows stay, so going back is a pointer move) and point at it. Returns how many
 * items changed version.
 */
interface Row {
  id: string;
  repository_id: string | null;
  origin_work_item_keys: string[];
  rework_work_item_keys: string[];
  model_version: number;
  evidence: StoredEvidence[] | null;
  weights: AnalysisConfig['signalWeights'] | null;
}

export async function reattributeStored(
  manager: EntityManager,
  models: ScopeModels,
  config: AnalysisConfig,
): Promise<number> {
  const rows = await manager.query<Row[]>(
    `SELECT r.id, r.repository_id, r.origin_work_item_keys, r.rework_work_item_keys, r.model_version, a.evidence, m.weights
     FROM rework_item r
     LEFT JOIN cause_attribution a ON a.rework_item_id = r.id AND a.model_version = r.model_version
     LEFT JOIN analysis_model m ON m.version = r.model_version`,
  );
  const moved = rows
    .map((row) => ({
      row,
      model: modelFor(
        {
          repositoryId: row.repository_id,
          originWorkItemKeys: row.origin_work_item_keys,
          reworkWorkItemKeys: row.rework_work_item_keys,
        },
        models,
      ),
    }))
    .filter(({ row, model }) => row.model_version !== model.version);
  const attributed = moved.map(({ row, model }) => {
    const signals = reweighStoredEvidence(
      row.evidence ?? [],
      row.weights ?? config.signalWeights,
      model.weights,
    );
    return {
      id: row.id,
      version: model.version,
      attribution: attributeCause(signals, { ...config, signalWeights: model.weights }),
    };
  });
  type Attributed = (typeof attributed)[number];
  await upsertChanged<Attributed>(
    manager,
    {
      table: 'cause_attribution',
      key: 'id',
      columns: [
        ['id', (row) => `${row.id}@v${row.version}`],
        ['rework_item_id', (row) => row.id],
        ['model_version', (row) => row.version],
        ['cause', (row) => row.attribution.cause],
        ['confidence', (row) => row.attribution.confidence],
        ['score_missing_context', (row) => row.attribution.scores.missing_context],
        ['score_execution', (row) => row.attribution.scores.execution],
        ['reason', (row) => row.attribution.reason],
        ['evidence', (row) => JSON.stringify(evidenceOf(row.attribution))],
      ],
    },
    attributed,
  );
  for (let start = 0; start < attributed.length; start += 10_000) {
    const chunk = attributed.slice(start, start + 10_000);
    await manager.query(
      'UPDATE rework_item r SET model_version = v.version FROM unnest($1::text[], $2::int[]) AS v(id, version) WHERE r.id = v.id',
      [chunk.map((row) => row.id), chunk.map((row) => row.version)],
    );
  }
  return attributed.length;
}
