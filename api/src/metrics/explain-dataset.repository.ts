import {
  defaultMetricOptions,
  type MetricDataset,
  type MetricOptions,
  type Period,
} from '@rework-radar/shared';
import type { EntityManager } from 'typeorm';
import {
  deployments,
  incidents,
  pullRequests,
  reworkItems,
  sprints,
  workItems,
} from './metric-dataset.repository';
import type { ExplainRecords } from './metric-explain';

/**
 * The part of the dataset one explained value reads, instead of the whole history: the records
 * its rule places in the period, and what deciding their scope needs (team and repository views
 * keep a record by the people and changes behind it, see `scopeDataset`):
 * - rework items: their origin pull requests and work items;
 * - deployments: the pull requests they shipped, listed by their SHA or, for a deployment that
 *   lists none, merged in its repository since the previous such production deployment (the
 *   lead-time linking rule), and the incidents they may have caused (their count is a fact);
 * - incidents: the deployments that caused them, with the same;
 * - sprints: the work items that were in them;
 * - work items: the pull requests linked to them (a repository's view keeps those).
 * Ids are found first with narrow queries, then each kind is read once by id with the same SQL
 * as the whole dataset. Dates are matched a day wide on both sides; the rule places exactly.
 */
export async function loadExplainDataset(
  manager: EntityManager,
  records: ExplainRecords,
  period: Period,
  options: MetricOptions = defaultMetricOptions,
): Promise<MetricDataset> {
  const window = [new Date(period.start.getTime() - dayMs), new Date(period.end.getTime() + dayMs)];
  const ids = {
    pullRequests: new Set<string>(),
    workItems: new Set<string>(),
    reworkItems: new Set<string>(),
    deployments: new Set<string>(),
    incidents: new Set<string>(),
    sprints: new Set<string>(),
  };
  const add = (kind: keyof typeof ids, found: Iterable<string>): void => {
    for (const id of found) ids[kind].add(id);
  };
  const idsOf = async (sql: string, params: readonly unknown[]): Promise<string[]> =>
    (await manager.query<Array<{ id: string }>>(sql, [...params])).map((row) => row.id);

  const dated = recordsByDate[records];
  if (dated !== undefined) add(dated.kind, await idsOf(dated.sql, window));
  if (records === 'ended-sprints')
    add(
      'workItems',
      await idsOf(
        `SELECT DISTINCT w.key AS id FROM work_item w JOIN work_item_sprint ws ON ws.work_item_id = w.id
         JOIN sprint s ON s.sprint_id = ws.sprint_id WHERE s.id = ANY($1::text[])`,
        [[...ids.sprints]],
      ),
    );
  if (records === 'rework-items') {
    const rows = await manager.query<
      Array<{ id: string; origin_pull_request_ids: string[]; origin_work_item_keys: string[] }>
    >(
      'SELECT id, origin_pull_request_ids, origin_work_item_keys FROM rework_item WHERE occurred_at >= $1 AND occurred_at < $2',
      window,
    );
    for (const row of rows) {
      ids.reworkItems.add(row.id);
      add('pullRequests', row.origin_pull_request_ids);
      add('workItems', row.origin_work_item_keys);
    }
  }
  if (records === 'deployments')
    add(
      'incidents',
      await idsOf(
        `SELECT DISTINCT r.incident_id AS id FROM rework_item r
         CROSS JOIN LATERAL unnest(r.origin_pull_request_ids) AS u(pull_request_id)
         JOIN pull_request p ON p.id = u.pull_request_id
         JOIN deployment d ON d.repository_id = p.repository_id AND d.sha = p.merge_commit_sha
         WHERE r.incident_id IS NOT NULL AND d.id = ANY($1::text[])`,
        [[...ids.deployments]],
      ),
    );
  const chosenIncidents =
    records === 'incidents'
      ? await incidents(manager, {
          where: 'n.created_at >= $1 AND n.created_at < $2',
          params: window,
        })
      : null;
  for (const incident of chosenIncidents ?? [])
    if (incident.causedByDeploymentId !== null) ids.deployments.add(incident.causedByDeploymentId);

  const byId = (column: string, set: Set<string>) => ({
    where: `${column} = ANY($1::text[])`,
    params: [[...set]],
  });
  // Deployments first: the PRs they list come with them, the ones they shipped unlisted from SQL.
  const chosenDeployments =
    ids.deployments.size === 0 ? [] : await deployments(manager, byId('d.id', ids.deployments));
  for (const deployment of chosenDeployments) add('pullRequests', deployment.pullRequestIds ?? []);
  if (ids.deployments.size > 0)
    add('pullRequests', await shippedWithoutList(manager, [...ids.deployments], options));
  if (ids.workItems.size > 0)
    add(
      'pullRequests',
      await idsOf(
        'SELECT DISTINCT pull_request_id AS id FROM pull_request_work_item WHERE work_item_key = ANY($1::text[])',
        [[...ids.workItems]],
      ),
    );

  return {
    pullRequests:
      ids.pullRequests.size === 0
        ? []
        : await pullRequests(manager, byId('p.id', ids.pullRequests)),
    workItems:
      ids.workItems.size === 0 ? [] : await workItems(manager, byId('w.key', ids.workItems)),
    reworkItems:
      ids.reworkItems.size === 0 ? [] : await reworkItems(manager, byId('r.id', ids.reworkItems)),
    deployments: chosenDeployments,
    incidents:
      chosenIncidents ??
      (ids.incidents.size === 0 ? [] : await incidents(manager, byId('n.id', ids.incidents))),
    sprints: ids.sprints.size === 0 ? [] : await sprints(manager, byId('s.id', ids.sprints)),
  };
}

