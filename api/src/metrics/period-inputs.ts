import {
  changeDeployments,
  defaultMetricOptions,
  deployedAt,
  type DeploymentRecord,
  type IncidentRecord,
  type MetricDataset,
  type MetricOptions,
  type Period,
  type PullRequestRecord,
  type ReworkItemRecord,
  type WorkItemRecord,
} from '@rework-radar/shared';

/**
 * For each period, the part of a scoped dataset its metric values can depend on, so that
 * `computeMetricValues(periodInputs(data, periods)[i], [periods[i]])` equals the values of
 * `computeMetricValues(data, [periods[i]])` (a spec holds that) while each formula reads a
 * period's records instead of the whole history, and a period whose inputs did not change can be
 * skipped. What a period needs, by the formulas' own placing rules:
 * - pull requests merged in it, or shipped (lead-time link) by a deployment in it;
 * - work items started (moved to in progress, or work started) or resolved in it, or committed to /
 *   completed in a sprint ending in it;
 * - rework items that happened in it, or whose origin is one of those pull requests (escaped defects);
 * - deployments finished in it, the ones that shipped its pull requests, and around each
 *   deployment in it or caused an incident in it: all its incidents and remedies (a recovery
 *   episode merges them); the scope's first deployment (whether the scope deploys at all);
 * - incidents that started in it and those of the deployments above; sprints that end in it.
 * Extra records are harmless: every formula places records by their own date.
 */

const endOfSprintInstant = (end: Date): Date => new Date(end.getTime() - 1);

/** Finds the periods containing an instant: a binary search over starts, then the few overlapping ones. */
class PeriodFinder {
  private readonly order: number[];
  private readonly starts: number[];
  private readonly longest: number;

  constructor(private readonly periods: readonly Period[]) {
    this.order = periods.map((_, index) => index);
    this.order.sort(
      (a, b) => (periods[a]?.start.getTime() ?? 0) - (periods[b]?.start.getTime() ?? 0),
    );
    this.starts = this.order.map((index) => periods[index]?.start.getTime() ?? 0);
    this.longest = Math.max(
      0,
      ...periods.map((period) => period.end.getTime() - period.start.getTime()),
    );
  }

  /** Indexes (into `periods`) of the periods with start <= at < end. */
  containing(at: Date | null | undefined, found: (index: number) => void): void {
    if (at === null || at === undefined) return;
    const time = at.getTime();
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.starts[middle] ?? 0) <= time) low = middle + 1;
      else high = middle;
    }
    for (let position = low - 1; position >= 0; position -= 1) {
      const start = this.starts[position] ?? 0;
      if (start + this.longest <= time) break;
      const index = this.order[position] ?? 0;
      if (time < (this.periods[index]?.end.getTime() ?? 0)) found(index);
    }
  }
}

interface Buckets {
  pullRequests: Set<PullRequestRecord>;
  workItems: Set<WorkItemRecord>;
  reworkItems: Set<ReworkItemRecord>;
  deployments: Set<DeploymentRecord>;
  incidents: Set<IncidentRecord>;
}

