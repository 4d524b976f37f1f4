import type {
  DeploymentRecord,
  DeploymentStatus,
  IncidentRecord,
  MetricDataset,
  PullRequestRecord,
  ReworkCause,
  ReworkItemRecord,
  ReworkKind,
  SprintRecord,
  WorkItemRecord,
} from '@rework-radar/shared';
import type { EntityManager } from 'typeorm';

/**
 * Builds the plain records the shared metric formulas read, from the domain and analysis tables.
 * All SQL is here; each query reads one record kind with what it needs already joined.
 */

const repoName = (repositoryId: string): string => repositoryId.replace(/^github:/, '');

/**
 * Which rows of a record kind to read: a condition on the kind's own alias (`p` pull requests,
 * `w` work items, `r` rework items, `d` deployments, `n` incidents, `s` sprints) with its
 * parameters ($1...). The whole history when absent.
 */
export interface RecordFilter {
  where: string;
  params: readonly unknown[];
}

const everything: RecordFilter = { where: 'TRUE', params: [] };

interface PullRequestRow {
  id: string;
  repository_id: string;
  person_id: string | null;
  is_agent: boolean;
  created_at: Date;
  first_review_at: Date | null;
  merged_at: Date | null;
  additions: number;
  deletions: number;
  work_item_keys: string[];
  risk: number | null;
  depth: number | null;
  rubber_stamp: boolean | null;
  over_review: boolean | null;
  clarifying_questions: number | null;
}

export async function pullRequests(
  manager: EntityManager,
  filter: RecordFilter = everything,
): Promise<PullRequestRecord[]> {
  const rows = await manager.query<PullRequestRow[]>(
    `SELECT p.id, p.repository_id, i.person_id, p.is_agent, p.created_at, p.first_review_at, p.merged_at, p.additions, p.deletions,
       coalesce((SELECT array_agg(l.work_item_key ORDER BY l.work_item_key) FROM pull_request_work_item l WHERE l.pull_request_id = p.id), '{}') AS work_item_keys,
       s.risk, s.depth, s.rubber_stamp, s.over_review, c.questions AS clarifying_questions
     FROM pull_request p
     LEFT JOIN identity i ON i.id = 'github:' || lower(p.author_login)
     LEFT JOIN pull_request_review_score s ON s.pull_request_id = p.id
     LEFT JOIN pull_request_clarification c ON c.pull_request_id = p.id
     WHERE ${filter.where}
     ORDER BY p.id`,
    [...filter.params],
  );
  return rows.map((row) => ({
    id: row.id,
    repo: repoName(row.repository_id),
    authorPersonId: row.person_id,
    isAgent: row.is_agent,
    createdAt: row.created_at,
    firstReviewAt: row.first_review_at,
    mergedAt: row.merged_at,
    additions: row.additions,
    deletions: row.deletions,
    workItemKeys: row.work_item_keys,
    riskScore: row.risk,
    depthScore: row.depth,
    rubberStamp: row.rubber_stamp,
    overReview: row.over_review,
    // Counted by the analysis (analysis/clarification); null = not analysed, which the formula tallies apart from 0.
    clarifyingQuestions: row.clarifying_questions,
  }));
}

interface WorkItemRow {
  key: string;
  issue_type: string;
  is_subtask: boolean;
  person_id: string | null;
  story_points: number | null;
  created_at: Date;
  started_at: Date | null;
  work_started_at: Date | null;
  resolved_at: Date | null;
  committed: string[];
  completed_in: string | null;
  score: number | null;
  had_criteria: boolean | null;
  churn: number | null;
}

/**
 * Started = the analysis' first move to in progress (`in_progress_at`); work started = the
 * context's start when work was seen to start (a move or a PR), not mere creation. Committed
 * sprints: the item was in the sprint when it started. Completed in: the sprint it was in
 * when it was resolved, resolved between the sprint's start and its completion.
 */
