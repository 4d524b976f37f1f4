import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for reading one period's records instead of the history (explaining a metric value):
 * pull requests by merge time, work items by resolution, contexts by start, incidents by start,
 * and pull requests by merge commit, which is how a deployment names what it shipped.
 */
export class PeriodWindowIndexes1764580000000 implements MigrationInterface {
  name = 'PeriodWindowIndexes1764580000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "pull_request_merged_idx" ON "pull_request" ("merged_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "pull_request_merge_commit_idx" ON "pull_request" ("repository_id", "merge_commit_sha")`,
    );
    await queryRunner.query(`CREATE INDEX "work_item_resolved_idx" ON "work_item" ("resolved_at")`);
    await queryRunner.query(
      `CREATE INDEX "work_item_context_started_idx" ON "work_item_context" ("started_at")`,
    );
    await queryRunner.query(`CREATE INDEX "incident_created_idx" ON "incident" ("created_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "incident_created_idx"`);
    await queryRunner.query(`DROP INDEX "work_item_context_started_idx"`);
    await queryRunner.query(`DROP INDEX "work_item_resolved_idx"`);
    await queryRunner.query(`DROP INDEX "pull_request_merge_commit_idx"`);
    await queryRunner.query(`DROP INDEX "pull_request_merged_idx"`);
  }
}
