import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `work_item_context.in_progress_at`: the first move to an in-progress status. `started_at` now
 * takes the earlier of that move and the first linked PR's opening, so work item cycle time reads
 * this column instead (per item: no period window reads it, so it has no index). Rows from before
 * are filled from the old meaning (a `status` start was the first move to in progress; other
 * starts had none), so cycle time holds until the next analysis rewrites the contexts.
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
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "work_item_context" DROP COLUMN "in_progress_at"`);
  }
}