export async function workItems(
  manager: EntityManager,
  filter: RecordFilter = everything,
): Promise<WorkItemRecord[]> {
  const rows = await manager.query<WorkItemRow[]>(
    `SELECT w.key, w.issue_type, w.is_subtask, i.person_id, w.story_points, w.created_at,
       c.in_progress_at AS started_at, CASE WHEN c.started_from <> 'created' THEN c.started_at END AS work_started_at,
       CASE WHEN w.status_category = 'done' THEN w.resolved_at END AS resolved_at,
       coalesce((SELECT array_agg(DISTINCT s.id) FROM work_item_sprint ws JOIN sprint s ON s.sprint_id = ws.sprint_id
         WHERE ws.work_item_id = w.id AND s.start_at IS NOT NULL AND ws.added_at <= s.start_at AND (ws.removed_at IS NULL OR ws.removed_at > s.start_at)), '{}') AS committed,
       (SELECT s.id FROM work_item_sprint ws JOIN sprint s ON s.sprint_id = ws.sprint_id
         WHERE ws.work_item_id = w.id AND w.resolved_at IS NOT NULL AND s.start_at <= w.resolved_at AND w.resolved_at < coalesce(s.complete_at, s.end_at)
           AND ws.added_at <= w.resolved_at AND (ws.removed_at IS NULL OR ws.removed_at > w.resolved_at)
         ORDER BY s.start_at DESC LIMIT 1) AS completed_in,
       c.score, (c.details -> 'acceptanceCriteria' ->> 'found')::boolean AS had_criteria, jsonb_array_length(c.details -> 'churn') AS churn
     FROM work_item w
     LEFT JOIN identity i ON i.id = w.assignee_identity_id
     LEFT JOIN work_item_context c ON c.work_item_id = w.id
     WHERE ${filter.where}
     ORDER BY w.key`,
    [...filter.params],
  );
  return rows.map((row) => ({
    key: row.key,
    type: row.is_subtask ? 'Sub-task' : row.issue_type,
    assigneePersonId: row.person_id,
    storyPoints: row.story_points,
    createdAt: row.created_at,
    startedAt: row.started_at,
    workStartedAt: row.work_started_at,
    resolvedAt: row.resolved_at,
    committedSprintIds: row.committed,
    completedInSprintId: row.completed_in,
    contextScoreAtStart: row.score,
    hadAcceptanceCriteriaAtStart: row.had_criteria,
    churnAfterStart: row.churn,
  }));
}

interface ReworkRow {
  id: string;
  kind: ReworkKind;
  cause: ReworkCause;
  occurred_at: Date;
  origin_pull_request_ids: string[];
  origin_work_item_keys: string[];
  origin_agent: boolean | null;
  changes: Array<{ pullRequestId: string; lines: number; cycleHours: number }> | null;
}

/** The effective cause (kept on the row, see ADR 003): the latest override, else the current model's. */
export async function reworkItems(
  manager: EntityManager,
  filter: RecordFilter = everything,
): Promise<ReworkItemRecord[]> {
  const rows = await manager.query<ReworkRow[]>(
    `SELECT r.id, r.kind, r.effective_cause AS cause, r.occurred_at, r.origin_pull_request_ids, r.origin_work_item_keys,
       (SELECT bool_or(p.is_agent) FROM pull_request p WHERE p.id = ANY(r.origin_pull_request_ids)) AS origin_agent,
       (SELECT jsonb_agg(jsonb_build_object('pullRequestId', p.id, 'lines', p.additions + p.deletions,
           'cycleHours', extract(epoch FROM (p.merged_at - p.created_at)) / 3600) ORDER BY p.id)
         FROM pull_request p WHERE p.id = ANY(r.rework_pull_request_ids) AND p.merged_at IS NOT NULL) AS changes
     FROM rework_item r
     WHERE ${filter.where}
     ORDER BY r.id`,
    [...filter.params],
  );
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    cause: row.cause,
    // When the rework happened is what places it in a period.
    detectedAt: row.occurred_at,
    originPrIds: row.origin_pull_request_ids,
    originWorkItemKeys: row.origin_work_item_keys,
    originAuthoredByAgent: row.origin_pull_request_ids.length === 0 ? null : row.origin_agent,
    reworkChanges: row.changes ?? [],
  }));
}

interface DeploymentRow {
  id: string;
  repository_id: string;
  environment: string;
  created_at: Date;
  finished_at: Date | null;
  status: string | null;
  pull_request_ids: string[] | null;
  is_fix: boolean;
}

const deploymentStatuses = new Set<DeploymentStatus>([
  'success',
  'failure',
  'error',
  'in_progress',
  'inactive',
]);

/**
 * A deployment ships the PRs whose merge commit it deployed (same repository and SHA); it is a
 * fix when one of them did rework (a revert, follow-up fix or incident hotfix). Joins, not a
 * subquery per deployment: there is no index on the merge SHA, and 100k deployments each
 * scanning 1M PRs never finished.
 */
