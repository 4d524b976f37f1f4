import type { MigrationInterface, QueryRunner } from 'typeorm';

/** GitHub domain tables: repositories, pull requests and their activity, deliveries, webhook deliveries. */
export class CreateGithubDomain1763800000000 implements MigrationInterface {
  name = 'CreateGithubDomain1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "deployment" ("id" text NOT NULL, "repository_id" text NOT NULL, "source_id" text NOT NULL, "environment" text NOT NULL, "sha" text NOT NULL, "ref" text, "creator_login" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text, "status_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "raw_payload_id" bigint NOT NULL, CONSTRAINT "PK_ee1f952fc81f37c6fea69c2e248" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "deployment_repository_idx" ON "deployment" ("repository_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "release" ("id" text NOT NULL, "repository_id" text NOT NULL, "source_id" text NOT NULL, "tag_name" text NOT NULL, "name" text, "author_login" text, "is_draft" boolean NOT NULL, "is_prerelease" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, "raw_payload_id" bigint NOT NULL, CONSTRAINT "PK_1a2253436964eea9c558f9464f4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "release_repository_idx" ON "release" ("repository_id")`);
    await queryRunner.query(
      `CREATE TABLE "incident" ("id" text NOT NULL, "repository_id" text NOT NULL, "issue_number" integer NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "state" text NOT NULL, "labels" text array NOT NULL, "author_login" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "raw_payload_id" bigint NOT NULL, CONSTRAINT "PK_5f90b28b0b8238d89ee8edcf96e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "incident_repository_idx" ON "incident" ("repository_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "github_webhook_delivery" ("delivery_id" text NOT NULL, "event" text NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_48d7307710406f1ef2fd1376eb2" PRIMARY KEY ("delivery_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "pull_request_review" ("id" text NOT NULL, "pull_request_id" text NOT NULL, "author_login" text, "state" text NOT NULL, "body" text NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, "raw_payload_id" bigint NOT NULL, CONSTRAINT "PK_0ed9d32ee4af50f70a160e883d3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "pull_request_review_pr_idx" ON "pull_request_review" ("pull_request_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "pull_request_comment" ("id" text NOT NULL, "pull_request_id" text NOT NULL, "kind" text NOT NULL, "review_id" text, "author_login" text, "body" text NOT NULL, "path" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "raw_payload_id" bigint NOT NULL, CONSTRAINT "PK_dd2fe2072c2052b1d14814cf349" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "pull_request_comment_pr_idx" ON "pull_request_comment" ("pull_request_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "pull_request_commit" ("id" text NOT NULL, "pull_request_id" text NOT NULL, "sha" text NOT NULL, "message" text NOT NULL, "authored_at" TIMESTAMP WITH TIME ZONE, "author_login" text, "author_name" text, "author_email" text, "co_authors" text array NOT NULL, "raw_payload_id" bigint NOT NULL, CONSTRAINT "PK_66d359c1f5a3a5f70a1746021c2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "pull_request_commit_pr_idx" ON "pull_request_commit" ("pull_request_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "pull_request_file" ("id" text NOT NULL, "pull_request_id" text NOT NULL, "path" text NOT NULL, "additions" integer NOT NULL, "deletions" integer NOT NULL, "change_type" text NOT NULL, "raw_payload_id" bigint NOT NULL, CONSTRAINT "PK_c02dba7a79761784641381d4252" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "pull_request_file_pr_idx" ON "pull_request_file" ("pull_request_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "pull_request" ("id" text NOT NULL, "repository_id" text NOT NULL, "number" integer NOT NULL, "source_id" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "author_login" text, "state" text NOT NULL, "is_draft" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "merged_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "first_review_at" TIMESTAMP WITH TIME ZONE, "ready_for_review_at" TIMESTAMP WITH TIME ZONE, "first_review_request_at" TIMESTAMP WITH TIME ZONE, "additions" integer NOT NULL, "deletions" integer NOT NULL, "changed_files" integer NOT NULL, "head_ref" text NOT NULL, "base_ref" text NOT NULL, "merge_commit_sha" text, "is_agent" boolean NOT NULL, "labels" text array NOT NULL, "raw_payload_id" bigint NOT NULL, CONSTRAINT "PK_2db8fa2766816707ba4a89ca9d5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "pull_request_repository_idx" ON "pull_request" ("repository_id", "number")`,
    );
    await queryRunner.query(
      `CREATE TABLE "repository" ("id" text NOT NULL, "source_id" text NOT NULL, "full_name" text NOT NULL, "owner" text NOT NULL, "name" text NOT NULL, "default_branch" text, "is_private" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "raw_payload_id" bigint NOT NULL, CONSTRAINT "PK_b842c26651c6fc0b9ccd1c530e2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "repository_full_name_uq" ON "repository" ("full_name")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "github_webhook_delivery"`);
    await queryRunner.query(`DROP TABLE "incident"`);
    await queryRunner.query(`DROP TABLE "release"`);
    await queryRunner.query(`DROP TABLE "deployment"`);
    await queryRunner.query(`DROP TABLE "pull_request_file"`);
    await queryRunner.query(`DROP TABLE "pull_request_commit"`);
    await queryRunner.query(`DROP TABLE "pull_request_comment"`);
    await queryRunner.query(`DROP TABLE "pull_request_review"`);
    await queryRunner.query(`DROP TABLE "pull_request"`);
    await queryRunner.query(`DROP TABLE "repository"`);
  }
}
