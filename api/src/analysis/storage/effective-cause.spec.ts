import type { DataSource } from 'typeorm';
import { createMigratedDataSource, type TestDatabase } from '../../testing/test-database';

/** `rework_item.effective_cause` follows every writer of the cause (see its migration). */
describe('the effective cause kept on each rework item', () => {
  let dataSource: DataSource;
  let database: TestDatabase;

  beforeAll(async () => {
    ({ dataSource, database } = await createMigratedDataSource());
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const effective = async (id: string): Promise<string | undefined> =>
    (
      await dataSource.query<{ effective_cause: string }[]>(
        'SELECT effective_cause FROM rework_item WHERE id = $1',
        [id],
      )
    )[0]?.effective_cause;

  const attribute = (id: string, version: number, cause: string): Promise<unknown> =>
    dataSource.query(
      `INSERT INTO cause_attribution (id, rework_item_id, model_version, cause, confidence, score_missing_context, score_execution, reason, evidence)
       VALUES ($1 || '@' || $2::int, $1, $2::int, $3, 0.8, 1, 0, 'margin', '[]')`,
      [id, version, cause],
    );

  it('is the current model version answer, then the latest override, and back to the model when overrides go', async () => {
    const id = 'follow-up-fix:github:acme/pay#7';
    await dataSource.query(
      `INSERT INTO rework_item (id, kind, repository_id, rework_pull_request_ids, rework_work_item_keys, incident_id, origin_pull_request_ids,
         origin_work_item_keys, detection_rule, detection, effort_pull_requests, effort_lines, effort_cycle_hours, occurred_at, detected_at, model_version)
       VALUES ($1, 'follow-up-fix', 'github:acme/pay', '{}', '{}', NULL, '{}', '{}', 'blame', '{}', 1, 3, 2, now(), now(), 1)`,
      [id],
    );
    expect(await effective(id)).toBe('unknown');
    await attribute(id, 1, 'execution');
    expect(await effective(id)).toBe('execution');
    // A re-fitted model's answer counts only once the item moves to that version.
    await attribute(id, 2, 'missing_context');
    expect(await effective(id)).toBe('execution');
    await dataSource.query('UPDATE rework_item SET model_version = 2 WHERE id = $1', [id]);
    expect(await effective(id)).toBe('missing_context');
    await dataSource.query(
      `UPDATE cause_attribution SET cause = 'execution' WHERE rework_item_id = $1 AND model_version = 2`,
      [id],
    );
    expect(await effective(id)).toBe('execution');
    for (const [n, cause] of [
      [1, 'missing_context'],
      [2, 'unknown'],
    ] as const)
      await dataSource.query(
        `INSERT INTO cause_override (id, rework_item_id, cause, reason, overridden_by, overridden_at, model_cause, model_version)
         VALUES ($1, $2, $3, 'checked the ticket', 'em@acme.test', now() + $4 * interval '1 minute', 'execution', 2)`,
        [`override-${n}`, id, cause, n],
      );
    expect(await effective(id)).toBe('unknown');
    await dataSource.query(`DELETE FROM cause_override WHERE rework_item_id = $1`, [id]);
    expect(await effective(id)).toBe('execution');
    await dataSource.query(`DELETE FROM cause_attribution WHERE rework_item_id = $1`, [id]);
    expect(await effective(id)).toBe('unknown');
  });
});
