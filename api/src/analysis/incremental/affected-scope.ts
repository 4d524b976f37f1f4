import type { AnalysisConfig } from '../core';
import type { AnalysisDataset } from '../domain/analysis-dataset';
import type { DetectedRework } from '../detection/detected-rework';
import type { ChangedSubjects } from './changed-subjects';

/**
 * Which rework candidates new data can affect. A changed PR can be the origin of a later fix or
 * revert in its repository, or a fix of an earlier PR: every merged PR of its repository within
 * the longest window either side is in scope, with the work items it links to. A changed work
 * item brings its PRs and the items it links to (bugs, stories). A changed deployment brings the
 * incidents of its repository that follow it within the incident window. Pure.
 */
export interface AffectedScope {
  pullRequestIds: Set<string>;
  workItemKeys: Set<string>;
  incidentIds: Set<string>;
  repositoryIds: Set<string>;
}

const dayMs = 86_400_000;

export function affectedScope(
  dataset: AnalysisDataset,
  changed: ChangedSubjects,
  config: AnalysisConfig,
): AffectedScope {
  const { windows } = config;
  const reachMs =
    Math.max(windows.followUpFixDays, windows.linkedBugDays) * dayMs +
    Math.max(windows.incidentAfterDeployHours, windows.fastRevertHours) * 3_600_000;
  const scope: AffectedScope = {
    pullRequestIds: new Set(),
    workItemKeys: new Set(),
    incidentIds: new Set(changed.incidentIds),
    repositoryIds: new Set(),
  };
  const prsByRepo = new Map<string, string[]>();
  for (const pr of dataset.pullRequests.values()) {
    const list = prsByRepo.get(pr.repositoryId) ?? [];
    list.push(pr.id);
    prsByRepo.set(pr.repositoryId, list);
  }
  // Links point one way in the data (`work_item_link` of the item that holds it): index both.
  const linkedKeys = new Map<string, Set<string>>();
  const addLink = (a: string, b: string): void => {
    const set = linkedKeys.get(a) ?? new Set<string>();
    set.add(b);
    linkedKeys.set(a, set);
  };
  for (const [workItemId, links] of dataset.links) {
    const key = dataset.workItems.get(workItemId)?.key;
    if (key === undefined) continue;
    for (const link of links) {
      addLink(key, link.otherKey);
      addLink(link.otherKey, key);
    }
  }
  const addWorkItem = (key: string): void => {
    if (scope.workItemKeys.has(key)) return;
    scope.workItemKeys.add(key);
    for (const other of linkedKeys.get(key) ?? []) scope.workItemKeys.add(other);
  };
  const addAround = (repositoryId: string, from: number, to: number): void => {
    scope.repositoryIds.add(repositoryId);
    for (const id of prsByRepo.get(repositoryId) ?? []) {
      const pr = dataset.pullRequests.get(id);
      if (pr === undefined) continue;
      const merged = pr.mergedAt.getTime();
      if (merged < from - reachMs || merged > to + reachMs) continue;
      scope.pullRequestIds.add(pr.id);
      for (const key of pr.workItemKeys) addWorkItem(key);
    }
  };

  const workItemPrs: string[] = [];
  for (const id of changed.workItemIds) {
    const item = dataset.workItems.get(id);
    if (item === undefined) continue;
    addWorkItem(item.key);
    workItemPrs.push(...(dataset.pullRequestsByWorkItem.get(item.key) ?? []));
  }
  for (const id of [...changed.pullRequestIds, ...workItemPrs]) {
    scope.pullRequestIds.add(id);
    const pr = dataset.pullRequests.get(id);
    if (pr !== undefined) addAround(pr.repositoryId, pr.createdAt.getTime(), pr.mergedAt.getTime());
  }
  const changedDeployments = new Set(changed.deploymentIds);
  for (const deployment of dataset.deployments) {
    if (!changedDeployments.has(deployment.id)) continue;
    scope.repositoryIds.add(deployment.repositoryId);
    const at = deployment.createdAt.getTime();
    for (const incident of dataset.incidents)
      if (
        incident.repositoryId === deployment.repositoryId &&
        incident.createdAt.getTime() >= at &&
        incident.createdAt.getTime() - at <= windows.incidentAfterDeployHours * 3_600_000
      )
        scope.incidentIds.add(incident.id);
  }
  for (const incident of dataset.incidents)
    if (scope.incidentIds.has(incident.id)) scope.repositoryIds.add(incident.repositoryId);
  return scope;
}

/** Whether a rework item (detected now, or stored from an earlier run) lies in the scope. */
export function touchesScope(
  item: Pick<
    DetectedRework,
    | 'reworkPullRequestIds'
    | 'originPullRequestIds'
    | 'reworkWorkItemKeys'
    | 'originWorkItemKeys'
    | 'incidentId'
  >,
  scope: AffectedScope,
): boolean {
  return (
    item.reworkPullRequestIds.some((id) => scope.pullRequestIds.has(id)) ||
    item.originPullRequestIds.some((id) => scope.pullRequestIds.has(id)) ||
    item.reworkWorkItemKeys.some((key) => scope.workItemKeys.has(key)) ||
    item.originWorkItemKeys.some((key) => scope.workItemKeys.has(key)) ||
    (item.incidentId !== null && scope.incidentIds.has(item.incidentId))
  );
}