const dayMs = 86_400_000;

/** The records a rule lists by one date of their own: which ids, found by which window query ($1, $2). */
const recordsByDate: Partial<
  Record<
    ExplainRecords,
    { kind: 'pullRequests' | 'workItems' | 'sprints' | 'deployments'; sql: string }
  >
> = {
  'merged-pull-requests': {
    kind: 'pullRequests',
    sql: 'SELECT id FROM pull_request WHERE merged_at >= $1 AND merged_at < $2',
  },
  'resolved-work-items': {
    kind: 'workItems',
    sql: "SELECT key AS id FROM work_item WHERE status_category = 'done' AND resolved_at >= $1 AND resolved_at < $2",
  },
  'started-work-items': {
    kind: 'workItems',
    sql: "SELECT work_item_key AS id FROM work_item_context WHERE started_from <> 'created' AND started_at >= $1 AND started_at < $2",
  },
  'ended-sprints': {
    kind: 'sprints',
    sql: 'SELECT id FROM sprint WHERE coalesce(complete_at, end_at) >= $1 AND coalesce(complete_at, end_at) < $2',
  },
  deployments: {
    kind: 'deployments',
    sql: 'SELECT id FROM deployment WHERE coalesce(finished_at, created_at) >= $1 AND coalesce(finished_at, created_at) < $2',
  },
};

/**
 * Pull requests that the given deployments shipped without listing them: for a successful
 * production deployment whose SHA is no pull request's merge commit, those of its repository,
 * listed by no successful production deployment, merged after the creation of every such
 * deployment ordered before it and at or before its own creation (`changeDeployments`).
 */
async function shippedWithoutList(
  manager: EntityManager,
  deploymentIds: readonly string[],
  options: MetricOptions,
): Promise<string[]> {
  const production = options.productionEnvironments.map((name) => name.toLowerCase());
  const rows = await manager.query<Array<{ id: string }>>(
    `WITH unlisted AS (
       SELECT d.id, d.repository_id, d.created_at,
         max(d.created_at) OVER (PARTITION BY d.repository_id ORDER BY coalesce(d.finished_at, d.created_at), d.id
           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS shipped_after
       FROM deployment d
       WHERE d.status = 'success' AND lower(d.environment) = ANY($2::text[])
         AND d.repository_id IN (SELECT repository_id FROM deployment WHERE id = ANY($1::text[]))
         AND NOT EXISTS (SELECT 1 FROM pull_request p WHERE p.repository_id = d.repository_id AND p.merge_commit_sha = d.sha))
     SELECT p.id FROM unlisted u JOIN pull_request p ON p.repository_id = u.repository_id
       AND p.merged_at <= u.created_at AND (u.shipped_after IS NULL OR p.merged_at > u.shipped_after)
     WHERE u.id = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM deployment l WHERE l.repository_id = p.repository_id AND l.sha = p.merge_commit_sha
         AND l.status = 'success' AND lower(l.environment) = ANY($2::text[]))`,
    [deploymentIds, production],
  );
  return rows.map((row) => row.id);
}
