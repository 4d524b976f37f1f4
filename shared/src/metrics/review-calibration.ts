import { sampleRankCorrelation } from 'simple-statistics';
import {
  computed,
  ExclusionTally,
  notComputable,
  shareOf,
  type MetricOptions,
  type MetricResult,
} from './metric-result.js';
import { inPeriod, type Period } from './periods.js';
import type { MetricDataset, PullRequestRecord } from './records.js';

/** Review calibration: is review depth spent where the risk is? PRs are placed in the period they merged. */

export type RiskBucket = 'low' | 'medium' | 'high';
export const riskBuckets: readonly RiskBucket[] = ['low', 'medium', 'high'];

export function riskBucket(risk: number, options: MetricOptions): RiskBucket {
  if (risk <= options.lowRiskMax) return 'low';
  return risk >= options.highRiskMin ? 'high' : 'medium';
}

export const reworkOriginRule =
  'a pull request is the origin of rework when the rework item names it as origin (revert target, SZZ line tracing, linked bug or incident link)';

function mergedIn(data: MetricDataset, period: Period): PullRequestRecord[] {
  return data.pullRequests.filter((pr) => inPeriod(pr.mergedAt, period));
}

const hasRisk = (pr: PullRequestRecord): pr is PullRequestRecord & { riskScore: number } =>
  pr.riskScore !== null && pr.riskScore !== undefined;

/** The scored PRs themselves (no copies: this runs per metric, period and scope over every PR). */
function withRisk(
  prs: readonly PullRequestRecord[],
  excluded: ExclusionTally,
): Array<PullRequestRecord & { riskScore: number }> {
  const scored: Array<PullRequestRecord & { riskScore: number }> = [];
  for (const pr of prs) {
    if (hasRisk(pr)) scored.push(pr);
    else excluded.add('no risk score');
  }
  return scored;
}

export function depthRiskCorrelation(
  data: MetricDataset,
  period: Period,
  options: MetricOptions,
): MetricResult {
  const excluded = new ExclusionTally();
  const risks: number[] = [];
  const depths: number[] = [];
  for (const pr of mergedIn(data, period)) {
    if (
      pr.riskScore === null ||
      pr.riskScore === undefined ||
      pr.depthScore === null ||
      pr.depthScore === undefined
    ) {
      excluded.add('no risk or depth score');
      continue;
    }
    risks.push(pr.riskScore);
    depths.push(pr.depthScore);
  }
  if (risks.length < options.minCorrelationSample) {
    return notComputable(
      `fewer than ${options.minCorrelationSample} scored pull requests`,
      risks.length,
      'pull requests',
      excluded,
    );
  }
  const rho = sampleRankCorrelation(depths, risks);
  // A constant risk or depth has no ranking; the correlation is undefined, not zero.
  return Number.isFinite(rho)
    ? computed(rho, risks.length, 'pull requests', excluded)
    : notComputable(
        'risk or depth is the same for every pull request (rank correlation undefined)',
        risks.length,
        'pull requests',
        excluded,
      );
}

function flagRate(
  data: MetricDataset,
  period: Period,
  options: MetricOptions,
  bucket: RiskBucket,
  flag: (pr: PullRequestRecord) => boolean | null | undefined,
): MetricResult {
  const excluded = new ExclusionTally();
  const inBucket = withRisk(mergedIn(data, period), excluded).filter(
    (pr) => riskBucket(pr.riskScore, options) === bucket,
  );
  const analysed = inBucket.filter((pr) => {
    if (flag(pr) !== null && flag(pr) !== undefined) return true;
    excluded.add('review not analysed');
    return false;
  });
  const flagged = analysed.filter((pr) => flag(pr) === true).length;
  return shareOf(
    flagged,
    analysed.length,
    'pull requests',
    excluded,
    `no ${bucket}-risk pull request merged in period`,
  );
}

export function rubberStampRate(
  data: MetricDataset,
  period: Period,
  options: MetricOptions,
): MetricResult {
  return flagRate(data, period, options, 'high', (pr) => pr.rubberStamp);
}

export function overReviewRate(
  data: MetricDataset,
  period: Period,
  options: MetricOptions,
): MetricResult {
  return flagRate(data, period, options, 'low', (pr) => pr.overReview);
}

/** Escaped defects: PRs merged in the period that are (so far) the origin of execution rework. */
export function escapedDefectRate(bucket: RiskBucket) {
  return (data: MetricDataset, period: Period, options: MetricOptions): MetricResult => {
    const excluded = new ExclusionTally();
    const origins = new Set(
      data.reworkItems
        .filter((item) => item.cause === 'execution')
        .flatMap((item) => item.originPrIds),
    );
    const prs = withRisk(mergedIn(data, period), excluded).filter(
      (pr) => riskBucket(pr.riskScore, options) === bucket,
    );
    const escaped = prs.filter((pr) => origins.has(pr.id)).length;
    return shareOf(
      escaped,
      prs.length,
      'pull requests',
      excluded,
      `no ${bucket}-risk pull request merged in period`,
      reworkOriginRule,
    );
  };
}
