import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Clarifying questions per pull request and per work item, written by the analysis. */
export class CreateClarificationCounts1764520000000 implements MigrationInterface {
  name = 'CreateClarificationCounts1764520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "pull_request_clarification" ("pull_request_id" text NOT NULL, "questions" integer NOT NULL, "questions_before_merge" integer NOT NULL, "first_asked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_pull_request_clarification" PRIMARY KEY ("pull_request_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "work_item_clarification" ("work_item_id" text NOT NULL, "work_item_key" text NOT NULL, "questions" integer NOT NULL, "first_asked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_work_item_clarification" PRIMARY KEY ("work_item_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "work_item_clarification"`);
    await queryRunner.query(`DROP TABLE "pull_request_clarification"`);
  }
}
