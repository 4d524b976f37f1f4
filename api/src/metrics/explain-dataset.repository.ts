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
  const wideFrom = new Date(period.start.getTime() - dayMs);
  const wideTo = new Date(period.end.getTime() + dayMs);
  const ids = new Ids();
  const idsOf = async (sql: string, params: readonly unknown[]): Promise<string[]> =>
    (await manager.query<Array<{ id: string }>>(sql, [...params])).map((row) => row.id);

  if (records === 'merged-pull-requests')
    add(
      ids.pullRequests,
      await idsOf('SELECT id FROM pull_request WHERE merged_at >= $1 AND merged_at < $2', [
        wideFrom,
        wideTo,
      ]),
    );
  if (records === 'resolved-work-items')
    add(
      ids.workItems,
      await idsOf(
        "SELECT key AS id FROM work_item WHERE status_category = 'done' AND resolved_at >= $1 AND resolved_at < $2",
        [wideFrom, wideTo],
      ),
    );
  if (records === 'started-work-items')
    add(
      ids.workItems,
      await idsOf(
        "SELECT work_item_key AS id FROM work_item_context WHERE started_from <> 'created' AND started_at >= $1 AND started_at < $2",
        [wideFrom, wideTo],
      ),
    );
  if (records === 'ended-sprints') {
    add(
      ids.sprints,
      await idsOf(
        'SELECT id FROM sprint WHERE coalesce(complete_at, end_at) >= $1 AND coalesce(complete_at, end_at) < $2',
        [wideFrom, wideTo],
      ),
    );
    add(
      ids.workItems,
      await idsOf(
        `SELECT DISTINCT w.key AS id FROM work_item w JOIN work_item_sprint ws ON ws.work_item_id = w.id
         JOIN sprint s ON s.sprint_id = ws.sprint_id WHERE s.id = ANY($1::text[])`,
        [ids.sprints],
      ),
    );
  }
  if (records === 'rework-items') {
    const rows = await manager.query<
      Array<{ id: string; origin_pull_request_ids: string[]; origin_work_item_keys: string[] }>
    >(
      'SELECT id, origin_pull_request_ids, origin_work_item_keys FROM rework_item WHERE occurred_at >= $1 AND occurred_at < $2',
      [wideFrom, wideTo],
    );
    for (const row of rows) {
      ids.reworkItems.push(row.id);
      add(ids.pullRequests, row.origin_pull_request_ids);
      add(ids.workItems, row.origin_work_item_keys);
    }
  }
  if (records === 'deployments') {
    add(
      ids.deployments,
      await idsOf(
        'SELECT id FROM deployment WHERE coalesce(finished_at, created_at) >= $1 AND coalesce(finished_at, created_at) < $2',
        [wideFrom, wideTo],
      ),
    );
    add(
      ids.incidents,
      await idsOf(
        `SELECT DISTINCT r.incident_id AS id FROM rework_item r
         CROSS JOIN LATERAL unnest(r.origin_pull_request_ids) AS u(pull_request_id)
         JOIN pull_request p ON p.id = u.pull_request_id
         JOIN deployment d ON d.repository_id = p.repository_id AND d.sha = p.merge_commit_sha
         WHERE r.incident_id IS NOT NULL AND d.id = ANY($1::text[])`,
        [ids.deployments],
      ),
    );
  }
  let chosenIncidents = null;
  if (records === 'incidents') {
    chosenIncidents = await incidents(manager, {
      where: 'n.created_at >= $1 AND n.created_at < $2',
      params: [wideFrom, wideTo],
    });
    for (const incident of chosenIncidents)
      if (incident.causedByDeploymentId !== null)
        ids.deployments.push(incident.causedByDeploymentId);
  }

  if (ids.deployments.length > 0) {
    add(
      ids.pullRequests,
      await idsOf(
        `SELECT p.id FROM pull_request p JOIN deployment d
           ON d.repository_id = p.repository_id AND d.sha = p.merge_commit_sha
         WHERE d.id = ANY($1::text[])`,
        [ids.deployments],
      ),
    );
    add(ids.pullRequests, await shippedWithoutList(manager, ids.deployments, options));
  }
  if (ids.workItems.length > 0)
    add(
      ids.pullRequests,
      await idsOf(
        'SELECT DISTINCT pull_request_id AS id FROM pull_request_work_item WHERE work_item_key = ANY($1::text[])',
        [ids.workItems],
      ),
    );

  const byId = (column: string, list: string[]) => ({
    where: `${column} = ANY($1::text[])`,
    params: [[...new Set(list)]],
  });
  return {
    pullRequests:
      ids.pullRequests.length === 0
        ? []
        : await pullRequests(manager, byId('p.id', ids.pullRequests)),
    workItems:
      ids.workItems.length === 0 ? [] : await workItems(manager, byId('w.key', ids.workItems)),
    reworkItems:
      ids.reworkItems.length === 0 ? [] : await reworkItems(manager, byId('r.id', ids.reworkItems)),
    deployments:
      ids.deployments.length === 0 ? [] : await deployments(manager, byId('d.id', ids.deployments)),
    incidents:
      chosenIncidents ??
      (ids.incidents.length === 0 ? [] : await incidents(manager, byId('n.id', ids.incidents))),
    sprints: ids.sprints.length === 0 ? [] : await sprints(manager, byId('s.id', ids.sprints)),
  };
}

const dayMs = 86_400_000;

/** Appends one by one: a quarter of a large organisation is more ids than `push(...ids)` takes as arguments. */
function add(list: string[], found: readonly string[]): void {
  for (const id of found) list.push(id);
}

class Ids {
  readonly pullRequests: string[] = [];
  readonly workItems: string[] = [];
  readonly reworkItems: string[] = [];
  readonly deployments: string[] = [];
  readonly incidents: string[] = [];
  readonly sprints: string[] = [];
}

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