export function periodInputs(
  data: MetricDataset,
  periods: readonly Period[],
  options: MetricOptions = defaultMetricOptions,
): MetricDataset[] {
  const finder = new PeriodFinder(periods);
  const buckets: Buckets[] = periods.map(() => ({
    pullRequests: new Set(),
    workItems: new Set(),
    reworkItems: new Set(),
    deployments: new Set(),
    incidents: new Set(),
  }));
  const at = (index: number): Buckets => buckets[index] as Buckets;
  const shipped = changeDeployments(data, options);

  for (const pr of data.pullRequests) {
    const put = (index: number): void => {
      at(index).pullRequests.add(pr);
      const deployment = shipped.get(pr.id);
      if (deployment !== undefined) at(index).deployments.add(deployment);
    };
    finder.containing(pr.mergedAt, put);
    const deployment = shipped.get(pr.id);
    if (deployment !== undefined) finder.containing(deployedAt(deployment), put);
  }

  const sprintEnds = new Map(data.sprints.map((sprint) => [sprint.id, sprint.endedAt]));
  for (const item of data.workItems) {
    const put = (index: number): void => void at(index).workItems.add(item);
    finder.containing(item.startedAt, put);
    finder.containing(item.workStartedAt, put);
    finder.containing(item.resolvedAt, put);
    for (const id of [
      ...item.committedSprintIds,
      ...(item.completedInSprintId === null ? [] : [item.completedInSprintId]),
    ]) {
      const end = sprintEnds.get(id);
      if (end !== undefined) finder.containing(endOfSprintInstant(end), put);
    }
  }

  // Rework by its date, then by its origin pull requests' periods (set after the PR pass).
  const prPeriods = new Map<string, number[]>();
  buckets.forEach((bucket, index) => {
    for (const pr of bucket.pullRequests)
      prPeriods.set(pr.id, [...(prPeriods.get(pr.id) ?? []), index]);
  });
  for (const item of data.reworkItems) {
    finder.containing(item.detectedAt, (index) => at(index).reworkItems.add(item));
    for (const id of item.originPrIds)
      for (const index of prPeriods.get(id) ?? []) at(index).reworkItems.add(item);
  }

  // Deployments: what each one's failure and recovery read, gathered once per deployment.
  const incidentsOf = new Map<string, IncidentRecord[]>();
  for (const incident of data.incidents)
    if (incident.causedByDeploymentId !== null)
      incidentsOf.set(incident.causedByDeploymentId, [
        ...(incidentsOf.get(incident.causedByDeploymentId) ?? []),
        incident,
      ]);
  const remediesOf = new Map<string, DeploymentRecord[]>();
  for (const deployment of data.deployments) {
    for (const target of [deployment.rollbackOfDeploymentId, deployment.fixesDeploymentId])
      if (target) remediesOf.set(target, [...(remediesOf.get(target) ?? []), deployment]);
  }
  const byId = new Map(data.deployments.map((deployment) => [deployment.id, deployment]));
  const withFailure = (bucket: Buckets, deployment: DeploymentRecord): void => {
    bucket.deployments.add(deployment);
    for (const incident of incidentsOf.get(deployment.id) ?? []) bucket.incidents.add(incident);
    for (const remedy of remediesOf.get(deployment.id) ?? []) bucket.deployments.add(remedy);
  };
  for (const deployment of data.deployments)
    finder.containing(deployedAt(deployment), (index) => withFailure(at(index), deployment));
  for (const incident of data.incidents) {
    finder.containing(incident.startedAt, (index) => {
      at(index).incidents.add(incident);
      const cause =
        incident.causedByDeploymentId === null
          ? undefined
          : byId.get(incident.causedByDeploymentId);
      if (cause !== undefined) withFailure(at(index), cause);
    });
  }
  const first = data.deployments[0];
  const reworkOrder = new Map(data.reworkItems.map((item, index) => [item, index]));
  const incidentOrder = new Map(data.incidents.map((incident, index) => [incident, index]));
  // The scope's order everywhere: sums of floats and tie-breaks then match the whole dataset's.
  const inOrder = <T>(records: Set<T>, order: Map<T, number>): T[] =>
    [...records].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));

  return periods.map((period, index) => {
    const bucket = at(index);
    if (first !== undefined) bucket.deployments.add(first);
    return {
      // Pull requests and work items were added walking the dataset, so already in its order.
      pullRequests: [...bucket.pullRequests],
      workItems: [...bucket.workItems],
      reworkItems: inOrder(bucket.reworkItems, reworkOrder),
      deployments: data.deployments.filter((deployment) => bucket.deployments.has(deployment)),
      incidents: inOrder(bucket.incidents, incidentOrder),
      sprints: data.sprints.filter(
        (sprint) =>
          sprint.endedAt.getTime() > period.start.getTime() &&
          sprint.endedAt.getTime() <= period.end.getTime(),
      ),
    };
  });
}
