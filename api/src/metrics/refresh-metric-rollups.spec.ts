import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { metricInputTables } from '../database/migrations/1764620000000-metric-input-changes';
import { silentLogger } from '../testing/silent-logger';
import { createMigratedDataSource, type TestDatabase } from '../testing/test-database';
import { seedBenchOrganisation } from './metrics-bench-seed';
import { forgetInputChanges, pendingInputChanges } from './metric-rollup.store';
import { refreshMetricRollups } from './refresh-metric-rollups';

/** Every rollup row except when it was written. */
async function rollupRows(dataSource: DataSource): Promise<unknown[]> {
  return dataSource.query(
    `SELECT scope_kind, scope_key, period_kind, period_start, period_label, metric_id, period_end, value, reason,
       universe_count, universe_noun, excluded, linking_rule, inputs_fingerprint
     FROM metric_rollup ORDER BY scope_kind, scope_key, period_kind, period_start, period_label, metric_id`,
  );
}

describe('refreshMetricRollups', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    ({ dataSource, database } = await createMigratedDataSource());
    await seedBenchOrganisation(dataSource, 2000);
  }, 120_000);

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('recomputes only the periods new data falls in, and ends equal to a refresh from nothing', async () => {
    const first = await refreshMetricRollups(dataSource, silentLogger());
    expect(first.periodsRecomputed).toBe(first.periods);
    // A late PR merged (and reworked) in one week of 2025-03, by a member of a team.
    await dataSource.query(
      `INSERT INTO pull_request (id, repository_id, number, source_id, title, body, author_login, state, is_draft, created_at, updated_at,
         merged_at, closed_at, additions, deletions, changed_files, head_ref, base_ref, merge_commit_sha, is_agent, labels, raw_payload_id)
       VALUES ('github:acme/repo-1#900001', 'github:acme/repo-1', 900001, 'PRX', 'Late change', '', 'user0', 'merged', false,
         '2025-03-11T10:00:00Z', now(), '2025-03-12T10:00:00Z', NULL, 30, 5, 2, 'f/x', 'main', 'shax', false, '{}', 1)`,
    );
    const second = await refreshMetricRollups(dataSource, silentLogger());
    // The org, its team and its repository each see one week, month, quarter and sprint move.
    expect(second.periodsRecomputed).toBeGreaterThanOrEqual(3 * 4);
    expect(second.periodsRecomputed).toBeLessThanOrEqual(3 * 4 + 2);
    expect(second.rowsWritten).toBeGreaterThan(0);
    const incremental = await rollupRows(dataSource);

    await dataSource.query('DELETE FROM metric_rollup');
    await dataSource.query('DELETE FROM metric_rollup_scope');
    const full = await refreshMetricRollups(dataSource, silentLogger());
    expect(full.periodsRecomputed).toBe(full.periods);
    expect(await rollupRows(dataSource)).toEqual(incremental);

    const again = await refreshMetricRollups(dataSource, silentLogger());
    expect(again).toMatchObject({ skipped: true, periodsRecomputed: 0, rowsWritten: 0 });
  }, 300_000);

  it('reads nothing when nothing it reads changed, even after statements that changed no row', async () => {
    await refreshMetricRollups(dataSource, silentLogger());
    await dataSource.query(`UPDATE pull_request SET title = 'x' WHERE id = 'no such pull request'`);
    await dataSource.query(
      `INSERT INTO team (slug, name, member_config, updated_at) SELECT slug, name, member_config, updated_at FROM team
       ON CONFLICT (slug) DO UPDATE SET name = excluded.name WHERE team.name IS DISTINCT FROM excluded.name`,
    );
    const unchanged = await refreshMetricRollups(dataSource, silentLogger());
    expect(unchanged).toMatchObject({ skipped: true, scopes: 0, rowsWritten: 0 });

    await dataSource.query(
      `UPDATE sprint SET name = name || ' (renamed)' WHERE id = (SELECT min(id) FROM sprint)`,
    );
    const renamed = await refreshMetricRollups(dataSource, silentLogger());
    expect(renamed.skipped).toBe(false);
    expect(renamed.scopes).toBeGreaterThan(0);
  }, 300_000);

  it('refreshes next time what a transaction committed while a refresh ran', async () => {
    await refreshMetricRollups(dataSource, silentLogger());
    const writer = dataSource.createQueryRunner();
    await writer.connect();
    await writer.startTransaction();
    await writer.query(
      `UPDATE pull_request SET merged_at = merged_at + interval '40 days' WHERE id = (SELECT min(id) FROM pull_request WHERE merged_at IS NOT NULL)`,
    );
    const during = await refreshMetricRollups(dataSource, silentLogger());
    await writer.commitTransaction();
    await writer.release();
    expect(during.skipped).toBe(true);

    const after = await refreshMetricRollups(dataSource, silentLogger());
    expect(after.skipped).toBe(false);
    expect(after.periodsRecomputed).toBeGreaterThan(0);
    expect(await refreshMetricRollups(dataSource, silentLogger())).toMatchObject({
      skipped: true,
    });
  }, 300_000);

  it('forgets only the changes it read: one committed after the read stays pending', async () => {
    await refreshMetricRollups(dataSource, silentLogger());
    await dataSource.query(
      `UPDATE sprint SET name = name || '.' WHERE id = (SELECT min(id) FROM sprint)`,
    );
    const read = await pendingInputChanges(dataSource.manager);
    expect(read.map((change) => change.tableName)).toEqual(['sprint']);
    await dataSource.query(
      `UPDATE pull_request SET title = title || '.' WHERE id = (SELECT min(id) FROM pull_request)`,
    );
    await forgetInputChanges(dataSource.manager, read);
    expect(
      (await pendingInputChanges(dataSource.manager)).map((change) => change.tableName),
    ).toEqual(['pull_request']);
    expect(await refreshMetricRollups(dataSource, silentLogger())).toMatchObject({
      skipped: false,
    });
  }, 300_000);

  it('watches every table a refresh reads for changes (else a change there would never reach the rollups)', async () => {
    // One connection, so the table scans counted are this refresh's own.
    const single = new DataSource({ ...dataSourceOptions(database.url), extra: { max: 1 } });
    await single.initialize();
    const scans = async (): Promise<Map<string, number>> => {
      await single.query('SELECT pg_stat_force_next_flush()');
      await single.query('SELECT pg_stat_clear_snapshot()');
      const rows = await single.query<Array<{ relname: string; scans: string }>>(
        'SELECT relname, coalesce(seq_scan, 0) + coalesce(idx_scan, 0) AS scans FROM pg_stat_user_tables',
      );
      return new Map(rows.map((row) => [row.relname, Number(row.scans)]));
    };
    try {
      await single.query('DELETE FROM metric_rollup_scope');
      const before = await scans();
      await refreshMetricRollups(single, silentLogger());
      const after = await scans();
      const read = [...after]
        .filter(([table, count]) => count > (before.get(table) ?? 0))
        .map(([table]) => table);
      const ownTables = [
        'metric_rollup',
        'metric_rollup_scope',
        'metric_input_change',
        'sync_checkpoint',
      ];
      expect(read.filter((table) => ![...metricInputTables, ...ownTables].includes(table))).toEqual(
        [],
      );
      expect(read).toEqual(expect.arrayContaining(['pull_request', 'work_item', 'rework_item']));
    } finally {
      await single.destroy();
    }
  }, 300_000);
});