export async function deployments(
  manager: EntityManager,
  filter: RecordFilter = everything,
): Promise<DeploymentRecord[]> {
  const rows = await manager.query<DeploymentRow[]>(
    `WITH chosen AS (SELECT * FROM deployment d WHERE ${filter.where}),
     shipped AS (
       SELECT d.id AS deployment_id, array_agg(p.id ORDER BY p.id) AS pull_request_ids
       FROM chosen d JOIN pull_request p ON p.repository_id = d.repository_id AND p.merge_commit_sha = d.sha
       GROUP BY d.id),
     fixing AS (
       SELECT DISTINCT d.id AS deployment_id
       FROM rework_item r CROSS JOIN LATERAL unnest(r.rework_pull_request_ids) AS u(pull_request_id)
       JOIN pull_request p ON p.id = u.pull_request_id
       JOIN chosen d ON d.repository_id = p.repository_id AND d.sha = p.merge_commit_sha
       WHERE r.kind IN ('revert', 'follow-up-fix', 'incident'))
     SELECT d.id, d.repository_id, d.environment, d.created_at, d.finished_at, d.status, s.pull_request_ids, f.deployment_id IS NOT NULL AS is_fix
     FROM chosen d LEFT JOIN shipped s ON s.deployment_id = d.id LEFT JOIN fixing f ON f.deployment_id = d.id
     ORDER BY d.id`,
    [...filter.params],
  );
  return rows.map((row) => ({
    id: row.id,
    repo: repoName(row.repository_id),
    environment: row.environment,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    status: deploymentStatuses.has(row.status as DeploymentStatus)
      ? (row.status as DeploymentStatus)
      : 'in_progress',
    isFix: row.is_fix,
    ...(row.pull_request_ids === null ? {} : { pullRequestIds: row.pull_request_ids }),
  }));
}

interface IncidentRow {
  id: string;
  repository_id: string;
  created_at: Date;
  closed_at: Date | null;
  deployment_id: string | null;
}

/** An incident was caused by the latest deployment, before it started, that shipped one of its rework item's origin PRs. */
export async function incidents(
  manager: EntityManager,
  filter: RecordFilter = everything,
): Promise<IncidentRecord[]> {
  const rows = await manager.query<IncidentRow[]>(
    `WITH chosen AS (SELECT * FROM incident n WHERE ${filter.where}),
     caused AS (
       SELECT DISTINCT ON (n.id) n.id AS incident_id, d.id AS deployment_id
       FROM chosen n JOIN rework_item r ON r.incident_id = n.id
       CROSS JOIN LATERAL unnest(r.origin_pull_request_ids) AS u(pull_request_id)
       JOIN pull_request p ON p.id = u.pull_request_id
       JOIN deployment d ON d.repository_id = p.repository_id AND d.sha = p.merge_commit_sha
       WHERE d.created_at <= n.created_at
       ORDER BY n.id, d.created_at DESC, d.id)
     SELECT n.id, n.repository_id, n.created_at, n.closed_at, c.deployment_id
     FROM chosen n LEFT JOIN caused c ON c.incident_id = n.id ORDER BY n.id`,
    [...filter.params],
  );
  return rows.map((row) => ({
    id: row.id,
    repo: repoName(row.repository_id),
    startedAt: row.created_at,
    resolvedAt: row.closed_at,
    causedByDeploymentId: row.deployment_id,
  }));
}

export async function sprints(
  manager: EntityManager,
  filter: RecordFilter = everything,
): Promise<SprintRecord[]> {
  const rows = await manager.query<
    Array<{ id: string; name: string; start_at: Date; end_at: Date }>
  >(
    `SELECT s.id, s.name, s.start_at, coalesce(s.complete_at, s.end_at) AS end_at FROM sprint s
     WHERE s.start_at IS NOT NULL AND coalesce(s.complete_at, s.end_at) IS NOT NULL AND ${filter.where}
     ORDER BY s.start_at, s.id`,
    [...filter.params],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    startedAt: row.start_at,
    endedAt: row.end_at,
  }));
}

export async function loadMetricDataset(manager: EntityManager): Promise<MetricDataset> {
  return {
    pullRequests: await pullRequests(manager),
    workItems: await workItems(manager),
    reworkItems: await reworkItems(manager),
    deployments: await deployments(manager),
    incidents: await incidents(manager),
    sprints: await sprints(manager),
  };
}
