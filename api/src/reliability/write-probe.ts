import type { DataSource } from 'typeorm';

/**
 * A cheap "was anything written?" probe: per table, its row count and the newest xmin (every
 * insert or update stamps rows with a new transaction id; a delete lowers the count). `api_token`
 * is left out: using a token stamps its last use (at most once a minute), whatever the answer.
 */
export async function writeProbe(dataSource: DataSource): Promise<string> {
  const tables = await dataSource.query<{ name: string }[]>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'r' AND n.nspname IN ('public', 'pgboss') AND c.relname <> 'api_token' ORDER BY 1`,
  );
  if (tables.length === 0) return '';
  const union = tables
    .map(
      ({ name }) =>
        `SELECT '${name.replace(/'/g, "''")}' AS t, count(*) AS n, max(xmin::text::bigint) AS x FROM ${name}`,
    )
    .join(' UNION ALL ');
  const rows = await dataSource.query<{ t: string; n: string; x: string | null }[]>(union);
  return rows.map((row) => `${row.t}:${row.n}:${row.x ?? '-'}`).join('|');
}
