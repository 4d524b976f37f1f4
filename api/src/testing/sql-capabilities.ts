import type { DataSource } from 'typeorm';

/**
 * Runs the SQL the analysis relies on (CTEs, window functions, percentile_cont, jsonb,
 * ON CONFLICT upserts) against a database, so both engines can be held to the same answers.
 */
export async function exerciseSqlCapabilities(dataSource: DataSource): Promise<{
  cycleTimes: { author: string; hours: number; rank: number; median: number }[];
  upserted: { key: string; count: number; labels: string[] }[];
}> {
  await dataSource.query(`
    CREATE TEMP TABLE pr_sample (author text, hours numeric, meta jsonb);
    INSERT INTO pr_sample VALUES
      ('ada', 2, '{"labels": ["bug"]}'), ('ada', 10, '{"labels": []}'),
      ('lin', 4, '{"labels": ["fix", "hotfix"]}'), ('lin', 6, '{"labels": ["bug"]}');
    CREATE TEMP TABLE label_count (key text PRIMARY KEY, count int NOT NULL, labels jsonb NOT NULL);
  `);
  const cycleTimes = await dataSource.query<
    { author: string; hours: number; rank: number; median: number }[]
  >(`
    WITH medians AS (
      SELECT author, percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median
      FROM pr_sample GROUP BY author
    )
    SELECT p.author, p.hours::float8 AS hours,
           rank() OVER (PARTITION BY p.author ORDER BY p.hours DESC)::int AS rank,
           m.median::float8 AS median
    FROM pr_sample p JOIN medians m USING (author)
    ORDER BY p.author, p.hours`);
  for (let pass = 0; pass < 2; pass += 1) {
    await dataSource.query(`
      INSERT INTO label_count (key, count, labels)
      SELECT label, count(*)::int, jsonb_agg(DISTINCT author)
      FROM pr_sample, jsonb_array_elements_text(meta -> 'labels') AS label
      GROUP BY label
      ON CONFLICT (key) DO UPDATE SET count = label_count.count + EXCLUDED.count, labels = EXCLUDED.labels`);
  }
  const upserted = await dataSource.query<{ key: string; count: number; labels: string[] }[]>(
    'SELECT key, count, labels FROM label_count ORDER BY key',
  );
  await dataSource.query('DROP TABLE pr_sample; DROP TABLE label_count;');
  return { cycleTimes, upserted };
}

export const expectedSqlAnswers = {
  cycleTimes: [
    { author: 'ada', hours: 2, rank: 2, median: 6 },
    { author: 'ada', hours: 10, rank: 1, median: 6 },
    { author: 'lin', hours: 4, rank: 2, median: 5 },
    { author: 'lin', hours: 6, rank: 1, median: 5 },
  ],
  upserted: [
    { key: 'bug', count: 4, labels: ['ada', 'lin'] },
    { key: 'fix', count: 2, labels: ['lin'] },
    { key: 'hotfix', count: 2, labels: ['lin'] },
  ],
};
