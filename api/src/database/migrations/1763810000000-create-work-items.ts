import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWorkItems1763810000000 implements MigrationInterface {
  name = 'CreateWorkItems1763810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "work_item" (
        "id" text NOT NULL,
        "key" text NOT NULL,
        "project_key" text NOT NULL,
        "issue_type" text NOT NULL,
        "is_subtask" boolean NOT NULL DEFAULT false,
        "status" text NOT NULL,
        "status_id" text NOT NULL,
        "status_category" text NOT NULL,
        "summary" text NOT NULL,
        "description_text" text,
        "acceptance_criteria_field_text" text,
        "acceptance_criteria_text" text,
        "acceptance_criteria_source" text,
        "story_points" double precision,
        "parent_key" text,
        "epic_key" text,
        "labels" text array NOT NULL DEFAULT '{}',
        "components" text array NOT NULL DEFAULT '{}',
        "fix_versions" text array NOT NULL DEFAULT '{}',
        "sprint_ids" integer array NOT NULL DEFAULT '{}',
        "resolution" text,
        "assignee_identity_id" text,
        "reporter_identity_id" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "resolved_at" TIMESTAMP WITH TIME ZONE,
        "reopen_count" integer NOT NULL DEFAULT 0,
        "raw_payload_id" bigint NOT NULL,
        CONSTRAINT "PK_work_item" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "work_item_key_uq" ON "work_item" ("key")`);
    await queryRunner.query(
      `CREATE INDEX "work_item_project_idx" ON "work_item" ("project_key", "updated_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "work_item_change" (
        "id" text NOT NULL,
        "work_item_id" text NOT NULL,
        "history_id" text NOT NULL,
        "field" text NOT NULL,
        "field_key" text NOT NULL,
        "field_id" text,
        "from_value" text,
        "from_string" text,
        "to_value" text,
        "to_string" text,
        "author_identity_id" text,
        "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "raw_payload_id" bigint NOT NULL,
        CONSTRAINT "PK_work_item_change" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "work_item_change_item_idx" ON "work_item_change" ("work_item_id", "changed_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "work_item_comment" (
        "id" text NOT NULL,
        "work_item_id" text NOT NULL,
        "author_identity_id" text,
        "body_text" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "raw_payload_id" bigint NOT NULL,
        CONSTRAINT "PK_work_item_comment" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "work_item_comment_item_idx" ON "work_item_comment" ("work_item_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "work_item_link" (
        "id" text NOT NULL,
        "work_item_id" text NOT NULL,
        "link_id" text NOT NULL,
        "link_type" text NOT NULL,
        "direction" text NOT NULL,
        "relation" text NOT NULL,
        "other_key" text NOT NULL,
        "raw_payload_id" bigint NOT NULL,
        CONSTRAINT "PK_work_item_link" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "work_item_link_item_idx" ON "work_item_link" ("work_item_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "work_item_link_other_idx" ON "work_item_link" ("other_key")`,
    );
    await queryRunner.query(`
      CREATE TABLE "board" (
        "id" text NOT NULL,
        "board_id" integer NOT NULL,
        "name" text NOT NULL,
        "type" text NOT NULL,
        "project_key" text,
        "raw_payload_id" bigint NOT NULL,
        CONSTRAINT "PK_board" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "sprint" (
        "id" text NOT NULL,
        "sprint_id" integer NOT NULL,
        "board_id" integer,
        "name" text NOT NULL,
        "state" text NOT NULL,
        "start_at" TIMESTAMP WITH TIME ZONE,
        "end_at" TIMESTAMP WITH TIME ZONE,
        "complete_at" TIMESTAMP WITH TIME ZONE,
        "goal" text,
        "raw_payload_id" bigint NOT NULL,
        CONSTRAINT "PK_sprint" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "work_item_sprint" (
        "id" text NOT NULL,
        "work_item_id" text NOT NULL,
        "sprint_id" integer NOT NULL,
        "added_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "removed_at" TIMESTAMP WITH TIME ZONE,
        "raw_payload_id" bigint NOT NULL,
        CONSTRAINT "PK_work_item_sprint" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "work_item_sprint_item_idx" ON "work_item_sprint" ("work_item_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "work_item_sprint_sprint_idx" ON "work_item_sprint" ("sprint_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'work_item_sprint',
      'sprint',
      'board',
      'work_item_link',
      'work_item_comment',
      'work_item_change',
      'work_item',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
