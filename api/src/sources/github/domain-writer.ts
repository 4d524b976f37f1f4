import type { EntityManager } from 'typeorm';

export type SqlValue = string | number | boolean | null | string[];
export type Row = Record<string, SqlValue>;

const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

/**
 * Multi-row idempotent upsert keyed by `id`. A row is rewritten only when a content column
 * changed (lineage columns do not count), so a re-sync of unchanged data writes nothing.
 * Every row of one call must have the same columns.
 */
export async function upsertRows(
  manager: EntityManager,
  table: string,
  rows: Row[],
  options: { ignoreForChange?: string[] } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const byId = new Map<SqlValue, Row>();
  for (const row of rows) byId.set(row.id ?? null, row);
  const unique = [...byId.values()];
  const columns = Object.keys(unique[0] as Row);
  const ignored = new Set(['id', 'raw_payload_id', ...(options.ignoreForChange ?? [])]);
  const compared = columns.filter((column) => !ignored.has(column));
  const updated = columns.filter((column) => column !== 'id');
  const chunkSize = Math.max(1, Math.floor(30_000 / columns.length));
  for (let start = 0; start < unique.length; start += chunkSize) {
    const chunk = unique.slice(start, start + chunkSize);
    const parameters: SqlValue[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = columns.map((column) => {
        parameters.push(row[column] ?? null);
        return `$${parameters.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    const target = quote(table);
    const sql = [
      `INSERT INTO ${target} (${columns.map(quote).join(', ')}) VALUES ${tuples.join(', ')}`,
      `ON CONFLICT ("id") DO UPDATE SET ${updated.map((column) => `${quote(column)} = EXCLUDED.${quote(column)}`).join(', ')}`,
      compared.length > 0
        ? `WHERE (${compared.map((column) => `${target}.${quote(column)}`).join(', ')}) IS DISTINCT FROM (${compared
            .map((column) => `EXCLUDED.${quote(column)}`)
            .join(', ')})`
        : '',
    ].join(' ');
    await manager.query(sql, parameters);
  }
}

/** Removes the child rows of these pull requests that the latest complete read no longer lists. */
export async function removeMissingChildren(
  manager: EntityManager,
  table: string,
  pullRequestIds: string[],
  kept: Row[],
): Promise<void> {
  if (pullRequestIds.length === 0) return;
  const keepIds = kept
    .filter((row) => pullRequestIds.includes(String(row.pull_request_id)))
    .map((row) => String(row.id));
  await manager.query(
    `DELETE FROM ${quote(table)} WHERE "pull_request_id" = ANY($1::text[]) AND NOT ("id" = ANY($2::text[]))`,
    [pullRequestIds, keepIds],
  );
}
