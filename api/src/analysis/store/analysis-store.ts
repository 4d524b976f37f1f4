import type { EntityManager } from 'typeorm';
import type { CauseAttribution } from '../core';
import type { AnalysisDataset } from '../domain/analysis-dataset';
import type { DetectedRework } from '../detection/detected-rework';
import { contextRow, type ContextAtStart } from '../scoring/context-at-start';
import type { StoredEvidence } from '../storage/cause-attribution.entity';
import type { PullRequestReviewScore } from '../storage/scores.entity';
import { deleteMissing, upsertChanged } from './upsert-changed';

/**
 * Writes a run's results: rework items (with effort), their attributions under the run's model
 * version, context scores and review scores. Only changed rows are written; items no longer
 * detected are removed with their attributions; overrides are never touched.
 */
export interface StoredCounts {
  written: number;
  removed: number;
  attributions: number;
  contexts: number;
  reviewScores: number;
}

interface Effort {
  pullRequests: number;
  lines: number;
  cycleHours: number | null;
}

const round = (value: number): number => Math.round(value * 100) / 100;

export function effortOf(item: DetectedRework, dataset: AnalysisDataset): Effort {
  const prs = item.reworkPullRequestIds
    .map((id) => dataset.pullRequests.get(id))
    .filter((pr) => pr !== undefined);
  if (prs.length > 0) {
    return {
      pullRequests: prs.length,
      lines: prs.reduce((sum, pr) => sum + pr.additions + pr.deletions, 0),
      cycleHours: round(
        prs.reduce(
          (sum, pr) => sum + (pr.mergedAt.getTime() - pr.createdAt.getTime()) / 3_600_000,
          0,
        ),
      ),
    };
  }
  return {
    pullRequests: 0,
    lines: 0,
    cycleHours:
      item.endedAt === null
        ? null
        : round(Math.max(0, item.endedAt.getTime() - item.occurredAt.getTime()) / 3_600_000),
  };
}

export function evidenceOf(attribution: CauseAttribution): StoredEvidence[] {
  return attribution.evidence.map((signal) => ({
    signal: signal.id,
    side: signal.side,
    weight: signal.weight,
    kind: signal.evidence.kind,
    description: signal.evidence.description,
    ...(signal.evidence.url === undefined ? {} : { url: signal.evidence.url }),
    ...(signal.evidence.excerpt === undefined ? {} : { excerpt: signal.evidence.excerpt }),
  }));
}

export async function storeAnalysis(
  manager: EntityManager,
  input: {
    /** Every detected item with the model version that applies to it (rows of items not here are removed). */
    items: ReadonlyArray<{ item: DetectedRework; modelVersion: number }>;
    /** The items (re-)attributed by this run, with their answers; the others keep theirs. */
    attributed: ReadonlyArray<{
      item: DetectedRework;
      attribution: CauseAttribution;
      modelVersion: number;
    }>;
    dataset: AnalysisDataset;
    contexts: ReadonlyMap<string, ContextAtStart>;
    reviewScores: ReadonlyMap<string, PullRequestReviewScore>;
    now: Date;
  },
): Promise<StoredCounts> {
  const items = input.items.map(({ item, modelVersion }) => ({
    item,
    modelVersion,
    effort: effortOf(item, input.dataset),
  }));
  const rows = input.attributed;
  type Row = (typeof rows)[number];
  type ItemRow = (typeof items)[number];
  const written = await upsertChanged<ItemRow>(
    manager,
    {
      table: 'rework_item',
      key: 'id',
      insertOnly: ['detected_at'],
      columns: [
        ['id', (row) => row.item.id],
        ['kind', (row) => row.item.kind],
        ['repository_id', (row) => row.item.repositoryId],
        ['rework_pull_request_ids', (row) => row.item.reworkPullRequestIds],
        ['rework_work_item_keys', (row) => row.item.reworkWorkItemKeys],
        ['incident_id', (row) => row.item.incidentId],
        ['origin_pull_request_ids', (row) => row.item.originPullRequestIds],
        ['origin_work_item_keys', (row) => row.item.originWorkItemKeys],
        ['detection_rule', (row) => row.item.rule],
        ['detection', (row) => JSON.stringify(row.item.detection)],
        ['effort_pull_requests', (row) => row.effort.pullRequests],
        ['effort_lines', (row) => row.effort.lines],
        ['effort_cycle_hours', (row) => row.effort.cycleHours],
        ['occurred_at', (row) => row.item.occurredAt],
        ['detected_at', () => input.now],
        ['model_version', (row) => row.modelVersion],
      ],
    },
    items,
  );
  const ids = items.map((row) => row.item.id);
  const removed = await deleteMissing(manager, 'rework_item', 'id', ids);
  await manager.query(
    'DELETE FROM cause_attribution WHERE NOT (rework_item_id = ANY($1::text[]))',
    [ids],
  );
  const attributions = await upsertChanged<Row>(
    manager,
    {
      table: 'cause_attribution',
      key: 'id',
      columns: [
        ['id', (row) => `${row.item.id}@v${row.modelVersion}`],
        ['rework_item_id', (row) => row.item.id],
        ['model_version', (row) => row.modelVersion],
        ['cause', (row) => row.attribution.cause],
        ['confidence', (row) => row.attribution.confidence],
        ['score_missing_context', (row) => row.attribution.scores.missing_context],
        ['score_execution', (row) => row.attribution.scores.execution],
        ['reason', (row) => row.attribution.reason],
        ['evidence', (row) => JSON.stringify(evidenceOf(row.attribution))],
      ],
    },
    rows,
  );
  const contexts = await upsertChanged(
    manager,
    {
      table: 'work_item_context',
      key: 'work_item_id',
      columns: [
        ['work_item_id', (row: ReturnType<typeof contextRow>) => row.workItemId],
        ['work_item_key', (row) => row.workItemKey],
        ['started_at', (row) => row.startedAt],
        ['started_from', (row) => row.startedFrom],
        ['in_progress_at', (row) => row.inProgressAt],
        ['score', (row) => row.score],
        ['components', (row) => JSON.stringify(row.components)],
        ['details', (row) => JSON.stringify(row.details)],
      ],
    },
    [...input.contexts.values()].map(contextRow),
  );
  const reviewScores = await upsertChanged(
    manager,
    {
      table: 'pull_request_review_score',
      key: 'pull_request_id',
      columns: [
        ['pull_request_id', (row: PullRequestReviewScore) => row.pullRequestId],
        ['risk', (row) => row.risk],
        ['depth', (row) => row.depth],
        ['risk_components', (row) => JSON.stringify(row.riskComponents)],
        ['depth_components', (row) => JSON.stringify(row.depthComponents)],
        ['rubber_stamp', (row) => row.rubberStamp],
        ['over_review', (row) => row.overReview],
      ],
    },
    [...input.reviewScores.values()],
  );
  return {
    written: written + attributions + contexts + reviewScores,
    removed,
    attributions,
    contexts,
    reviewScores,
  };
}
