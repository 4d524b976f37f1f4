import { contextScore, requirementFields, type AnalysisConfig, type ContextScore } from '../core';
import { workItemAsOf } from '../../sources/jira/work-item-history';
import type { AnalysisDataset, WorkItemRecord } from '../domain/analysis-dataset';
import type { WorkItemContext } from '../storage/scores.entity';

/**
 * Context score of every work item as it was when work started. Start = the first move to an
 * in-progress status; else the first linked PR opened; else creation. The ticket is rebuilt from
 * its changelog at that moment; requirement changes between start and resolution are churn.
 */
export interface ContextAtStart {
  workItem: WorkItemRecord;
  startedAt: Date;
  startedFrom: 'status' | 'pull-request' | 'created';
  score: ContextScore;
}

export function contextsAtStart(
  dataset: AnalysisDataset,
  config: AnalysisConfig,
): Map<string, ContextAtStart> {
  const result = new Map<string, ContextAtStart>();
  for (const item of dataset.workItems.values()) {
    const changes = dataset.changes.get(item.id) ?? [];
    const inProgress = changes.find(
      (change) =>
        change.fieldKey === 'status' &&
        (dataset.statusCategoryOf(change.toValue) ?? dataset.statusCategoryOf(change.toString)) ===
          'indeterminate',
    );
    const firstPr = (dataset.pullRequestsByWorkItem.get(item.key) ?? [])
      .map((id) => dataset.pullRequests.get(id)?.createdAt.getTime() ?? Number.POSITIVE_INFINITY)
      .reduce((min, at) => Math.min(min, at), Number.POSITIVE_INFINITY);
    const startedFrom =
      inProgress !== undefined ? 'status' : Number.isFinite(firstPr) ? 'pull-request' : 'created';
    const startedAt =
      inProgress?.changedAt ?? (Number.isFinite(firstPr) ? new Date(firstPr) : item.createdAt);
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
    const end = item.resolvedAt?.getTime() ?? Number.POSITIVE_INFINITY;
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
    result.set(item.id, { workItem: item, startedAt, startedFrom, score });
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
