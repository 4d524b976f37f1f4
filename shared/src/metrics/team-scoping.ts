import { changeDeployments } from './change-deployments.js';
import type { MetricScope } from './metric-definition.js';
import { defaultMetricOptions, type MetricOptions } from './metric-result.js';
import type { MetricDataset, WorkItemRecord } from './records.js';

/**
 * Which records a team's or a repository's view is computed from. A record belongs to the teams its
 * person was in AT THE RECORD'S TIME (PR: opened; work item: started, else created), so a move
 * between teams does not rewrite history. A person in two teams counts in both teams' views; the
 * organisation's view takes every record once, whoever made it.
 */
export interface TeamMembership {
  personId: string;
  teamId: string;
  /** Inclusive; null = since always. */
  from: Date | null;
  /** Exclusive; null = still a member. */
  to: Date | null;
}

export function teamsAt(
  personId: string | null,
  at: Date,
  memberships: readonly TeamMembership[],
): string[] {
  if (personId === null) return [];
  const time = at.getTime();
  const teams = memberships
    .filter(
      (m) =>
        m.personId === personId &&
        (m.from === null || m.from.getTime() <= time) &&
        (m.to === null || time < m.to.getTime()),
    )
    .map((m) => m.teamId);
  return [...new Set(teams)].sort();
}

export const workItemTime = (item: WorkItemRecord): Date => item.startedAt ?? item.createdAt;

/** Records a team view cannot include because no team member is behind them (they still count for the organisation). */
export interface Unattributed {
  pullRequests: number;
  workItems: number;
}

export interface ScopedDataset {
  data: MetricDataset;
  unattributed: Unattributed;
}

function uniqueBy<T>(records: readonly T[], id: (record: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const record of records) if (!seen.has(id(record))) seen.set(id(record), record);
  return [...seen.values()];
}

const organisations = new WeakMap<MetricDataset, MetricDataset>();

/**
 * The organisation: every record exactly once (duplicates from multi-team joins collapse by id).
 * Datasets are read-only once built, so each one's organisation view is built once: every team
 * and repository view starts from it, and a refresh asks for it per scope over a million records.
 */
export function organisationDataset(data: MetricDataset): MetricDataset {
  const known = organisations.get(data);
  if (known !== undefined) return known;
  const organisation = {
    pullRequests: uniqueBy(data.pullRequests, (pr) => pr.id),
    workItems: uniqueBy(data.workItems, (item) => item.key),
    reworkItems: uniqueBy(data.reworkItems, (item) => item.id),
    deployments: uniqueBy(data.deployments, (deployment) => deployment.id),
    incidents: uniqueBy(data.incidents, (incident) => incident.id),
    sprints: uniqueBy(data.sprints, (sprint) => sprint.id),
  };
  organisations.set(data, organisation);
  // Already one record per id: asked again (a repository view of it), it is its own view.
  organisations.set(organisation, organisation);
  return organisation;
}

/**
 * Keeps what follows from the chosen PRs and work items: rework whose origin is among them, the
 * deployments that shipped those PRs (by the lead-time linking rule) with their rollbacks and
 * hotfixes, incidents those deployments caused, and the sprints those work items were in.
 */
