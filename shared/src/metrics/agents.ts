import { mean } from 'simple-statistics';
import { knownCause } from './context.js';
import {
  computed,
  ExclusionTally,
  notComputable,
  shareOf,
  type MetricResult,
} from './metric-result.js';
import { inPeriod, type Period } from './periods.js';
import { reworkOriginRule } from './review-calibration.js';
import { reworkDetectedIn } from './rework-cost.js';
import type { MetricDataset } from './records.js';

/** Agents: how much work agents author, and whether it holds up as well as human work. */

export type Authorship = 'agent' | 'human';
const label = (authorship: Authorship): string =>
  authorship === 'agent' ? 'agent-authored' : 'human-authored';

export function agentAuthoredShare(data: MetricDataset, period: Period): MetricResult {
  const merged = data.pullRequests.filter((pr) => inPeriod(pr.mergedAt, period));
  const agent = merged.filter((pr) => pr.isAgent).length;
  return shareOf(
    agent,
    merged.length,
    'pull requests',
    new ExclusionTally(),
    'no pull request merged in period',
  );
}

/** Share of PRs merged in the period that are (so far) the origin of any rework. */
export function reworkShareFor(authorship: Authorship) {
  return (data: MetricDataset, period: Period): MetricResult => {
    const origins = new Set(data.reworkItems.flatMap((item) => item.originPrIds));
    const prs = data.pullRequests.filter(
      (pr) => inPeriod(pr.mergedAt, period) && pr.isAgent === (authorship === 'agent'),
    );
    const reworked = prs.filter((pr) => origins.has(pr.id)).length;
    return shareOf(
      reworked,
      prs.length,
      'pull requests',
      new ExclusionTally(),
      `no ${label(authorship)} pull request merged in period`,
      reworkOriginRule,
    );
  };
}

/** Among rework detected in the period whose origin PR is agent- (or human-) authored: share caused by missing context. */
export function missingContextShareFor(authorship: Authorship) {
  return (data: MetricDataset, period: Period): MetricResult => {
    const excluded = new ExclusionTally();
    const items = reworkDetectedIn(data, period).filter((item) => {
      if (item.originAuthoredByAgent !== null)
        return item.originAuthoredByAgent === (authorship === 'agent');
      excluded.add('origin has no pull request (authorship unknown)');
      return false;
    });
    const known = knownCause(items, excluded);
    const missing = known.filter((item) => item.cause === 'missing_context').length;
    return shareOf(
      missing,
      known.length,
      'rework items',
      excluded,
      `no rework with a known cause on ${label(authorship)} work in period`,
    );
  };
}

export function reviewDepthFor(authorship: Authorship) {
  return (data: MetricDataset, period: Period): MetricResult => {
    const excluded = new ExclusionTally();
    const depths = data.pullRequests.flatMap((pr) => {
      if (!inPeriod(pr.mergedAt, period) || pr.isAgent !== (authorship === 'agent')) return [];
      if (pr.depthScore === null || pr.depthScore === undefined) {
        excluded.add('no depth score');
        return [];
      }
      return [pr.depthScore];
    });
    return depths.length === 0
      ? notComputable(
          `no scored ${label(authorship)} pull request merged in period`,
          0,
          'pull requests',
          excluded,
        )
      : computed(mean(depths), depths.length, 'pull requests', excluded);
  };
}
