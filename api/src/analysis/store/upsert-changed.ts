import type { EntityManager } from 'typeorm';

/**
 * `INSERT ... ON CONFLICT (key) DO UPDATE ... WHERE <a value differs>`: only rows whose content
 * changed are written, so re-analysis leaves unchanged rows (and their tuples) alone. Like the
 * connectors' `upsertRows`, with a key column of any name. Returns how many rows were written.
 */
export interface UpsertTable<Row> {
  table: string;
  key: string;
  columns: ReadonlyArray<readonly [string, (row: Row) => unknown]>;
  /** Columns written on insert only (e.g. `detected_at`). */
  insertOnly?: readonly string[];
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export async function upsertChanged<Row>(
  manager: EntityManager,
  spec: UpsertTable<Row>,
  rows: readonly Row[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const names = spec.columns.map(([name]) => name);
  const updatable = names.filter(
    (name) => name !== spec.key && !(spec.insertOnly ?? []).includes(name),
  );
  const perChunk = Math.max(1, Math.floor(30_000 / names.length));
  let written = 0;
  for (let start = 0; start < rows.length; start += perChunk) {
    const params: unknown[] = [];
    const tuples = rows
      .slice(start, start + perChunk)
      .map((row) => `(${spec.columns.map(([, get]) => `$${params.push(get(row))}`).join(', ')})`);
    const table = quote(spec.table);
    const sql =
      `INSERT INTO ${table} (${names.map(quote).join(', ')}) VALUES ${tuples.join(', ')} ` +
      `ON CONFLICT (${quote(spec.key)}) DO UPDATE SET ${updatable.map((name) => `${quote(name)} = EXCLUDED.${quote(name)}`).join(', ')} ` +
      `WHERE (${updatable.map((name) => `${table}.${quote(name)}`).join(', ')}) IS DISTINCT FROM (${updatable.map((name) => `EXCLUDED.${quote(name)}`).join(', ')}) RETURNING 1`;
    const result: unknown = await manager.query(sql, params);
    written += Array.isArray(result) ? result.length : 0;
  }
  return written;
}

/** Deletes rows of `table` whose key is not in `keep` (items no longer detected). */
export async function deleteMissing(
  manager: EntityManager,
  table: string,
  key: string,
  keep: readonly string[],
): Promise<number> {
  // TypeORM answers a DELETE with [rows, affected count].
  const result: unknown = await manager.query(
    `DELETE FROM ${quote(table)} WHERE NOT (${quote(key)} = ANY($1::text[]))`,
    [keep],
  );
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}
