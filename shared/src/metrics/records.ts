/**
 * The plain records the metric formulas read. The api builds them from the domain and analysis
 * layers (one row each, ids from source keys); the formulas never query anything themselves.
 */

export interface PullRequestRecord {
  id: string;
  /** owner/name */
  repo: string;
  /** The person the work is attributed to (for agent PRs: the human who asked for it, if known). */
  authorPersonId: string | null;
  isAgent: boolean;
  createdAt: Date;
  firstReviewAt: Date | null;
  mergedAt: Date | null;
  additions: number;
  deletions: number;
  workItemKeys: readonly string[];
  /** Review risk 0-100 from the analysis; absent when not scored. */
  riskScore?: number | null;
  /** Review depth 0-100 from the analysis; absent when not scored. */
  depthScore?: number | null;
  rubberStamp?: boolean | null;
  overReview?: boolean | null;
  /** Clarifying questions in the PR's review and comments before merge; absent when not analysed. */
  clarifyingQuestions?: number | null;
}

export interface WorkItemRecord {
  key: string;
  type: string;
  assigneePersonId: string | null;
  storyPoints: number | null;
  createdAt: Date;
  /** First move to an in-progress status (cycle time runs from it). */
  startedAt: Date | null;
  /**
   * When work started: the earlier of the first move to in progress and the first linked PR
   * opened; null when neither happened. The context fields are read as of then, and the context
   * metrics place the item by it (teams that open the PR first still count).
   */
  workStartedAt: Date | null;
  /** Move to a done status (resolution), null while open. */
  resolvedAt: Date | null;
  /** Sprints the item was in when each of them started. */
  committedSprintIds: readonly string[];
  completedInSprintId: string | null;
  contextScoreAtStart: number | null;
  hadAcceptanceCriteriaAtStart: boolean | null;
  /** Changes to description, acceptance criteria or estimate after start; null when unknown. */
  churnAfterStart: number | null;
}

export type ReworkKind = 'revert' | 'follow-up-fix' | 'reopened' | 'linked-bug' | 'incident';
export type ReworkCause = 'missing_context' | 'execution' | 'unknown';
export const reworkCauses: readonly ReworkCause[] = ['missing_context', 'execution', 'unknown'];

/** One PR that did the rework: its own size and time, the unit of rework effort. */
export interface ReworkChange {
  pullRequestId: string;
  lines: number;
  /** Opened to merged, in hours. */
  cycleHours: number;
}

export interface ReworkItemRecord {
  id: string;
  kind: ReworkKind;
  cause: ReworkCause;
  detectedAt: Date;
  originPrIds: readonly string[];
  originWorkItemKeys: readonly string[];
  /** Whether an origin PR was agent-authored; null when the origin has no PR. */
  originAuthoredByAgent: boolean | null;
  reworkChanges: readonly ReworkChange[];
}

export type DeploymentStatus = 'success' | 'failure' | 'error' | 'in_progress' | 'inactive';

export interface DeploymentRecord {
  id: string;
  repo: string;
  environment: string;
  createdAt: Date;
  finishedAt: Date | null;
  status: DeploymentStatus;
  /** Unplanned deployment made to fix a user-facing defect (DORA 2024 rework). */
  isFix: boolean;
  /** Set on a rollback deployment: the deployment it rolled back. */
  rollbackOfDeploymentId?: string | null;
  /** Set on a hotfix deployment: the deployment whose defect it fixed. */
  fixesDeploymentId?: string | null;
  /** PRs shipped by this deployment when known; otherwise the repository/time rule links them. */
  pullRequestIds?: readonly string[];
}

export interface IncidentRecord {
  id: string;
  repo: string | null;
  startedAt: Date;
  resolvedAt: Date | null;
  causedByDeploymentId: string | null;
}

export interface SprintRecord {
  id: string;
  name: string;
  startedAt: Date;
  endedAt: Date;
}

/** Everything one scope (org, team or repository) contributes; formulas pick their period. */
export interface MetricDataset {
  pullRequests: readonly PullRequestRecord[];
  workItems: readonly WorkItemRecord[];
  reworkItems: readonly ReworkItemRecord[];
  deployments: readonly DeploymentRecord[];
  incidents: readonly IncidentRecord[];
  sprints: readonly SprintRecord[];
}

export const emptyDataset: MetricDataset = {
  pullRequests: [],
  workItems: [],
  reworkItems: [],
  deployments: [],
  incidents: [],
  sprints: [],
};
