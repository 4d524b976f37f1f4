import type { DataSource } from 'typeorm';
import { loadDemoDatabase, type DemoDatabase } from '../../testing/demo-database';
import { silentLogger } from '../../testing/silent-logger';
import { analyse, analyseAll } from '../analyse';
import { parseAnalysisConfig } from '../core';
import { defaultLinkBase } from '../detection/detected-rework';

/**
 * The newest days of a small demo organisation are held out, the rest analysed in full; then the
 * held-out rows come back as a sync would write them (a newer raw payload, links first seen now)
 * and an incremental run must leave the analysis tables exactly as a full run does.
 */
const held = [
  ['pull_request', `created_at > $1`],
  ['pull_request_comment', `pull_request_id IN (SELECT id FROM held_pull_request)`],
  ['pull_request_review', `pull_request_id IN (SELECT id FROM held_pull_request)`],
  ['pull_request_commit', `pull_request_id IN (SELECT id FROM held_pull_request)`],
  ['pull_request_file', `pull_request_id IN (SELECT id FROM held_pull_request)`],
  ['pull_request_work_item', `pull_request_id IN (SELECT id FROM held_pull_request)`],
  ['work_item', `created_at > $1`],
  ['work_item_change', `work_item_id IN (SELECT id FROM held_work_item)`],
  ['work_item_comment', `work_item_id IN (SELECT id FROM held_work_item)`],
  ['work_item_link', `work_item_id IN (SELECT id FROM held_work_item)`],
  ['incident', `created_at > $1`],
  ['deployment', `created_at > $1`],
] as const;

const snapshots = {
  rework_item:
    'SELECT id, kind, repository_id, rework_pull_request_ids, rework_work_item_keys, incident_id, origin_pull_request_ids, origin_work_item_keys, detection_rule, detection, effort_pull_requests, effort_lines, effort_cycle_hours, occurred_at, model_version FROM rework_item ORDER BY id',
  cause_attribution: 'SELECT * FROM cause_attribution ORDER BY id',
  work_item_context: 'SELECT * FROM work_item_context ORDER BY work_item_id',
  pull_request_review_score: 'SELECT * FROM pull_request_review_score ORDER BY pull_request_id',
  pull_request_clarification: 'SELECT * FROM pull_request_clarification ORDER BY pull_request_id',
  work_item_clarification: 'SELECT * FROM work_item_clarification ORDER BY work_item_id',
};

async function snapshot(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const [table, sql] of Object.entries(snapshots))
    result[table] = await dataSource.query<unknown[]>(sql);
  return result;
}

describe('incremental analysis', () => {
  let demo: DemoDatabase;
  let dataSource: DataSource;
  const options = () => ({
    logger: silentLogger(),
    dataDir: demo.dataDir,
    config: parseAnalysisConfig({}),
    links: defaultLinkBase,
  });

  beforeAll(async () => {
    demo = await loadDemoDatabase({ seed: 11, prs: 400 });
    ({ dataSource } = demo);
  }, 300_000);

  afterAll(() => demo.close());

  it('after new data, re-attributes only what it can affect and ends where a full run ends', async () => {
    const [{ cut } = { cut: new Date() }] = await dataSource.query<{ cut: Date }[]>(
      `SELECT max(merged_at) - interval '12 days' AS cut FROM pull_request`,
    );
    for (const [table, where] of held) {
      await dataSource.query(
        `CREATE TABLE held_${table} AS SELECT * FROM ${table} WHERE ${where}`,
        where.includes('$1') ? [cut] : [],
      );
      await dataSource.query(
        `DELETE FROM ${table} t WHERE EXISTS (SELECT 1 FROM held_${table} h WHERE h.id = t.id)`,
      );
    }
    const before = await analyseAll(dataSource, options());
    expect(before.mode).toBe('full');
    const heldPrs = await dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM held_pull_request',
    );
    expect(heldPrs[0]?.n ?? 0).toBeGreaterThan(5);

    // The sync brings the rows back under a newer payload; linking sees their links for the first time.
    const [{ id: rawId } = { id: '' }] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO raw_payload (source, endpoint, request_params, request_key, scope, source_ids, etag, http_status, fetched_at, payload, content_hash)
       SELECT source, endpoint, request_params, request_key || ':later', scope, source_ids, etag, http_status, now(), payload, content_hash FROM raw_payload ORDER BY id DESC LIMIT 1 RETURNING id`,
    );
    for (const [table] of held) {
      if (table === 'pull_request_work_item')
        await dataSource.query(`UPDATE held_${table} SET first_seen_at = now()`);
      else await dataSource.query(`UPDATE held_${table} SET raw_payload_id = $1`, [rawId]);
      await dataSource.query(`INSERT INTO ${table} SELECT * FROM held_${table}`);
    }

    const incremental = await analyse(dataSource, options());
    expect(incremental.mode).toBe('incremental');
    const total = Object.values(incremental.counts.reworkItems).reduce((sum, n) => sum + n, 0);
    expect(incremental.counts.attributed).toBeGreaterThan(0);
    expect(incremental.counts.attributed).toBeLessThan(total);
    const afterIncremental = await snapshot(dataSource);

    const full = await analyseAll(dataSource, options());
    expect(full.counts.attributed).toBe(total);
    expect(full.counts.written).toBe(0);
    expect(full.counts.removed).toBe(0);
    expect(await snapshot(dataSource)).toEqual(afterIncremental);
  }, 300_000);

  it('skips when nothing changed, and a full run stays the command for everything', async () => {
    expect((await analyse(dataSource, options())).mode).toBe('skipped');
    expect((await analyse(dataSource, { ...options(), full: true })).mode).toBe('full');
  }, 120_000);
});
