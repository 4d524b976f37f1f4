import type { MetricDefinition } from './metric-definition.js';
import type { ReworkCause } from './records.js';
import type { ReworkCostMeasure } from './rework-cost.js';

export const agentDefinitions: readonly MetricDefinition[] = [
  {
    id: 'agents-authored-share',
    name: 'Agent-authored pull requests',
    group: 'agents',
    definition:
      'Share of pull requests merged in the period authored by agents or bots (configured logins, Co-authored-by trailers, labels).',
    unit: 'ratio',
    directionOfGood: 'neutral',
    universeNoun: 'pull requests',
  },
  ...(['agent', 'human'] as const).flatMap((who): MetricDefinition[] => [
    {
      id: `agents-rework-share-${who}`,
      name: `Rework share, ${who} work`,
      group: 'agents',
      definition: `Share of ${who}-authored pull requests merged in the period that have since become the origin of any rework.`,
      unit: 'ratio',
      directionOfGood: 'down',
      universeNoun: 'pull requests',
    },
    {
      id: `agents-missing-context-share-${who}`,
      name: `Missing-context share, ${who} work`,
      group: 'agents',
      definition: `Share of rework detected in the period whose origin pull request was ${who}-authored that was attributed to missing context, among missing context and execution; unknown causes and origins without a pull request are excluded.`,
      unit: 'ratio',
      directionOfGood: 'down',
      universeNoun: 'rework items',
    },
    {
      id: `agents-review-depth-${who}`,
      name: `Review depth, ${who} pull requests`,
      group: 'agents',
      definition: `Mean review depth score (0-100) of ${who}-authored pull requests merged in the period; unscored pull requests are excluded.`,
      unit: 'score',
      directionOfGood: 'up',
      universeNoun: 'pull requests',
    },
  ]),
];

const causeLabel: Record<ReworkCause, string> = {
  missing_context: 'missing context',
  execution: 'execution',
  unknown: 'unknown cause',
};
export const causeSlug: Record<ReworkCause, string> = {
  missing_context: 'missing-context',
  execution: 'execution',
  unknown: 'unknown',
};

const measures: ReadonlyArray<{
  measure: ReworkCostMeasure;
  unit: MetricDefinition['unit'];
  what: string;
}> = [
  { measure: 'prs', unit: 'count', what: 'distinct pull requests that did the rework' },
  {
    measure: 'lines',
    unit: 'count',
    what: 'lines added plus deleted by the distinct pull requests that did the rework',
  },
  {
    measure: 'engineer-days',
    unit: 'engineer-days',
    what: 'engineer-days proxy: the sum over distinct rework pull requests of opened-to-merged hours, capped at 40 h per pull request, divided by 6 focused hours per engineer-day',
  },
];

export const reworkCostId = (cause: ReworkCause, measure: ReworkCostMeasure): string =>
  `rework-${measure}-${causeSlug[cause]}`;

export const reworkDefinitions: readonly MetricDefinition[] = (
  ['missing_context', 'execution', 'unknown'] as const
).flatMap((cause) =>
  measures.map(({ measure, unit, what }): MetricDefinition => ({
    id: reworkCostId(cause, measure),
    name: `Rework ${measure === 'engineer-days' ? 'effort' : measure === 'prs' ? 'pull requests' : 'lines'}, ${causeLabel[cause]}`,
    group: 'rework',
    definition: `For rework items detected in the period and attributed to ${causeLabel[cause]}: ${what}; a pull request that reworks several items counts once.`,
    unit,
    directionOfGood: 'down',
    universeNoun: 'rework items',
  })),
);