function around(
  data: MetricDataset,
  prIds: Set<string>,
  itemKeys: Set<string>,
  extraDeployments: Set<string>,
  options: MetricOptions,
): MetricDataset {
  const shipped = changeDeployments(data, options);
  const deploymentIds = new Set(extraDeployments);
  for (const id of prIds) {
    const deployment = shipped.get(id);
    if (deployment !== undefined) deploymentIds.add(deployment.id);
  }
  for (const deployment of data.deployments) {
    if (deployment.pullRequestIds?.some((id) => prIds.has(id)) === true)
      deploymentIds.add(deployment.id);
  }
  for (const deployment of data.deployments) {
    const target = deployment.rollbackOfDeploymentId ?? deployment.fixesDeploymentId;
    if (target && deploymentIds.has(target)) deploymentIds.add(deployment.id);
  }
  const workItems = data.workItems.filter((item) => itemKeys.has(item.key));
  const sprintIds = new Set(
    workItems.flatMap((item) => [
      ...item.committedSprintIds,
      ...(item.completedInSprintId === null ? [] : [item.completedInSprintId]),
    ]),
  );
  return {
    pullRequests: data.pullRequests.filter((pr) => prIds.has(pr.id)),
    workItems,
    reworkItems: data.reworkItems.filter(
      (item) =>
        item.originPrIds.some((id) => prIds.has(id)) ||
        item.originWorkItemKeys.some((key) => itemKeys.has(key)),
    ),
    deployments: data.deployments.filter((deployment) => deploymentIds.has(deployment.id)),
    incidents: data.incidents.filter(
      (incident) =>
        incident.causedByDeploymentId !== null && deploymentIds.has(incident.causedByDeploymentId),
    ),
    sprints: data.sprints.filter((sprint) => sprintIds.has(sprint.id)),
  };
}

export function teamDataset(
  data: MetricDataset,
  teamId: string,
  memberships: readonly TeamMembership[],
  options: MetricOptions = defaultMetricOptions,
): ScopedDataset {
  const org = organisationDataset(data);
  const unattributed: Unattributed = { pullRequests: 0, workItems: 0 };
  const prIds = new Set<string>();
  for (const pr of org.pullRequests) {
    const teams = teamsAt(pr.authorPersonId, pr.createdAt, memberships);
    if (teams.length === 0) unattributed.pullRequests += 1;
    if (teams.includes(teamId)) prIds.add(pr.id);
  }
  const itemKeys = new Set<string>();
  for (const item of org.workItems) {
    const teams = teamsAt(item.assigneePersonId, workItemTime(item), memberships);
    if (teams.length === 0) unattributed.workItems += 1;
    if (teams.includes(teamId)) itemKeys.add(item.key);
  }
  return { data: around(org, prIds, itemKeys, new Set(), options), unattributed };
}

export function repositoryDataset(
  data: MetricDataset,
  repository: string,
  options: MetricOptions = defaultMetricOptions,
): MetricDataset {
  const org = organisationDataset(data);
  const prs = org.pullRequests.filter((pr) => pr.repo === repository);
  const prIds = new Set(prs.map((pr) => pr.id));
  const itemKeys = new Set(prs.flatMap((pr) => pr.workItemKeys));
  const repoDeployments = new Set(
    org.deployments
      .filter((deployment) => deployment.repo === repository)
      .map((deployment) => deployment.id),
  );
  const scoped = around(org, prIds, itemKeys, repoDeployments, options);
  // A repository view keeps only its own deployments, and incidents reported against it.
  const deployments = scoped.deployments.filter((deployment) => deployment.repo === repository);
  const deploymentIds = new Set(deployments.map((deployment) => deployment.id));
  const incidents = org.incidents.filter(
    (incident) =>
      (incident.causedByDeploymentId !== null &&
        deploymentIds.has(incident.causedByDeploymentId)) ||
      (incident.causedByDeploymentId === null && incident.repo === repository),
  );
  return { ...scoped, deployments, incidents };
}

/** The dataset for a scope: organisation, team, repository, or a team within a repository. */
export function scopeDataset(
  data: MetricDataset,
  scope: MetricScope,
  memberships: readonly TeamMembership[],
  options: MetricOptions = defaultMetricOptions,
): ScopedDataset {
  const team =
    scope.team === undefined
      ? { data: organisationDataset(data), unattributed: { pullRequests: 0, workItems: 0 } }
      : teamDataset(data, scope.team, memberships, options);
  return scope.repository === undefined
    ? team
    : {
        data: repositoryDataset(team.data, scope.repository, options),
        unattributed: team.unattributed,
      };
}
