import type { MetricDefinition } from './metric-definition.js';

/** Legacy velocity and DORA. Deployment frequency is defined once, under DORA, and shown in both views. */
export const velocityDefinitions: readonly MetricDefinition[] = [
  {
    id: 'velocity-story-points-per-sprint',
    name: 'Story points per sprint',
    group: 'velocity',
    definition:
      'Mean, over sprints that ended in the period, of the story points of work items completed in that sprint; completed items without an estimate add nothing and are listed as excluded.',
    unit: 'points',
    directionOfGood: 'up',
    universeNoun: 'sprints',
  },
  {
    id: 'velocity-sprint-completion',
    name: 'Sprint completion',
    group: 'velocity',
    definition:
      'Work items that were in the sprint when it started and were completed in it, divided by the work items in the sprint when it started, over sprints that ended in the period; items added after the start are excluded.',
    unit: 'ratio',
    directionOfGood: 'up',
    universeNoun: 'committed work items',
  },
  {
    id: 'velocity-work-item-throughput',
    name: 'Work items done per week',
    group: 'velocity',
    definition:
      'Work items resolved in the period divided by the weeks in the period; sub-tasks are excluded because their parent is counted.',
    unit: 'per-week',
    directionOfGood: 'up',
    universeNoun: 'work items',
  },
  {
    id: 'velocity-pull-request-throughput',
    name: 'Pull requests merged per week',
    group: 'velocity',
    definition: 'Pull requests merged in the period divided by the weeks in the period.',
    unit: 'per-week',
    directionOfGood: 'up',
    universeNoun: 'pull requests',
  },
  {
    id: 'velocity-pull-request-cycle-time',
    name: 'Pull request cycle time',
    group: 'velocity',
    definition:
      'Median hours from a pull request being opened to being merged, over pull requests merged in the period.',
    unit: 'hours',
    directionOfGood: 'down',
    universeNoun: 'pull requests',
  },
  {
    id: 'velocity-work-item-cycle-time',
    name: 'Work item cycle time',
    group: 'velocity',
    definition:
      'Median days from a work item first moving to in progress to being resolved, over work items resolved in the period; items never moved to in progress and sub-tasks are excluded.',
    unit: 'days',
    directionOfGood: 'down',
    universeNoun: 'work items',
  },
];

export const doraDefinitions: readonly MetricDefinition[] = [
  {
    id: 'dora-deployment-frequency',
    name: 'Deployment frequency',
    group: 'dora',
    definition:
      'Successful deployments to a production environment (configured names, default "production" and "prod") finished in the period, divided by the weeks in the period; failed and non-production deployments are excluded; not computable when the scope has no deployment data at all.',
    unit: 'per-week',
    directionOfGood: 'up',
    universeNoun: 'deployments',
  },
  {
    id: 'dora-lead-time-for-changes',
    name: 'Lead time for changes',
    group: 'dora',
    definition:
      'Median hours from a pull request being merged (our stand-in for the commit) to the successful production deployment that shipped it finishing, over changes whose deployment finished in the period; merged changes not yet deployed are excluded.',
    unit: 'hours',
    directionOfGood: 'down',
    universeNoun: 'pull requests',
  },
  {
    id: 'dora-change-failure-rate',
    name: 'Change failure rate',
    group: 'dora',
    definition:
      'Share of successful production deployments finished in the period that caused a failure in production: an incident names the deployment as its cause, or a later deployment rolls it back or hotfixes it; incidents not linked to any deployment cannot be attributed to a change and are excluded.',
    unit: 'ratio',
    directionOfGood: 'down',
    universeNoun: 'deployments',
  },
  {
    id: 'dora-failed-deployment-recovery-time',
    name: 'Failed deployment recovery time',
    group: 'dora',
    definition:
      'Median hours from the start of a failure caused by a production deployment (its incident starting, or the deployment finishing when only a rollback or hotfix shows the failure) to recovery (incident resolved, or rollback/hotfix deployed); overlapping incidents of one failed deployment are merged into one failure so time is never counted twice; failures are placed in the period they started; unresolved and unlinked incidents are excluded.',
    unit: 'hours',
    directionOfGood: 'down',
    universeNoun: 'failures',
  },
  {
    id: 'dora-rework-rate',
    name: 'Deployment rework rate',
    group: 'dora',
    definition:
      'Share of successful production deployments finished in the period that were unplanned and made to fix a user-facing defect (DORA 2024 rework rate).',
    unit: 'ratio',
    directionOfGood: 'down',
    universeNoun: 'deployments',
  },
];
