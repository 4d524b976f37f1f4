import type { Period } from '../periods.js';
import type {
  DeploymentRecord,
  IncidentRecord,
  MetricDataset,
  PullRequestRecord,
  ReworkItemRecord,
  SprintRecord,
  WorkItemRecord,
} from '../records.js';

/** Test factories: each record with harmless defaults; a spec states only what it is about. */
export const at = (iso: string): Date => new Date(iso);

export const build = {
  pullRequest: (overrides: Partial<PullRequestRecord> & { id: string }): PullRequestRecord => ({
    repo: 'acme/web',
    authorPersonId: null,
    isAgent: false,
    createdAt: at('2026-01-01T00:00:00Z'),
    firstReviewAt: null,
    mergedAt: null,
    additions: 0,
    deletions: 0,
    workItemKeys: [],
    ...overrides,
  }),
  workItem: (overrides: Partial<WorkItemRecord> & { key: string }): WorkItemRecord => ({
    type: 'Story',
    assigneePersonId: null,
    storyPoints: null,
    createdAt: at('2026-01-01T00:00:00Z'),
    startedAt: null,
    workStartedAt: null,
    resolvedAt: null,
    committedSprintIds: [],
    completedInSprintId: null,
    contextScoreAtStart: null,
    hadAcceptanceCriteriaAtStart: null,
    churnAfterStart: null,
    ...overrides,
  }),
  reworkItem: (overrides: Partial<ReworkItemRecord> & { id: string }): ReworkItemRecord => ({
    kind: 'follow-up-fix',
    cause: 'unknown',
    detectedAt: at('2026-01-01T00:00:00Z'),
    originPrIds: [],
    originWorkItemKeys: [],
    originAuthoredByAgent: null,
    reworkChanges: [],
    ...overrides,
  }),
  deployment: (overrides: Partial<DeploymentRecord> & { id: string }): DeploymentRecord => ({
    repo: 'acme/web',
    environment: 'production',
    createdAt: at('2026-01-01T00:00:00Z'),
    finishedAt: null,
    status: 'success',
    isFix: false,
    ...overrides,
  }),
  incident: (overrides: Partial<IncidentRecord> & { id: string }): IncidentRecord => ({
    repo: null,
    startedAt: at('2026-01-01T00:00:00Z'),
    resolvedAt: null,
    causedByDeploymentId: null,
    ...overrides,
  }),
  sprint: (id: string, startedAt: string, endedAt: string): SprintRecord => ({
    id,
    name: id,
    startedAt: at(startedAt),
    endedAt: at(endedAt),
  }),
  dataset: (parts: Partial<MetricDataset>): MetricDataset => ({
    pullRequests: [],
    workItems: [],
    reworkItems: [],
    deployments: [],
    incidents: [],
    sprints: [],
    ...parts,
  }),
};

/** 2026-W12: Monday 16 March to Monday 23 March 2026, exactly one week. */
export const week12: Period = {
  kind: 'week',
  start: at('2026-03-16T00:00:00Z'),
  end: at('2026-03-23T00:00:00Z'),
  label: '2026-W12',
};
/** March 2026: 31 days = 31/7 weeks. */
export const march: Period = {
  kind: 'month',
  start: at('2026-03-01T00:00:00Z'),
  end: at('2026-04-01T00:00:00Z'),
  label: '2026-03',
};
