import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Links from pull requests to Jira work items, each with its rule and evidence. */
export class CreatePullRequestWorkItem1763840000000 implements MigrationInterface {
  name = 'CreatePullRequestWorkItem1763840000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "pull_request_work_item" ("id" text NOT NULL, "pull_request_id" text NOT NULL, "work_item_key" text NOT NULL, "rule" text NOT NULL, "evidence" text NOT NULL, "work_item_present" boolean NOT NULL, "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_pull_request_work_item" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "pull_request_work_item_pr_idx" ON "pull_request_work_item" ("pull_request_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "pull_request_work_item_key_idx" ON "pull_request_work_item" ("work_item_key")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "pull_request_work_item"`);
  }
}
