import type { DataSource } from 'typeorm';
import { applyTeamsConfig } from '../teams/teams.store';

/**
 * An organisation at benchmark size written with set-based INSERTs (not through the connectors:
 * a 1M-PR sync would take days here): per PR, 1.5 Jira work items (two in three linked to a PR,
 * sprints every two weeks), one rework item per 20 PRs with its cause, one production deployment
 * per 10 PRs and an incident per 40 deployments, spread over 18 months from 2024-07-01.
 */
export const benchTeams = ['growth', 'mobile', 'payments', 'platform', 'search'];

/** The seed's repositories (`acme/repo-1` to `acme/repo-10`). */
export const benchRepos = Array.from({ length: 10 }, (_, index) => `acme/repo-${index + 1}`);
const people = 40;
const days = 547;

export async function seedBenchOrganisation(dataSource: DataSource, prs: number): Promise<void> {
  const items = Math.round(prs * 1.5);
  await dataSource.query(`INSERT INTO repository (id, source_id, full_name, owner, name, default_branch, is_private, created_at, raw_payload_id)
    SELECT 'github:acme/repo-' || r, 'R' || r, 'acme/repo-' || r, 'acme', 'repo-' || r, 'main', false, '2024-01-01', 1 FROM generate_series(1, 10) r`);
  await dataSource.query(
    `INSERT INTO person (id, display_name, email, is_bot) SELECT 'person:github:user' || u, 'User ' || u, NULL, false FROM generate_series(0, $1 - 1) u`,
    [people],
  );
  await dataSource.query(
    `INSERT INTO identity (id, system, external_id, display_name, email, is_bot, person_id, raw_payload_id)
     SELECT 'github:user' || u, 'github', 'user' || u, 'User ' || u, NULL::text, false, 'person:github:user' || u, NULL::bigint FROM generate_series(0, $1 - 1) u
     UNION ALL
     SELECT 'jira:acc' || u, 'jira', 'acc' || u, 'User ' || u, NULL::text, false, 'person:github:user' || u, NULL::bigint FROM generate_series(0, $1 - 1) u`,
    [people],
  );
  // PRs merged 4-52 hours after opening; every tenth one deployed with its merge commit.
  await dataSource.query(
    `INSERT INTO pull_request (id, repository_id, number, source_id, title, body, author_login, state, is_draft, created_at, updated_at,
       merged_at, closed_at, additions, deletions, changed_files, head_ref, base_ref, merge_commit_sha, is_agent, labels, raw_payload_id)
     SELECT 'github:acme/repo-' || (n % 10 + 1) || '#' || n, 'github:acme/repo-' || (n % 10 + 1), n, 'PR' || n, 'Change ' || n, '', 'user' || (n % $2), 'merged', false,
       timestamptz '2024-07-01' + (n::float8 / $1) * $3 * interval '1 day', now(),
       timestamptz '2024-07-01' + (n::float8 / $1) * $3 * interval '1 day' + (4 + n % 48) * interval '1 hour', NULL,
       n % 400, n % 120, 1 + n % 9, 'f/' || n, 'main', 'sha' || n, n % 17 = 0, '{}', 1
     FROM generate_series(1, $1) n`,
    [prs, people, days],
  );
  await dataSource.query(`INSERT INTO pull_request_review_score (pull_request_id, risk, depth, risk_components, depth_components, rubber_stamp, over_review)
    SELECT id, (number * 37) % 100, (number * 53) % 100, '[]', '[]', (number * 37) % 100 >= 60 AND (number * 53) % 100 < 10, (number * 37) % 100 <= 30 AND (number * 53) % 100 > 90 FROM pull_request`);
  await dataSource.query(
    `INSERT INTO deployment (id, repository_id, source_id, environment, sha, ref, creator_login, created_at, status, status_at, finished_at, raw_payload_id)
     SELECT 'github:deployment:' || p.number, p.repository_id, 'D' || p.number, 'production', p.merge_commit_sha, 'main', NULL,
       p.merged_at + interval '3 hours', 'success', p.merged_at + interval '4 hours', p.merged_at + interval '4 hours', 1
     FROM pull_request p WHERE p.number % 10 = 0`,
  );
  await dataSource.query(
    `INSERT INTO incident (id, repository_id, issue_number, title, body, state, labels, author_login, created_at, closed_at, raw_payload_id)
     SELECT 'github:' || substr(p.repository_id, 8) || '!' || p.number, p.repository_id, p.number, 'Outage after ' || p.title, '', 'closed', '{incident}', NULL,
       p.merged_at + interval '6 hours', p.merged_at + interval '9 hours', 1
     FROM pull_request p WHERE p.number % 400 = 0`,
  );
  // Two-week sprints over the span.
  await dataSource.query(
    `INSERT INTO sprint (id, sprint_id, board_id, name, state, start_at, end_at, complete_at, goal, raw_payload_id)
     SELECT 'jira:sprint:' || s, s, 1, 'Sprint ' || s, 'closed', timestamptz '2024-07-01' + (s - 1) * interval '14 days',
       timestamptz '2024-07-01' + s * interval '14 days', timestamptz '2024-07-01' + s * interval '14 days', NULL, 1
     FROM generate_series(1, $1) s`,
    [Math.ceil(days / 14)],
  );
  // Work items: created over the span, started a day later, resolved 2-9 days after that (one in ten still open).
  await dataSource.query(
    `INSERT INTO work_item (id, key, project_key, issue_type, is_subtask, status, status_id, status_category, summary, story_points,
       assignee_identity_id, created_at, updated_at, resolved_at, raw_payload_id)
     SELECT 'jira:' || n, 'ACME-' || n, 'ACME', CASE WHEN n % 7 = 0 THEN 'Bug' ELSE 'Story' END, n % 11 = 0,
       CASE WHEN n % 10 = 0 THEN 'In Progress' ELSE 'Done' END, '1', CASE WHEN n % 10 = 0 THEN 'indeterminate' ELSE 'done' END,
       'Work item ' || n, (n % 8)::float8, 'jira:acc' || (n % $2),
       timestamptz '2024-07-01' + (n::float8 / $1) * $3 * interval '1 day', now(),
       CASE WHEN n % 10 = 0 THEN NULL ELSE timestamptz '2024-07-01' + (n::float8 / $1) * $3 * interval '1 day' + (3 + n % 8) * interval '1 day' END, 1
     FROM generate_series(1, $1) n`,
    [items, people, days],
  );
  await dataSource.query(`INSERT INTO work_item_context (work_item_id, work_item_key, started_at, started_from, in_progress_at, score, components, details)
    SELECT id, key, created_at + interval '1 day', 'status', created_at + interval '1 day', (length(key) * 13) % 100, '[]',
      jsonb_build_object('acceptanceCriteria', jsonb_build_object('found', length(key) % 2 = 0), 'churn', '[]'::jsonb) FROM work_item`);
  await dataSource.query(`INSERT INTO work_item_sprint (id, work_item_id, sprint_id, added_at, removed_at, raw_payload_id)
    SELECT w.id || '@' || s.sprint_id, w.id, s.sprint_id, s.start_at - interval '1 day', NULL, 1
    FROM work_item w JOIN sprint s ON s.start_at <= w.created_at + interval '1 day' AND w.created_at + interval '1 day' < s.end_at`);
  await dataSource.query(
    `INSERT INTO pull_request_work_item (id, pull_request_id, work_item_key, rule, evidence, work_item_present, first_seen_at)
     SELECT 'ACME-' || w || '@' || p.id, p.id, 'ACME-' || w, 'branch', 'f/ACME-' || w, true, p.created_at
     FROM generate_series(1, $1) w JOIN pull_request p ON p.number = (w * 2 / 3) WHERE w % 3 <> 0`,
    [items],
  );
  // One rework item per 20 PRs, in every repository: a follow-up fix of the PR 10 numbers earlier.
  await dataSource.query(
    `INSERT INTO rework_item (id, kind, repository_id, rework_pull_request_ids, rework_work_item_keys, incident_id, origin_pull_request_ids, origin_work_item_keys,
       detection_rule, detection, effort_pull_requests, effort_lines, effort_cycle_hours, occurred_at, detected_at, model_version)
     SELECT 'follow-up-fix:' || p.id, 'follow-up-fix', p.repository_id, ARRAY[p.id], '{}', NULL, ARRAY[o.id], '{}', 'szz-trace', '{"rules":["szz-trace"],"facts":[],"links":[]}', 1, p.additions + p.deletions, 5, p.merged_at, p.merged_at, 1
     FROM pull_request p JOIN pull_request o ON o.repository_id = p.repository_id AND o.number = p.number - 10 WHERE (p.number / 10 + p.number) % 20 = 0`,
  );
  await dataSource.query(`INSERT INTO cause_attribution (id, rework_item_id, model_version, cause, confidence, score_missing_context, score_execution, reason, evidence)
    SELECT id || '@v1', id, 1, CASE WHEN length(id) % 3 = 0 THEN 'missing_context' WHEN length(id) % 3 = 1 THEN 'execution' ELSE 'unknown' END, 0.7, 1, 1, 'decided', '[]' FROM rework_item`);
  await dataSource.transaction((manager) =>
    applyTeamsConfig(manager, {
      teams: benchTeams.map((slug, index) => ({
        slug,
        name: slug,
        members: Array.from({ length: people / benchTeams.length }, (_, k) => ({
          github: `user${index + k * benchTeams.length}`,
        })),
        repositories: [],
        jiraProjects: [],
      })),
    }),
  );
  await dataSource.query('ANALYZE');
}
