import { mean } from 'simple-statistics';
import {
  computed,
  ExclusionTally,
  medianOf,
  notComputable,
  shareOf,
  type MetricOptions,
  type MetricResult,
} from './metric-result.js';
import { inPeriod, type Period } from './periods.js';
import { noReworkPr, reworkCost, reworkDetectedIn } from './rework-cost.js';
import type { MetricDataset, ReworkItemRecord, WorkItemRecord } from './records.js';

/** Context quality: did the team know what to build when it started? */

export const unknownCause = 'cause unknown (left out of the denominator)';
const noStartedItems = 'no work item started in period';

/** Top-level work items whose work started in the period (moved to in progress, or a PR opened first). */
function startedIn(
  data: MetricDataset,
  period: Period,
  excluded: ExclusionTally,
): WorkItemRecord[] {
  return data.workItems.filter((item) => {
    if (!inPeriod(item.workStartedAt, period)) return false;
    if (!/^sub-?task$/i.test(item.type)) return true;
    excluded.add('sub-task (counted through its parent)');
    return false;
  });
}

function scoresAtStart(data: MetricDataset, period: Period, excluded: ExclusionTally): number[] {
  return startedIn(data, period, excluded).flatMap((item) => {
    if (item.contextScoreAtStart !== null) return [item.contextScoreAtStart];
    excluded.add('no context score at start');
    return [];
  });
}

export function contextScoreAtStartMean(data: MetricDataset, period: Period): MetricResult {
  const excluded = new ExclusionTally();
  const scores = scoresAtStart(data, period, excluded);
  return scores.length === 0
    ? notComputable(noStartedItems, 0, 'work items', excluded)
    : computed(mean(scores), scores.length, 'work items', excluded);
}

export function contextScoreAtStartMedian(data: MetricDataset, period: Period): MetricResult {
  const excluded = new ExclusionTally();
  const scores = scoresAtStart(data, period, excluded);
  return scores.length === 0
    ? notComputable(noStartedItems, 0, 'work items', excluded)
    : computed(medianOf(scores), scores.length, 'work items', excluded);
}

export function acceptanceCriteriaShare(data: MetricDataset, period: Period): MetricResult {
  const excluded = new ExclusionTally();
  const known = startedIn(data, period, excluded).filter((item) => {
    if (item.hadAcceptanceCriteriaAtStart !== null) return true;
    excluded.add('acceptance criteria at start unknown');
    return false;
  });
  const withCriteria = known.filter((item) => item.hadAcceptanceCriteriaAtStart === true).length;
  return shareOf(withCriteria, known.length, 'work items', excluded, noStartedItems);
}

export function requirementChurnRate(data: MetricDataset, period: Period): MetricResult {
  const excluded = new ExclusionTally();
  const known = startedIn(data, period, excluded).filter((item) => {
    if (item.churnAfterStart !== null) return true;
    excluded.add('change history after start unknown');
    return false;
  });
  const churned = known.filter((item) => (item.churnAfterStart ?? 0) > 0).length;
  return shareOf(churned, known.length, 'work items', excluded, noStartedItems);
}

export function clarificationRate(data: MetricDataset, period: Period): MetricResult {
  const excluded = new ExclusionTally();
  const counts = data.pullRequests.flatMap((pr) => {
    if (!inPeriod(pr.mergedAt, period)) return [];
    if (pr.clarifyingQuestions === null || pr.clarifyingQuestions === undefined) {
      excluded.add('review comments not analysed');
      return [];
    }
    return [pr.clarifyingQuestions];
  });
  return counts.length === 0
    ? notComputable('no analysed pull request merged in period', 0, 'pull requests', excluded)
    : computed(
        counts.reduce((a, b) => a + b, 0) / counts.length,
        counts.length,
        'pull requests',
        excluded,
      );
}

/** Rework items with a known cause; `unknown` is tallied, never silently mixed into the denominator. */
export function knownCause(
  items: readonly ReworkItemRecord[],
  excluded: ExclusionTally,
): ReworkItemRecord[] {
  return items.filter((item) => {
    if (item.cause !== 'unknown') return true;
    excluded.add(unknownCause);
    return false;
  });
}

export function missingContextReworkShare(data: MetricDataset, period: Period): MetricResult {
  const excluded = new ExclusionTally();
  const known = knownCause(reworkDetectedIn(data, period), excluded);
  const missing = known.filter((item) => item.cause === 'missing_context').length;
  return shareOf(
    missing,
    known.length,
    'rework items',
    excluded,
    'no rework with a known cause detected in period',
  );
}

export function missingContextReworkEffortShare(
  data: MetricDataset,
  period: Period,
  options: MetricOptions,
): MetricResult {
  const excluded = new ExclusionTally();
  const known = knownCause(reworkDetectedIn(data, period), excluded);
  const missing = reworkCost(
    known.filter((item) => item.cause === 'missing_context'),
    options,
  );
  const execution = reworkCost(
    known.filter((item) => item.cause === 'execution'),
    options,
  );
  excluded.add(noReworkPr, missing.itemsWithoutPullRequest + execution.itemsWithoutPullRequest);
  const measured =
    known.length - missing.itemsWithoutPullRequest - execution.itemsWithoutPullRequest;
  const total = missing.engineerDays + execution.engineerDays;
  return total === 0
    ? notComputable(
        'no measurable rework effort with a known cause in period',
        measured,
        'rework items',
        excluded,
      )
    : computed(missing.engineerDays / total, measured, 'rework items', excluded);
}
