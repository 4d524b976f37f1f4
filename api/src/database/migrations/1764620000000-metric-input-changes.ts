import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every table the metric rollups are computed from (`loadMetricDataset`, teams and their members). */
export const metricInputTables = [
  'pull_request',
  'pull_request_work_item',
  'pull_request_review_score',
  'pull_request_clarification',
  'work_item',
  'work_item_context',
  'work_item_sprint',
  'sprint',
  'deployment',
  'incident',
  'rework_item',
  'identity',
  'person',
  'team',
  'team_membership',
  'team_repository',
  'team_jira_project',
] as const;

const events = [
  ['insert', 'INSERT', 'NEW'],
  ['update', 'UPDATE', 'NEW'],
  ['delete', 'DELETE', 'OLD'],
] as const;

/**
 * `metric_input_change`: one row per table and writing transaction that changed a row the rollups
 * read, kept by statement triggers (a statement that changed nothing, like a change-only upsert
 * of equal rows, adds none). A rollup refresh reads the rows before it loads the data and deletes
 * exactly those once done, so a change committed meanwhile keeps its row for the next refresh;
 * with no row, nothing the rollups read has changed and the refresh is skipped.
 */
export class MetricInputChanges1764620000000 implements MigrationInterface {
  name = 'MetricInputChanges1764620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "metric_input_change" ("table_name" text NOT NULL, "transaction_id" xid8 NOT NULL, CONSTRAINT "PK_metric_input_change" PRIMARY KEY ("table_name", "transaction_id"))`,
    );
    await queryRunner.query(`CREATE FUNCTION metric_input_note() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' OR EXISTS (SELECT 1 FROM changed_rows) THEN
          INSERT INTO metric_input_change (table_name, transaction_id)
            VALUES (TG_TABLE_NAME, pg_current_xact_id()) ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $$`);
    // TRUNCATE has no transition table to look at: it always changed the table.
    await queryRunner.query(`CREATE FUNCTION metric_input_note_truncate() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO metric_input_change (table_name, transaction_id)
          VALUES (TG_TABLE_NAME, pg_current_xact_id()) ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    for (const table of metricInputTables) {
      // A trigger with a transition table takes one event, hence one per event.
      for (const [suffix, event, side] of events)
        await queryRunner.query(
          `CREATE TRIGGER metric_input_${suffix} AFTER ${event} ON "${table}" REFERENCING ${side} TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_input_note()`,
        );
      await queryRunner.query(
        `CREATE TRIGGER metric_input_truncate AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION metric_input_note_truncate()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of metricInputTables)
      for (const suffix of ['insert', 'update', 'delete', 'truncate'])
        await queryRunner.query(`DROP TRIGGER metric_input_${suffix} ON "${table}"`);
    await queryRunner.query('DROP FUNCTION metric_input_note_truncate()');
    await queryRunner.query('DROP FUNCTION metric_input_note()');
    await queryRunner.query('DROP TABLE "metric_input_change"');
  }
}
