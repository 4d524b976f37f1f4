import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `work_item_context.in_progress_at`: the first move to an in-progress status. `started_at` now
 * takes the earlier of that move and the first linked PR's opening, so work item cycle time and
 * "moved to in progress in the period" read this column instead. Its index replaces the one on
 * `started_at`, which only that period window read. Rows from before are filled from the old
 * meaning (a `status` start was the first move to in progress; other starts had none), so cycle
 * time holds until the next analysis rewrites the contexts.
 */
export class WorkItemContextInProgress1764600000000 implements MigrationInterface {
  name = 'WorkItemContextInProgress1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "work_item_context" ADD "in_progress_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `UPDATE "work_item_context" SET "in_progress_at" = "started_at" WHERE "started_from" = 'status'`,
    );
    await queryRunner.query(`DROP INDEX "work_item_context_started_idx"`);
    await queryRunner.query(
      `CREATE INDEX "work_item_context_in_progress_idx" ON "work_item_context" ("in_progress_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "work_item_context_in_progress_idx"`);
    await queryRunner.query(
      `CREATE INDEX "work_item_context_started_idx" ON "work_item_context" ("started_at")`,
    );
    await queryRunner.query(`ALTER TABLE "work_item_context" DROP COLUMN "in_progress_at"`);
  }
}
