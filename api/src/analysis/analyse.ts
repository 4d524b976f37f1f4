import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { readCheckpoint, saveCheckpoint } from '../sources/sync-state/sync-state.store';
import { attributeCause, projectNorms, projectOfKey, type AnalysisConfig } from './core';
import { clarifyingQuestions } from './analysis-inputs';
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
import { contextsAtStart } from './scoring/context-at-start';
import { reviewScores } from './scoring/review-scores';
import { activationKey, loadScopeModels, modelFor } from './models/model-scope';
import { storeAnalysis, type StoredCounts } from './store/analysis-store';
import type { RunCounts } from './storage/analysis-model.entity';

/**
 * The analysis engine over the database: domain rows in, analysis rows out. Everything is
 * re-derived from the domain layer on each run that has something new (the expensive part, line
 * tracing, is cached per fix commit), and only rows whose content changed are written.
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
  };
  const previous = (await readCheckpoint(manager, checkpointKey)) as
    Partial<AnalysisCursor> | undefined;
  const unchanged =
    previous !== undefined &&
    previous.rawPayloadId === cursor.rawPayloadId &&
    previous.models === cursor.models &&
    previous.configHash === cursor.configHash;
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

  const counts = emptyCounts();
  const dataset = await loadAnalysisDataset(manager);
  const traceCounts: TraceCounts = counts.traces;
  const reverts = await detectRevertReworks(manager, dataset, links);
  const revertIds = new Set(reverts.flatMap((item) => item.reworkPullRequestIds));
  const followUp = await detectFollowUpFixes(
    manager,
    dataset,
    config,
    { dataDir: options.dataDir, links, excludePullRequestIds: revertIds },
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
  const scores = await reviewScores(manager, dataset, config);
  const originPrIds = [...new Set(items.flatMap((item) => item.originPullRequestIds))];
  const talkItemIds = [
    ...new Set(
      items
        .flatMap((item) => [...item.originWorkItemKeys, ...item.reworkWorkItemKeys])
        .map((key) => dataset.workItemByKey.get(key)?.id)
        .filter((id): id is string => id !== undefined),
    ),
  ];
  const talk = await clarifyingQuestions(manager, dataset, links, originPrIds, talkItemIds);
  for (const item of items)
    addReopenTalk(
      item,
      dataset.workItemByKey.get(item.reworkWorkItemKeys[0] ?? '')?.id,
      talk.workItemComments,
      links,
    );

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
  const attributed = items.map((item) => {
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

  const stored: StoredCounts = await dataSource.transaction(async (transaction) => {
    const result = await storeAnalysis(transaction, {
      attributed,
      dataset,
      contexts,
      reviewScores: scores,
      now: startedAt,
    });
    await saveCheckpoint(transaction, checkpointKey, cursor);
    return result;
  });
  Object.assign(counts, stored);
  const report: AnalysisReport = {
    runId,
    mode: options.full === true || previous === undefined ? 'full' : 'incremental',
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
