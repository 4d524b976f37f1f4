import { randomUUID } from 'node:crypto';
import { getHeapStatistics } from 'node:v8';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { readCheckpoint, saveCheckpoint } from '../sources/sync-state/sync-state.store';
import {
  attributeCause,
  attributionRulesVersion,
  projectNorms,
  projectOfKey,
  type AnalysisConfig,
} from './core';
import { clarifyingQuestions } from './analysis-inputs';
import { refreshClarifications } from './clarification/clarification.store';
import { affectedScope, touchesScope } from './incremental/affected-scope';
import { changedSince } from './incremental/changed-subjects';
import { movedNorms, normStrengths } from './incremental/norm-strengths';
import { loadStoredReviewScores, sameReviewScore } from './incremental/stored-review-scores';
import { signalsFor } from './attribution/item-signals';
import { combineReworks } from './detection/combine-reworks';
import { workItemUrl, type DetectedRework, type LinkBase } from './detection/detected-rework';
import type { TraceCounts } from './detection/fix-traces';
import { detectFollowUpFixes } from './detection/follow-up-fix-reworks';
import { detectIncidentReworks } from './detection/incident-reworks';
import { detectLinkedBugReworks } from './detection/linked-bug-reworks';
import { detectReopenReworks } from './detection/reopen-reworks';
import { detectRevertReworks } from './detection/revert-reworks';
import { loadAnalysisDataset } from './domain/analysis-dataset';
import { heapAdvice } from './heap-advice';
import { contextsAtStart } from './scoring/context-at-start';
import { reviewScores } from './scoring/review-scores';
import { activationKey, loadScopeModels, modelFor } from './models/model-scope';
import { storeAnalysis, type StoredCounts } from './store/analysis-store';
import type { RunCounts } from './storage/analysis-model.entity';

/**
 * The analysis engine over the database: domain rows in, analysis rows out. Detection runs over
 * the whole domain layer on each run that has something new (line tracing, the expensive part,
 * is cached per fix commit). A full run (`full`, the first run, a new model or configuration)
 * re-attributes every item and recounts every clarifying question; otherwise only the rework
 * candidates the new rows can affect are re-attributed (see `incremental/`), and only rows
 * whose content changed are written either way.
 */
export interface AnalyseOptions {
  logger: Logger;
  /** Where the git mirrors are (`<dataDir>/git/...`); null: no line tracing (follow-up fixes from the cache only). */
  dataDir: string | null;
  config: AnalysisConfig;
  links: LinkBase;
  /** Re-analyse even when nothing changed since the last run. */
  full?: boolean;
}

export interface AnalysisReport {
  runId: string;
  mode: 'full' | 'incremental' | 'skipped';
  modelVersion: number;
  durationMs: number;
  counts: RunCounts;
}

const checkpointKey = { source: 'analysis', scope: 'all', stream: 'domain' };

interface AnalysisCursor {
  rawPayloadId: string;
  overrides: number;
  modelVersion: number;
  /** Which version is active for each scope (global, teams). */
  models: string;
  configHash: string;
  /** The attribution rules the stored answers came from; other rules re-attribute everything. */
  rules?: number;
  /** When the run started: PR-to-work-item links first seen after it are new to the next run. */
  analysedAt?: string;
  /** Per project, the strengths its norm gives weak-ticket signals (see `normStrengths`). */
  norms?: Record<string, string>;
}

function emptyCounts(): RunCounts {
  return {
    reworkItems: {},
    written: 0,
    removed: 0,
    attributions: 0,
    contexts: 0,
    reviewScores: 0,
    traces: { cached: 0, traced: 0, failed: 0 },
    attributed: 0,
  };
}

/** Full re-analysis: every item re-derived, whatever the checkpoint says. */
export function analyseAll(
  dataSource: DataSource,
  options: Omit<AnalyseOptions, 'full'>,
): Promise<AnalysisReport> {
  return analyse(dataSource, { ...options, full: true });
}

