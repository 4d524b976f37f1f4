import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every api and worker start asks job_run which scopes completed a sync recently
 * (`staleSyncRequests`). job_run keeps every attempt forever (about one row per scope per hour
 * of scheduled syncs), so that question needs an index on completion time instead of a scan.
 */
export class JobRunCompletedIndex1764630000000 implements MigrationInterface {
  name = 'JobRunCompletedIndex1764630000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_job_run_completed" ON "job_run" ("finished_at", "queue") WHERE outcome = 'completed'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_job_run_completed"`);
  }
}
