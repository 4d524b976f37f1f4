import type { MetricOptions } from './metric-result.js';
import type { DeploymentRecord, MetricDataset, PullRequestRecord } from './records.js';

/**
 * Which production deployment shipped each merged pull request: the link lead time for changes
 * and team scoping both use. Built once per dataset (and options) because every period asks again.
 */

export const leadTimeLinkingRule =
  'a pull request reaches production with the first successful production deployment that lists it; ' +
  'when no deployment lists it, the first successful production deployment of its repository that started at or after the merge (among deployments without a PR list)';

export const deployedAt = (deployment: DeploymentRecord): Date =>
  deployment.finishedAt ?? deployment.createdAt;

export function isProduction(deployment: DeploymentRecord, options: MetricOptions): boolean {
  const name = deployment.environment.toLowerCase();
  return options.productionEnvironments.some((environment) => environment.toLowerCase() === name);
}

/** Successful production deployments, any time, in the order they finished. */
export function productionDeployments(
  data: MetricDataset,
  options: MetricOptions,
): DeploymentRecord[] {
  return data.deployments
    .filter((deployment) => deployment.status === 'success' && isProduction(deployment, options))
    .sort((a, b) => deployedAt(a).getTime() - deployedAt(b).getTime());
}

function linkChanges(
  pullRequests: readonly PullRequestRecord[],
  production: readonly DeploymentRecord[],
): Map<string, DeploymentRecord> {
  const listedBy = new Map<string, DeploymentRecord>();
  const unlistedByRepo = new Map<string, DeploymentRecord[]>();
  for (const deployment of production) {
    if (deployment.pullRequestIds === undefined) {
      unlistedByRepo.set(deployment.repo, [
        ...(unlistedByRepo.get(deployment.repo) ?? []),
        deployment,
      ]);
      continue;
    }
    for (const id of deployment.pullRequestIds) if (!listedBy.has(id)) listedBy.set(id, deployment);
  }
  const links = new Map<string, DeploymentRecord>();
  for (const pr of pullRequests) {
    if (pr.mergedAt === null) continue;
    const merged = pr.mergedAt.getTime();
    const deployment =
      listedBy.get(pr.id) ??
      unlistedByRepo.get(pr.repo)?.find((candidate) => candidate.createdAt.getTime() >= merged);
    if (deployment !== undefined) links.set(pr.id, deployment);
  }
  return links;
}

const cache = new WeakMap<MetricDataset, WeakMap<MetricOptions, Map<string, DeploymentRecord>>>();

/** PR id -> the deployment that shipped it, by `leadTimeLinkingRule`; unshipped PRs are absent. */
export function changeDeployments(
  data: MetricDataset,
  options: MetricOptions,
): ReadonlyMap<string, DeploymentRecord> {
  const byOptions = cache.get(data) ?? new WeakMap<MetricOptions, Map<string, DeploymentRecord>>();
  cache.set(data, byOptions);
  const cached = byOptions.get(options);
  if (cached !== undefined) return cached;
  const links = linkChanges(data.pullRequests, productionDeployments(data, options));
  byOptions.set(options, links);
  return links;
}