export async function analyse(
  dataSource: DataSource,
  options: AnalyseOptions,
): Promise<AnalysisReport> {
  const started = Date.now();
  const startedAt = new Date(started);
  const runId = randomUUID();
  const { config, links } = options;
  const manager = dataSource.manager;
  const models = await dataSource.transaction((transaction) =>
    loadScopeModels(transaction, config),
  );
  const model = models.global;
  const [top] = await manager.query<{ id: string; overrides: number }[]>(
    'SELECT (SELECT coalesce(max(id), 0)::text FROM raw_payload) AS id, (SELECT count(*)::int FROM cause_override) AS overrides',
  );
  const cursor: AnalysisCursor = {
    rawPayloadId: top?.id ?? '0',
    overrides: top?.overrides ?? 0,
    modelVersion: model.version,
    models: activationKey(models),
    configHash: JSON.stringify(config),
    rules: attributionRulesVersion,
    analysedAt: startedAt.toISOString(),
  };
  const previous = (await readCheckpoint(manager, checkpointKey)) as
    Partial<AnalysisCursor> | undefined;
  const unchanged =
    previous !== undefined &&
    previous.rawPayloadId === cursor.rawPayloadId &&
    previous.models === cursor.models &&
    previous.configHash === cursor.configHash &&
    previous.rules === cursor.rules;
  if (options.full !== true && unchanged) {
    const report: AnalysisReport = {
      runId,
      mode: 'skipped',
      modelVersion: model.version,
      durationMs: Date.now() - started,
      counts: emptyCounts(),
    };
    await recordRun(dataSource, report, startedAt);
    return report;
  }

  // A full run re-derives everything; otherwise only what the new data can affect (an
  // incremental run after new data gives the same rows as a full run; a spec holds it).
  const fullRun =
    options.full === true ||
    previous === undefined ||
    previous.models !== cursor.models ||
    previous.configHash !== cursor.configHash ||
    previous.rules !== cursor.rules ||
    previous.analysedAt === undefined ||
    previous.rawPayloadId === undefined;
  const changed =
    fullRun || previous.rawPayloadId === undefined || previous.analysedAt === undefined
      ? null
      : await changedSince(manager, {
          rawPayloadId: previous.rawPayloadId,
          analysedAt: new Date(previous.analysedAt),
        });

  const counts = emptyCounts();
  const loadStarted = Date.now();
  const dataset = await loadAnalysisDataset(manager);
  const heap = getHeapStatistics();
  options.logger.info(
    {
      pullRequests: dataset.pullRequests.size,
      workItems: dataset.workItems.size,
      ms: Date.now() - loadStarted,
      heapUsedMiB: Math.round(heap.used_heap_size / 2 ** 20),
    },
    'analysis dataset loaded',
  );
  const advice = heapAdvice(heap.used_heap_size, heap.heap_size_limit);
  if (advice !== null) options.logger.warn(advice);
  const traceCounts: TraceCounts = counts.traces;
  const reverts = await detectRevertReworks(manager, dataset, links);
  const revertIds = new Set(reverts.flatMap((item) => item.reworkPullRequestIds));
  const followUp = await detectFollowUpFixes(
    manager,
    dataset,
    config,
    { dataDir: options.dataDir, links, excludePullRequestIds: revertIds, logger: options.logger },
    traceCounts,
  );
  const incidents = detectIncidentReworks(dataset, config, links, followUp.fixes);
  const linkedBugs = detectLinkedBugReworks(dataset, config, links);
  const reopens = detectReopenReworks(dataset, config, links, new Map());
  const items = combineReworks({
    reverts,
    followUps: followUp.items,
    incidents: incidents.items,
    linkedBugs,
    reopens,
    absorbedFixIds: incidents.absorbedFixIds,
  });

  const contexts = contextsAtStart(dataset, config);
  const bugTypes = new Set(config.classification.bugIssueTypes.map((type) => type.toLowerCase()));
  const norms = projectNorms(
    [...contexts.values()]
      .filter(
        (context) =>
          !bugTypes.has(context.workItem.type.toLowerCase()) && context.startedFrom !== 'created',
      )
      .map((context) => ({
        project: projectOfKey(context.workItem.key),
        hasCriteria: context.score.acceptanceCriteria.found,
        thinDescription: context.score.thinDescription,
      })),
  );
  cursor.norms = normStrengths(norms);
  const scope = changed === null ? null : affectedScope(dataset, changed, config);
  const scores = await reviewScores(manager, dataset, config, scope?.repositoryIds);
  let affected = items;
  if (scope !== null) {
    // Project norms and review scores reach beyond an item's own records: an item is affected
    // too when its origin ticket's project norm moved or its origin PR's review score changed.
    const movedProjects = movedNorms(previous?.norms ?? {}, cursor.norms);
    const originPrIds = [...new Set(items.flatMap((item) => item.originPullRequestIds))];
    const stored = await loadStoredReviewScores(manager, originPrIds);
    for (const id of originPrIds) {
      const fresh = scores.get(id);
      if (fresh !== undefined && !sameReviewScore(stored.get(id), fresh))
        scope.pullRequestIds.add(id);
    }
    for (const [id, score] of stored) if (!scores.has(id)) scores.set(id, score);
    affected = items.filter(
      (item) =>
        touchesScope(item, scope) ||
        item.originWorkItemKeys.some((key) => movedProjects.has(projectOfKey(key))),
    );
  }
  const talkPrIds = [...new Set(affected.flatMap((item) => item.originPullRequestIds))];
  const talkItemIds = [
    ...new Set(
      affected
        .flatMap((item) => [...item.originWorkItemKeys, ...item.reworkWorkItemKeys])
        .map((key) => dataset.workItemByKey.get(key)?.id)
        .filter((id): id is string => id !== undefined),
    ),
  ];
  const talk = await clarifyingQuestions(manager, dataset, links, talkPrIds, talkItemIds);
  for (const item of affected)
    addReopenTalk(
      item,
      dataset.workItemByKey.get(item.reworkWorkItemKeys[0] ?? '')?.id,
      talk.workItemComments,
      links,
    );

  const signalContext = {
    dataset,
    config,
    links,
    contexts,
    reviewScores: scores,
    questions: talk.questions,
    filesOf: (id: string) => followUp.fixes.get(id)?.fileLines ?? [],
    norms,
  };
  // Each item is weighed by the model that applies to it: its team's own re-fit, else the global one.
  const attributed = affected.map((item) => {
    const applies = modelFor(item, models);
    const modelConfig: AnalysisConfig = { ...config, signalWeights: applies.weights };
    return {
      item,
      attribution: attributeCause(
        signalsFor(item, { ...signalContext, config: modelConfig }),
        modelConfig,
      ),
      modelVersion: applies.version,
    };
  });
  for (const item of items)
    counts.reworkItems[item.kind] = (counts.reworkItems[item.kind] ?? 0) + 1;
  counts.attributed = attributed.length;

  const writtenContexts =
    scope === null
      ? contexts
      : new Map(
          [...contexts].filter(([, context]) => scope.workItemKeys.has(context.workItem.key)),
        );
  const writtenScores =
    scope === null
      ? scores
      : new Map(
          [...scores].filter(([id]) =>
            scope.repositoryIds.has(dataset.pullRequests.get(id)?.repositoryId ?? ''),
          ),
        );
  const stored: StoredCounts = await dataSource.transaction(async (transaction) => {
    const result = await storeAnalysis(transaction, {
      items: items.map((item) => ({ item, modelVersion: modelFor(item, models).version })),
      attributed,
      dataset,
      contexts: writtenContexts,
      reviewScores: writtenScores,
      now: startedAt,
    });
    const clarifications = await refreshClarifications(
      transaction,
      config,
      changed === null
        ? { pullRequestIds: 'all', workItemIds: 'all' }
        : { pullRequestIds: changed.pullRequestIds, workItemIds: changed.workItemIds },
    );
    result.written += clarifications.written;
    result.removed += clarifications.removed;
    await saveCheckpoint(transaction, checkpointKey, cursor);
    return result;
  });
  Object.assign(counts, stored);
  const report: AnalysisReport = {
    runId,
    mode: changed === null ? 'full' : 'incremental',
    modelVersion: model.version,
    durationMs: Date.now() - started,
    counts,
  };
  await recordRun(dataSource, report, startedAt);
  options.logger.info({ report }, 'analysis done');
  return report;
}

