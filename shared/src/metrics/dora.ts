import {
  computed,
  ExclusionTally,
  hoursBetween,
  medianOf,
  notComputable,
  shareOf,
  type MetricOptions,
  type MetricResult,
} from './metric-result.js';
import { inPeriod, weeksIn, type Period } from './periods.js';
import {
  changeDeployments,
  deployedAt,
  isProduction,
  leadTimeLinkingRule,
  productionDeployments,
} from './change-deployments.js';
import type { DeploymentRecord, MetricDataset } from './records.js';

/**
 * DORA's five software delivery metrics (2024 report). Deployments are successful deployments to a
 * production environment, placed in the period in which they finished.
 */

export const noDeployments = 'no deployments in period';
const notProduction = 'not a production environment';
const notSuccessful = 'deployment did not succeed (failed, errored or still running)';
const unlinkedIncident = 'incident not linked to a deployment (cannot be attributed to a change)';

/** Successful production deployments finished in the period; the others in the period are tallied as excluded. */
export function deploymentsIn(
  data: MetricDataset,
  period: Period,
  options: MetricOptions,
  excluded: ExclusionTally,
): DeploymentRecord[] {
  return data.deployments.filter((deployment) => {
    if (!inPeriod(deployedAt(deployment), period)) return false;
    if (!isProduction(deployment, options)) excluded.add(notProduction);
    else if (deployment.status !== 'success') excluded.add(notSuccessful);
    else return true;
    return false;
  });
}

function tallyUnlinkedIncidents(
  data: MetricDataset,
  period: Period,
  excluded: ExclusionTally,
): void {
  excluded.add(
    unlinkedIncident,
    data.incidents.filter(
      (incident) => incident.causedByDeploymentId === null && inPeriod(incident.startedAt, period),
    ).length,
  );
}

export function deploymentFrequency(
  data: MetricDataset,
  period: Period,
  options: MetricOptions,
): MetricResult {
  const excluded = new ExclusionTally();
  const deployments = deploymentsIn(data, period, options, excluded);
  // No deployment data at all for the scope is "unknown", not "zero deployments".
  if (data.deployments.length === 0)
    return notComputable('no deployments recorded for this scope', 0, 'deployments', excluded);
  return computed(
    deployments.length / weeksIn(period),
    deployments.length,
    'deployments',
    excluded,
  );
}

export function leadTimeForChanges(
  data: MetricDataset,
  period: Period,
  options: MetricOptions,
): MetricResult {
  const excluded = new ExclusionTally();
  const shipped = changeDeployments(data, options);
  const hours: number[] = [];
  for (const pr of data.pullRequests) {
    if (pr.mergedAt === null) continue;
    const deployment = shipped.get(pr.id);
    if (deployment === undefined) {
      if (inPeriod(pr.mergedAt, period))
        excluded.add('merged in period, not (yet) deployed to production');
    } else if (inPeriod(deployedAt(deployment), period)) {
      hours.push(Math.max(0, hoursBetween(pr.mergedAt, deployedAt(deployment))));
    }
  }
  if (hours.length === 0) {
    const reason =
      deploymentsIn(data, period, options, new ExclusionTally()).length === 0
        ? noDeployments
        : 'no merged pull request reached production in period';
    return notComputable(reason, 0, 'pull requests', excluded, leadTimeLinkingRule);
  }
  return computed(medianOf(hours), hours.length, 'pull requests', excluded, leadTimeLinkingRule);
}

export const failureLinkingRule =
  'a deployment failed when an incident names it as its cause (incident linking rule), a rollback deployment rolls it back, or a hotfix deployment fixes it';

/** Ids of deployments that caused a failure in production, by `failureLinkingRule`. */
export function failedDeploymentIds(data: MetricDataset): Set<string> {
  const failed = new Set<string>();
  for (const incident of data.incidents)
    if (incident.causedByDeploymentId !== null) failed.add(incident.causedByDeploymentId);
  for (const deployment of data.deployments) {
    if (deployment.rollbackOfDeploymentId) failed.add(deployment.rollbackOfDeploymentId);
    if (deployment.fixesDeploymentId) failed.add(deployment.fixesDeploymentId);
  }
  return failed;
}

export function changeFailureRate(
  data: MetricDataset,
  period: Period,
  options: MetricOptions,
): MetricResult {
  const excluded = new ExclusionTally();
  const deployments = deploymentsIn(data, period, options, excluded);
  tallyUnlinkedIncidents(data, period, excluded);
  const failed = failedDeploymentIds(data);
  const failures = deployments.filter((deployment) => failed.has(deployment.id)).length;
  return shareOf(
    failures,
    deployments.length,
    'deployments',
    excluded,
    noDeployments,
    failureLinkingRule,
  );
}

export function reworkRate(
  data: MetricDataset,
  period: Period,
  options: MetricOptions,
): MetricResult {
  const excluded = new ExclusionTally();
  const deployments = deploymentsIn(data, period, options, excluded);
  const fixes = deployments.filter((deployment) => deployment.isFix).length;
  return shareOf(fixes, deployments.length, 'deployments', excluded, noDeployments);
}

interface Interval {
  start: number;
  end: number;
}

/** Overlapping or touching intervals become one: two incidents of one failure are one recovery. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && interval.start <= last.end)
      last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

export function failedDeploymentRecoveryTime(
  data: MetricDataset,
  period: Period,
  options: MetricOptions,
): MetricResult {
  const excluded = new ExclusionTally();
  tallyUnlinkedIncidents(data, period, excluded);
  const production = productionDeployments(data, options);
  const byId = new Map(production.map((deployment) => [deployment.id, deployment]));
  const intervals = new Map<string, Interval[]>();
  const add = (deploymentId: string, interval: Interval): void => {
    intervals.set(deploymentId, [...(intervals.get(deploymentId) ?? []), interval]);
  };
  for (const incident of data.incidents) {
    if (incident.causedByDeploymentId === null) continue;
    if (incident.resolvedAt === null) {
      if (inPeriod(incident.startedAt, period)) excluded.add('incident not yet resolved');
      continue;
    }
    add(incident.causedByDeploymentId, {
      start: incident.startedAt.getTime(),
      end: incident.resolvedAt.getTime(),
    });
  }
  for (const remedy of production) {
    const failedId = remedy.rollbackOfDeploymentId ?? remedy.fixesDeploymentId;
    const failed = failedId ? byId.get(failedId) : undefined;
    if (failed !== undefined)
      add(failed.id, { start: deployedAt(failed).getTime(), end: deployedAt(remedy).getTime() });
  }
  const hours = [...intervals.values()]
    .flatMap((list) => mergeIntervals(list))
    .filter((episode) => inPeriod(new Date(episode.start), period))
    .map((episode) => (episode.end - episode.start) / 3_600_000);
  return hours.length === 0
    ? notComputable(
        'no failed deployment recovered in period',
        0,
        'failures',
        excluded,
        failureLinkingRule,
      )
    : computed(medianOf(hours), hours.length, 'failures', excluded, failureLinkingRule);
}
