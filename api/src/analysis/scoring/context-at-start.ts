import {
  contextScore,
  requirementFields,
  type AnalysisConfig,
  type ContextScore,
  type StatusCategory,
} from '../core';
import { workItemAsOf } from '../../sources/jira/work-item-history';
import type { AnalysisDataset, ChangeRecord, WorkItemRecord } from '../domain/analysis-dataset';
import type { WorkItemContext } from '../storage/scores.entity';

/**
 * Context score of every work item as it was when work started. Start = the earlier of the first
 * move to an in-progress status and the first linked PR opened (work often starts with a PR
 * before anyone moves the ticket); else creation. The ticket is rebuilt from its changelog at
 * that moment; requirement changes between start and the first resolution after it are churn
 * (changes once the item was done, say around a reopen, are the rework's aftermath, not its cause).
 */
export interface ContextAtStart {
  workItem: WorkItemRecord;
  startedAt: Date;
  startedFrom: 'status' | 'pull-request' | 'created';
  /** First move to an in-progress status, null if never: cycle time is measured from it. */
  inProgressAt: Date | null;
  score: ContextScore;
}

export function contextsAtStart(
  dataset: AnalysisDataset,
  config: AnalysisConfig,
): Map<string, ContextAtStart> {
  const result = new Map<string, ContextAtStart>();
  for (const item of dataset.workItems.values()) {
    const changes = dataset.changes.get(item.id) ?? [];
    const movesTo = (category: StatusCategory) => (change: ChangeRecord) =>
      change.fieldKey === 'status' &&
      (dataset.statusCategoryOf(change.toValue) ?? dataset.statusCategoryOf(change.toString)) ===
        category;
    const inProgressAt = changes.find(movesTo('indeterminate'))?.changedAt ?? null;
    const firstPr = (dataset.pullRequestsByWorkItem.get(item.key) ?? [])
      .map((id) => dataset.pullRequests.get(id)?.createdAt.getTime() ?? Number.POSITIVE_INFINITY)
      .reduce((min, at) => Math.min(min, at), Number.POSITIVE_INFINITY);
    const moved = inProgressAt?.getTime() ?? Number.POSITIVE_INFINITY;
    const start = Math.min(moved, firstPr);
    // On a tie the status move names the start: it is the ticket's own record of it.
    const startedFrom = !Number.isFinite(start)
      ? 'created'
      : moved <= firstPr
        ? 'status'
        : 'pull-request';
    const startedAt = Number.isFinite(start) ? new Date(start) : item.createdAt;
    const asOf = workItemAsOf(
      {
        summary: item.summary,
        description: item.description,
        acceptanceCriteriaField: item.acceptanceCriteriaField,
        storyPoints: item.storyPoints,
        status: item.status,
        statusId: item.statusId,
      },
      changes,
      startedAt,
    );
    // A done before work started (closed, then picked up again) did not resolve this work;
    // without a done move in the changelog, Jira's resolution date stands in.
    const firstDone = changes.find(
      (change) => movesTo('done')(change) && change.changedAt.getTime() > startedAt.getTime(),
    );
    const end = (firstDone?.changedAt ?? item.resolvedAt)?.getTime() ?? Number.POSITIVE_INFINITY;
    const after = changes
      .filter(
        (change) =>
          requirementFields.has(change.fieldKey) &&
          change.changedAt.getTime() > startedAt.getTime() &&
          change.changedAt.getTime() <= end,
      )
      .map((change) => ({ fieldKey: change.fieldKey, changedAt: change.changedAt }));
    const score = contextScore(
      {
        summary: asOf.summary,
        description: asOf.description,
        acceptanceCriteriaField: asOf.acceptanceCriteriaField,
        storyPoints: asOf.storyPoints,
        parentKey: item.parentKey,
      },
      after,
      config,
    );
    result.set(item.id, { workItem: item, startedAt, startedFrom, inProgressAt, score });
  }
  return result;
}

export function contextRow(context: ContextAtStart): WorkItemContext {
  const { score } = context;
  return {
    workItemId: context.workItem.id,
    workItemKey: context.workItem.key,
    startedAt: context.startedAt,
    startedFrom: context.startedFrom,
    inProgressAt: context.inProgressAt,
    score: score.score,
    components: score.components.map((component) => ({ ...component })),
    details: {
      acceptanceCriteria: {
        found: score.acceptanceCriteria.found,
        source: score.acceptanceCriteria.source ?? null,
      },
      descriptionWords: score.descriptionWords,
      thinDescription: score.thinDescription,
      churn: score.churn.map((change) => ({
        fieldKey: change.fieldKey,
        changedAt: change.changedAt.toISOString(),
      })),
      designLinks: score.designLinks,
    },
  };
}
