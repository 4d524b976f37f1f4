import {
  detectReopens,
  type AnalysisConfig,
  type StatusCategory,
  type StatusTransition,
} from '../core';
import type { AnalysisDataset, WorkItemRecord } from '../domain/analysis-dataset';
import {
  pullRequestUrl,
  uniqueSorted,
  workItemUrl,
  type DetectedRework,
  type LinkBase,
} from './detected-rework';

/**
 * Reads: status changes of every work item. Finds: reopened items (done -> not done, mis-clicks
 * ignored). Origin: the item and its PRs merged before the reopen; rework: PRs merged after it.
 */
export function detectReopenReworks(
  dataset: AnalysisDataset,
  config: AnalysisConfig,
  links: LinkBase,
  comments: ReadonlyMap<string, Array<{ body: string; createdAt: Date }>>,
): DetectedRework[] {
  const found: DetectedRework[] = [];
  const bugTypes = new Set(config.classification.bugIssueTypes.map((type) => type.toLowerCase()));
  for (const [workItemId, changes] of dataset.changes) {
    const item = dataset.workItems.get(workItemId);
    if (item === undefined || bugTypes.has(item.type.toLowerCase())) continue;
    const transitions: StatusTransition[] = [];
    for (const change of changes) {
      if (change.fieldKey !== 'status') continue;
      const from = category(dataset, change.fromValue, change.fromString);
      const to = category(dataset, change.toValue, change.toString);
      if (from === undefined || to === undefined) continue;
      transitions.push({
        at: change.changedAt,
        fromStatus: change.fromString ?? '',
        toStatus: change.toString ?? '',
        fromCategory: from,
        toCategory: to,
        by: change.authorIdentityId,
      });
    }
    const detection = detectReopens(transitions, {
      transientMinutes: config.windows.reopenTransientMinutes,
    });
    for (const reopen of detection.reopens) {
      if (!deliveredBefore(dataset, item, transitions, reopen.at)) continue;
      found.push(
        reopenItem(
          dataset,
          item,
          reopen.at,
          reopen.doneAt,
          transitions,
          links,
          comments.get(item.id) ?? [],
        ),
      );
    }
  }
  return found;
}

/**
 * Only delivered work can be reworked: the item was in progress before it was done, or had a
 * merged PR. An item closed straight from the backlog (board clean-up, "won't do") and picked up
 * later was never delivered, so taking it up is not a reopen of finished work.
 */
function deliveredBefore(
  dataset: AnalysisDataset,
  item: WorkItemRecord,
  transitions: readonly StatusTransition[],
  at: Date,
): boolean {
  const worked = transitions.some(
    (transition) =>
      transition.at.getTime() < at.getTime() &&
      (transition.toCategory === 'indeterminate' || transition.fromCategory === 'indeterminate'),
  );
  const merged = (dataset.pullRequestsByWorkItem.get(item.key) ?? []).some(
    (id) =>
      (dataset.pullRequests.get(id)?.mergedAt.getTime() ?? Number.POSITIVE_INFINITY) <=
      at.getTime(),
  );
  return worked || merged;
}

function category(
  dataset: AnalysisDataset,
  value: string | null,
  name: string | null,
): StatusCategory | undefined {
  return dataset.statusCategoryOf(value) ?? dataset.statusCategoryOf(name);
}

function reopenItem(
  dataset: AnalysisDataset,
  item: WorkItemRecord,
  at: Date,
  doneAt: Date | null,
  transitions: readonly StatusTransition[],
  links: LinkBase,
  comments: ReadonlyArray<{ body: string; createdAt: Date }>,
): DetectedRework {
  const prs = (dataset.pullRequestsByWorkItem.get(item.key) ?? [])
    .map((id) => dataset.pullRequests.get(id))
    .filter((pr) => pr !== undefined);
  const before = prs.filter((pr) => pr.mergedAt.getTime() <= at.getTime());
  const after = prs.filter((pr) => pr.mergedAt.getTime() > at.getTime());
  const doneAgain = transitions.find(
    (transition) => transition.at.getTime() > at.getTime() && transition.toCategory === 'done',
  );
  // What people wrote around the reopen says why: a day either side.
  const talk = comments.filter(
    (comment) => Math.abs(comment.createdAt.getTime() - at.getTime()) <= 86_400_000,
  );
  return {
    id: `reopened:${item.id}@${at.toISOString()}`,
    kind: 'reopened',
    repositoryId: before[0]?.repositoryId ?? after[0]?.repositoryId ?? null,
    reworkPullRequestIds: uniqueSorted(after.map((pr) => pr.id)),
    reworkWorkItemKeys: [item.key],
    incidentId: null,
    originPullRequestIds: uniqueSorted(before.map((pr) => pr.id)),
    originWorkItemKeys: [item.key],
    rule: 'reopened',
    detection: {
      rules: ['reopened'],
      facts: [
        `${item.key} moved from done back to an open status on ${at.toISOString()}${doneAt === null ? '' : ` (done since ${doneAt.toISOString()})`}`,
      ],
      links: [
        ...(workItemUrl(links, item.key) === undefined
          ? []
          : [{ label: item.key, url: workItemUrl(links, item.key) ?? '' }]),
        ...before.map((pr) => ({
          label: `#${pr.number}`,
          url: pullRequestUrl(links, pr.repo, pr.number),
        })),
      ],
    },
    occurredAt: at,
    endedAt: doneAgain?.at ?? null,
    defectTexts: talk.map((comment) => ({
      key: `${item.key} comment`,
      url: workItemUrl(links, item.key),
      text: comment.body,
    })),
    expectations: null,
  };
}