function addReopenTalk(
  item: DetectedRework,
  workItemId: string | undefined,
  comments: ReadonlyMap<string, Array<{ body: string; createdAt: Date }>>,
  links: LinkBase,
): void {
  if (item.kind !== 'reopened' || workItemId === undefined) return;
  const key = item.reworkWorkItemKeys[0] ?? '';
  // What people wrote around the reopen says why: a day either side.
  for (const comment of comments.get(workItemId) ?? []) {
    if (Math.abs(comment.createdAt.getTime() - item.occurredAt.getTime()) <= 86_400_000)
      item.defectTexts.push({
        key: `${key} comment`,
        url: workItemUrl(links, key),
        text: comment.body,
      });
  }
}

async function recordRun(
  dataSource: DataSource,
  report: AnalysisReport,
  startedAt: Date,
): Promise<void> {
  await dataSource.manager.query(
    'INSERT INTO analysis_run (id, mode, started_at, duration_ms, model_version, counts) VALUES ($1, $2, $3, $4, $5, $6)',
    [
      report.runId,
      report.mode,
      startedAt,
      report.durationMs,
      report.modelVersion,
      JSON.stringify(report.counts),
    ],
  );
}

export function describeAnalysis(report: AnalysisReport): string {
  const kinds =
    Object.entries(report.counts.reworkItems)
      .map(([kind, count]) => `${count} ${kind}`)
      .join(', ') || 'none';
  const traces = report.counts.traces;
  return `analysis (${report.mode}, model v${report.modelVersion}): rework items ${kinds}; ${report.counts.written} rows written, ${report.counts.removed} removed; traces ${traces.traced} new, ${traces.cached} cached, ${traces.failed} failed; ${(report.durationMs / 1000).toFixed(1)} s`;
}
