import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The context metrics and their explain window place a work item by when its work started
 * (`started_at`: the first move to in progress or the first linked PR, whichever came first), not
 * by the move alone, so the window index goes back to `started_at`; nothing reads a window of
 * `in_progress_at` (cycle time reads it per item).
 */
export class WorkItemContextWorkStartedIndex1764620000000 implements MigrationInterface {
  name = 'WorkItemContextWorkStartedIndex1764620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "work_item_context_in_progress_idx"`);
    await queryRunner.query(
      `CREATE INDEX "work_item_context_started_idx" ON "work_item_context" ("started_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "work_item_context_started_idx"`);
    await queryRunner.query(
      `CREATE INDEX "work_item_context_in_progress_idx" ON "work_item_context" ("in_progress_at")`,
    );
  }
}
