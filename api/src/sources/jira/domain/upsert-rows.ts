import type { EntityManager } from 'typeorm';

/**
 * Multi-row `INSERT ... ON CONFLICT (id) DO UPDATE ... WHERE <something changed>`: a re-sync
 * writes only rows whose values differ (no update churn, no dead tuples for unchanged rows).
 * Rows are deduplicated by id (last wins) and sent in chunks under PostgreSQL's parameter limit.
 */
export interface UpsertSpec<Row> {
  table: string;
  /** Column name -> value getter; the first column must be the primary key `id`. */
  columns: readonly (readonly [string, (row: Row) => unknown])[];
  /** Columns left untouched on update (e.g. values another step owns). */
  keepOnUpdate?: readonly string[];
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export async function upsertRows<Row extends { id: string }>(
  manager: EntityManager,
  spec: UpsertSpec<Row>,
  rows: readonly Row[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const unique = [...new Map(rows.map((row) => [row.id, row])).values()];
  const names = spec.columns.map(([name]) => name);
  const updatable = names.filter(
    (name) => name !== 'id' && !(spec.keepOnUpdate ?? []).includes(name),
  );
  const perChunk = Math.max(1, Math.floor(60_000 / names.length));
  let written = 0;
  for (let start = 0; start < unique.length; start += perChunk) {
    const chunk = unique.slice(start, start + perChunk);
    const params: unknown[] = [];
    const tuples = chunk.map(
      (row) => `(${spec.columns.map(([, get]) => `$${params.push(get(row))}`).join(', ')})`,
    );
    const sql =
      `INSERT INTO ${quote(spec.table)} (${names.map(quote).join(', ')}) VALUES ${tuples.join(', ')} ` +
      `ON CONFLICT ("id") DO UPDATE SET ${updatable.map((name) => `${quote(name)} = EXCLUDED.${quote(name)}`).join(', ')} ` +
      `WHERE (${updatable.map((name) => `${quote(spec.table)}.${quote(name)}`).join(', ')}) IS DISTINCT FROM ` +
      `(${updatable.map((name) => `EXCLUDED.${quote(name)}`).join(', ')}) RETURNING "id"`;
    const result: unknown = await manager.query(sql, params);
    written += Array.isArray(result) ? result.length : 0;
  }
  return written;
}

/** Deletes rows of the given parents whose ids are not in `keep` (a comment deleted in Jira...). */
export async function deleteStaleChildren(
  manager: EntityManager,
  table: string,
  parentColumn: string,
  parentIds: readonly string[],
  keep: readonly string[],
): Promise<void> {
  if (parentIds.length === 0) return;
  await manager.query(
    `DELETE FROM ${quote(table)} WHERE ${quote(parentColumn)} = ANY($1::text[]) AND NOT ("id" = ANY($2::text[]))`,
    [parentIds, keep],
  );
}
