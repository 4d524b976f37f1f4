import type { DataSource } from 'typeorm';
import type { JiraConnection } from '../../../config/app-config';
import {
  startJiraSimulator,
  type JiraSimulator,
  type SimulatorOptions,
} from '../simulator/jira-simulator';
import type { SimDeployment } from '../simulator/issue.render';
import type { JiraSimulatorDataset } from '../simulator/simulator-dataset';

/** A simulator plus the connection that reaches it, with each deployment's own credentials. */
export async function startSimulatedJira(
  deployment: SimDeployment,
  dataset: JiraSimulatorDataset,
  extra: Partial<SimulatorOptions> = {},
): Promise<{ simulator: JiraSimulator; connection: JiraConnection }> {
  const auth =
    deployment === 'cloud'
      ? { email: 'bot@acme.test', apiToken: 'cloud-token' }
      : { pat: 'dc-pat' };
  const simulator = await startJiraSimulator({ deployment, dataset, auth, ...extra });
  const connection: JiraConnection = {
    baseUrl: simulator.baseUrl,
    auth:
      deployment === 'cloud'
        ? { kind: 'basic', email: 'bot@acme.test', apiToken: 'cloud-token' }
        : { kind: 'pat', token: 'dc-pat' },
    deployment: undefined,
    projects: dataset.projects.map((project) => project.key),
    jql: undefined,
  };
  return { simulator, connection };
}

const domainTables: Record<string, string[]> = {
  work_item: [],
  work_item_change: [],
  work_item_comment: [],
  work_item_link: [],
  work_item_sprint: [],
  board: [],
  sprint: [],
  identity: ['updated_at', 'raw_payload_id'],
};

/**
 * Row counts and a checksum per domain table, ignoring raw_payload_id (payload ids depend on how
 * many attempts were rolled back) but checking that every row has one that exists.
 */
export async function domainFingerprint(
  dataSource: DataSource,
): Promise<Record<string, { rows: number; checksum: string; orphans: number }>> {
  const result: Record<string, { rows: number; checksum: string; orphans: number }> = {};
  for (const [table, ignored] of Object.entries(domainTables)) {
    const skip = ['raw_payload_id', ...ignored].map((column) => `'${column}'`).join(', ');
    const rows: { rows: string; checksum: string | null; orphans: string }[] =
      await dataSource.query(`
      SELECT count(*) AS rows,
             md5(string_agg((to_jsonb(t) - ARRAY[${skip}])::text, '|' ORDER BY t.id)) AS checksum,
             count(*) FILTER (WHERE t.raw_payload_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM raw_payload r WHERE r.id = t.raw_payload_id)) AS orphans
      FROM "${table}" t`);
    const row = rows[0];
    result[table] = {
      rows: Number(row?.rows ?? 0),
      checksum: row?.checksum ?? '',
      orphans: Number(row?.orphans ?? 0),
    };
  }
  return result;
}
