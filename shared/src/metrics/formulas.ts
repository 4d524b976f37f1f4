import {
  agentAuthoredShare,
  missingContextShareFor,
  reviewDepthFor,
  reworkShareFor,
} from './agents.js';
import {
  acceptanceCriteriaShare,
  clarificationRate,
  contextScoreAtStartMean,
  contextScoreAtStartMedian,
  missingContextReworkEffortShare,
  missingContextReworkShare,
  requirementChurnRate,
} from './context.js';
import { reworkCostId } from './definitions-agents-rework.js';
import {
  changeFailureRate,
  deploymentFrequency,
  failedDeploymentRecoveryTime,
  leadTimeForChanges,
  reworkRate,
} from './dora.js';
import type { MetricFormula } from './metric-result.js';
import { reworkCauses } from './records.js';
import {
  depthRiskCorrelation,
  escapedDefectRate,
  overReviewRate,
  riskBuckets,
  rubberStampRate,
} from './review-calibration.js';
import { reworkCostFormula, type ReworkCostMeasure } from './rework-cost.js';
import {
  pullRequestCycleTime,
  pullRequestThroughput,
  sprintCompletion,
  storyPointsPerSprint,
  workItemCycleTime,
  workItemThroughput,
} from './velocity.js';

const costMeasures: readonly ReworkCostMeasure[] = ['prs', 'lines', 'engineer-days'];

/** Every formula, keyed by its definition's id (the registry spec checks the two lists match). */
export const metricFormulas: Readonly<Record<string, MetricFormula>> = {
  'velocity-story-points-per-sprint': storyPointsPerSprint,
  'velocity-sprint-completion': sprintCompletion,
  'velocity-work-item-throughput': workItemThroughput,
  'velocity-pull-request-throughput': pullRequestThroughput,
  'velocity-pull-request-cycle-time': pullRequestCycleTime,
  'velocity-work-item-cycle-time': workItemCycleTime,
  'dora-deployment-frequency': deploymentFrequency,
  'dora-lead-time-for-changes': leadTimeForChanges,
  'dora-change-failure-rate': changeFailureRate,
  'dora-failed-deployment-recovery-time': failedDeploymentRecoveryTime,
  'dora-rework-rate': reworkRate,
  'context-score-at-start-mean': contextScoreAtStartMean,
  'context-score-at-start-median': contextScoreAtStartMedian,
  'context-acceptance-criteria-share': acceptanceCriteriaShare,
  'context-requirement-churn-rate': requirementChurnRate,
  'context-clarification-rate': clarificationRate,
  'context-missing-context-rework-share': missingContextReworkShare,
  'context-missing-context-rework-effort-share': missingContextReworkEffortShare,
  'review-depth-risk-correlation': depthRiskCorrelation,
  'review-rubber-stamp-rate': rubberStampRate,
  'review-over-review-rate': overReviewRate,
  ...Object.fromEntries(
    riskBuckets.map((bucket) => [
      `review-escaped-defect-rate-${bucket}-risk`,
      escapedDefectRate(bucket),
    ]),
  ),
  'agents-authored-share': agentAuthoredShare,
  'agents-rework-share-agent': reworkShareFor('agent'),
  'agents-rework-share-human': reworkShareFor('human'),
  'agents-missing-context-share-agent': missingContextShareFor('agent'),
  'agents-missing-context-share-human': missingContextShareFor('human'),
  'agents-review-depth-agent': reviewDepthFor('agent'),
  'agents-review-depth-human': reviewDepthFor('human'),
  ...Object.fromEntries(
    reworkCauses.flatMap((cause) =>
      costMeasures.map((measure) => [
        reworkCostId(cause, measure),
        reworkCostFormula(cause, measure),
      ]),
    ),
  ),
};
