import type { ExplainRow } from '@rework-radar/shared';
import type { EntityManager } from 'typeorm';

/**
 * Titles for one page of "explain this number" rows, read for that page's ids only (the formulas'
 * records carry no text): a PR's title, a work item's summary, an incident's title, a
 * deployment's environment and commit, a rework item's first rework PR or work item.
 */
const titleQueries: Partial<Record<ExplainRow['kind'], string>> = {
  'pull-request': 'SELECT id, title FROM pull_request WHERE id = ANY($1::text[])',
  'work-item': 'SELECT key AS id, summary AS title FROM work_item WHERE key = ANY($1::text[])',
  incident: 'SELECT id, title FROM incident WHERE id = ANY($1::text[])',
  deployment: `SELECT id, environment || ' ' || left(sha, 7) AS title FROM deployment WHERE id = ANY($1::text[])`,
  'rework-item': `SELECT r.id, r.kind || ': ' || coalesce(
       (SELECT p.title FROM pull_request p WHERE p.id = r.rework_pull_request_ids[1]),
       (SELECT w.summary FROM work_item w WHERE w.key = r.rework_work_item_keys[1]),
       (SELECT n.title FROM incident n WHERE n.id = r.incident_id),
       r.id) AS title
     FROM rework_item r WHERE r.id = ANY($1::text[])`,
};

export async function withTitles(
  manager: EntityManager,
  rows: readonly ExplainRow[],
): Promise<ExplainRow[]> {
  const titles = new Map<string, string>();
  for (const [kind, sql] of Object.entries(titleQueries)) {
    const ids = rows.filter((row) => row.kind === kind && row.title === null).map((row) => row.id);
    if (ids.length === 0) continue;
    const found = await manager.query<Array<{ id: string; title: string }>>(sql, [ids]);
    for (const { id, title } of found) titles.set(`${kind}|${id}`, title);
  }
  return rows.map((row) =>
    row.title === null ? { ...row, title: titles.get(`${row.kind}|${row.id}`) ?? null } : row,
  );
}
