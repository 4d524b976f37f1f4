import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Pushes from the GitHub `push` webhook, with their commits and the pull requests that carry them. */
export class CreateGithubPush1763841000000 implements MigrationInterface {
  name = 'CreateGithubPush1763841000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "github_push" ("id" text NOT NULL, "repository_id" text NOT NULL, "ref" text NOT NULL, "before_sha" text NOT NULL, "after_sha" text NOT NULL, "is_default_branch" boolean NOT NULL, "created" boolean NOT NULL, "deleted" boolean NOT NULL, "forced" boolean NOT NULL, "pusher_login" text, "pushed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "delivery_id" text NOT NULL, "commits" jsonb NOT NULL, "commit_shas" text array NOT NULL, "pull_request_ids" text array NOT NULL, "raw_payload_id" bigint NOT NULL, CONSTRAINT "PK_github_push" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "github_push_repository_idx" ON "github_push" ("repository_id", "pushed_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "github_push"`);
  }
}
