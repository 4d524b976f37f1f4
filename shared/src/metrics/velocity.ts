import {
  computed,
  daysBetween,
  ExclusionTally,
  hoursBetween,
  medianOf,
  notComputable,
  shareOf,
  type MetricResult,
} from './metric-result.js';
import { inPeriod, weeksIn, type Period } from './periods.js';
import type { MetricDataset, SprintRecord, WorkItemRecord } from './records.js';

/** Legacy velocity: what organisations measured when writing code was the constraint. */

const subTask = /^sub-?task$/i;
const subTaskReason = 'sub-task (counted through its parent)';

/** A sprint belongs to the period it ends in (start < end <= period end), so each sprint counts once. */
export function sprintsEndingIn(sprints: readonly SprintRecord[], period: Period): SprintRecord[] {
  return sprints.filter(
    (sprint) =>
      sprint.endedAt.getTime() > period.start.getTime() &&
      sprint.endedAt.getTime() <= period.end.getTime(),
  );
}

function topLevel(items: readonly WorkItemRecord[], excluded: ExclusionTally): WorkItemRecord[] {
  return items.filter((item) => {
    if (!subTask.test(item.type)) return true;
    excluded.add(subTaskReason);
    return false;
  });
}

export function storyPointsPerSprint(data: MetricDataset, period: Period): MetricResult {
  const excluded = new ExclusionTally();
  const sprints = sprintsEndingIn(data.sprints, period);
  if (sprints.length === 0)
    return notComputable('no sprint ended in period', 0, 'sprints', excluded);
  const totals = sprints.map((sprint) =>
    data.workItems
      .filter((item) => item.completedInSprintId === sprint.id)
      .reduce((sum, item) => {
        if (item.storyPoints === null) {
          excluded.add('completed without a story point estimate');
          return sum;
        }
        return sum + item.storyPoints;
      }, 0),
  );
  return computed(
    totals.reduce((a, b) => a + b, 0) / sprints.length,
    sprints.length,
    'sprints',
    excluded,
  );
}

export function sprintCompletion(data: MetricDataset, period: Period): MetricResult {
  const excluded = new ExclusionTally();
  const sprints = sprintsEndingIn(data.sprints, period);
  if (sprints.length === 0)
    return notComputable('no sprint ended in period', 0, 'committed work items', excluded);
  let committed = 0;
  let done = 0;
  for (const sprint of sprints) {
    for (const item of data.workItems) {
      const wasCommitted = item.committedSprintIds.includes(sprint.id);
      const completedHere = item.completedInSprintId === sprint.id;
      if (wasCommitted) committed += 1;
      if (wasCommitted && completedHere) done += 1;
      if (!wasCommitted && completedHere) excluded.add('added to the sprint after it started');
    }
  }
  return shareOf(
    done,
    committed,
    'committed work items',
    excluded,
    'no work committed at sprint start',
  );
}

export function workItemThroughput(data: MetricDataset, period: Period): MetricResult {
  const excluded = new ExclusionTally();
  const done = topLevel(
    data.workItems.filter((item) => inPeriod(item.resolvedAt, period)),
    excluded,
  );
  return computed(done.length / weeksIn(period), done.length, 'work items', excluded);
}

export function pullRequestThroughput(data: MetricDataset, period: Period): MetricResult {
  const merged = data.pullRequests.filter((pr) => inPeriod(pr.mergedAt, period));
  return computed(
    merged.length / weeksIn(period),
    merged.length,
    'pull requests',
    new ExclusionTally(),
  );
}

export function pullRequestCycleTime(data: MetricDataset, period: Period): MetricResult {
  const excluded = new ExclusionTally();
  const hours = data.pullRequests.flatMap((pr) =>
    inPeriod(pr.mergedAt, period) ? [hoursBetween(pr.createdAt, pr.mergedAt)] : [],
  );
  return hours.length === 0
    ? notComputable('no pull requests merged in period', 0, 'pull requests', excluded)
    : computed(medianOf(hours), hours.length, 'pull requests', excluded);
}

export function workItemCycleTime(data: MetricDataset, period: Period): MetricResult {
  const excluded = new ExclusionTally();
  const days: number[] = [];
  for (const item of topLevel(
    data.workItems.filter((candidate) => inPeriod(candidate.resolvedAt, period)),
    excluded,
  )) {
    if (item.startedAt === null || item.resolvedAt === null)
      excluded.add('never moved to in progress');
    else days.push(daysBetween(item.startedAt, item.resolvedAt));
  }
  return days.length === 0
    ? notComputable('no started work items resolved in period', 0, 'work items', excluded)
    : computed(medianOf(days), days.length, 'work items', excluded);
}
