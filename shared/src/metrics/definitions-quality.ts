import type { MetricDefinition } from './metric-definition.js';

/** Context quality and review calibration: the constraints that matter now. */
export const contextDefinitions: readonly MetricDefinition[] = [
  {
    id: 'context-score-at-start-mean',
    name: 'Context score at start (mean)',
    group: 'context',
    definition:
      'Mean context score (0-100: acceptance criteria, description depth, design links, parent epic, estimate, churn) of work items as they were when they moved to in progress, over items started in the period; unscored items and sub-tasks are excluded.',
    unit: 'score',
    directionOfGood: 'up',
    universeNoun: 'work items',
  },
  {
    id: 'context-score-at-start-median',
    name: 'Context score at start (median)',
    group: 'context',
    definition:
      'Median context score at start (0-100) over work items started in the period; unscored items and sub-tasks are excluded.',
    unit: 'score',
    directionOfGood: 'up',
    universeNoun: 'work items',
  },
  {
    id: 'context-acceptance-criteria-share',
    name: 'Started with acceptance criteria',
    group: 'context',
    definition:
      'Share of work items started in the period that had acceptance criteria (field, heading, checklist or Given/When/Then) when they moved to in progress.',
    unit: 'ratio',
    directionOfGood: 'up',
    universeNoun: 'work items',
  },
  {
    id: 'context-requirement-churn-rate',
    name: 'Requirement churn rate',
    group: 'context',
    definition:
      'Share of work items started in the period whose description, acceptance criteria or estimate changed after they moved to in progress (so far: recent items can still churn).',
    unit: 'ratio',
    directionOfGood: 'down',
    universeNoun: 'work items',
  },
  {
    id: 'context-clarification-rate',
    name: 'Clarification rate',
    group: 'context',
    definition:
      'Clarifying questions asked in review and comments before merge, per pull request merged in the period; pull requests whose comments were not analysed are excluded.',
    unit: 'count',
    directionOfGood: 'down',
    universeNoun: 'pull requests',
  },
  {
    id: 'context-missing-context-rework-share',
    name: 'Rework caused by missing context',
    group: 'context',
    definition:
      'Share of rework items detected in the period attributed to missing context, among those attributed to missing context or execution; items with cause unknown are left out of the denominator and listed as excluded.',
    unit: 'ratio',
    directionOfGood: 'down',
    universeNoun: 'rework items',
  },
  {
    id: 'context-missing-context-rework-effort-share',
    name: 'Rework effort caused by missing context',
    group: 'context',
    definition:
      'Share of rework effort (engineer-days proxy: rework PR cycle time capped at 40 h per PR, 6 focused hours per engineer-day) detected in the period that was caused by missing context, among missing context and execution; unknown causes and rework without a PR are excluded.',
    unit: 'ratio',
    directionOfGood: 'down',
    universeNoun: 'rework items',
  },
];

export const reviewDefinitions: readonly MetricDefinition[] = [
  {
    id: 'review-depth-risk-correlation',
    name: 'Review calibration (depth vs risk)',
    group: 'review',
    definition:
      'Spearman rank correlation (ties take average ranks) between review depth and review risk over pull requests merged in the period with both scores; 1 means depth follows risk; not computed below 10 scored pull requests or when either score is constant.',
    unit: 'correlation',
    directionOfGood: 'up',
    universeNoun: 'pull requests',
  },
  {
    id: 'review-rubber-stamp-rate',
    name: 'Rubber-stamp rate',
    group: 'review',
    definition:
      'Share of high-risk pull requests (risk at least 60) merged in the period that were approved fast with no substantive comment.',
    unit: 'ratio',
    directionOfGood: 'down',
    universeNoun: 'pull requests',
  },
  {
    id: 'review-over-review-rate',
    name: 'Over-review rate',
    group: 'review',
    definition:
      'Share of low-risk pull requests (risk at most 30) merged in the period that went through many change-request rounds or waited long for approval.',
    unit: 'ratio',
    directionOfGood: 'down',
    universeNoun: 'pull requests',
  },
  ...(['low', 'medium', 'high'] as const).map((bucket): MetricDefinition => ({
    id: `review-escaped-defect-rate-${bucket}-risk`,
    name: `Escaped-defect rate, ${bucket} risk`,
    group: 'review',
    definition: `Share of ${bucket}-risk pull requests (low: risk at most 30, high: at least 60, medium between) merged in the period that have since become the origin of rework attributed to execution (so far: recent periods rise as defects surface).`,
    unit: 'ratio',
    directionOfGood: 'down',
    universeNoun: 'pull requests',
  })),
];
