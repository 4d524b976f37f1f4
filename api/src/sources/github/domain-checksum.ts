import type { DataSource } from 'typeorm';

export const githubDomainTables = [
  'repository',
  'pull_request',
  'pull_request_review',
  'pull_request_comment',
  'pull_request_commit',
  'pull_request_file',
  'deployment',
  'release',
  'incident',
];

/** Row count and content checksum of each domain table (lineage ids left out: they differ per run). */
export async function domainChecksums(
  dataSource: DataSource,
): Promise<Record<string, { rows: number; md5: string }>> {
  const result: Record<string, { rows: number; md5: string }> = {};
  for (const table of githubDomainTables) {
    const [row] = await dataSource.query<{ rows: number; md5: string }[]>(
      `SELECT count(*)::int AS rows, coalesce(md5(string_agg((to_jsonb(t) - 'raw_payload_id')::text, '|' ORDER BY t.id)), '') AS md5 FROM "${table}" t`,
    );
    result[table] = row ?? { rows: 0, md5: '' };
  }
  return result;
}
