import { reworkCostId } from '@rework-radar/shared';

/** The metrics the overview reads, by the chart that shows them. */
export const overviewMetrics = {
  throughput: ['velocity-pull-request-throughput', 'velocity-work-item-throughput'],
  cycleTime: ['velocity-pull-request-cycle-time'],
  storyPoints: ['velocity-story-points-per-sprint'],
  contextScore: ['context-score-at-start-mean', 'context-score-at-start-median'],
  calibration: ['review-depth-risk-correlation'],
  reworkEffort: [
    reworkCostId('missing_context', 'engineer-days'),
    reworkCostId('execution', 'engineer-days'),
    reworkCostId('unknown', 'engineer-days'),
  ],
} as const;

export const headlineMetrics = {
  missingContextShare: 'context-missing-context-rework-share',
  missingContextPrs: reworkCostId('missing_context', 'prs'),
  missingContextDays: reworkCostId('missing_context', 'engineer-days'),
  calibration: 'review-depth-risk-correlation',
  prThroughput: 'velocity-pull-request-throughput',
} as const;

/** Each team's small multiple: what velocity counts beside the rework missing context caused. */
export const teamMultipleMetrics = {
  storyPoints: 'velocity-story-points-per-sprint',
  missingContextPrs: reworkCostId('missing_context', 'prs'),
} as const;

export const allOverviewMetricIds = Object.values(overviewMetrics).flat();
