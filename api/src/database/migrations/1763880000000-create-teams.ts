import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Teams, their members over time (resolved to persons), repositories and Jira projects. */
export class CreateTeams1763880000000 implements MigrationInterface {
  name = 'CreateTeams1763880000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "team" ("slug" text NOT NULL, "name" text NOT NULL, "member_config" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_team" PRIMARY KEY ("slug"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "team_membership" ("id" text NOT NULL, "team_slug" text NOT NULL, "person_id" text NOT NULL, "from_at" TIMESTAMP WITH TIME ZONE, "to_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_team_membership" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "team_membership_person_idx" ON "team_membership" ("person_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "team_membership_team_idx" ON "team_membership" ("team_slug")`,
    );
    await queryRunner.query(
      `CREATE TABLE "team_repository" ("team_slug" text NOT NULL, "repository_full_name" text NOT NULL, CONSTRAINT "PK_team_repository" PRIMARY KEY ("team_slug", "repository_full_name"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "team_jira_project" ("team_slug" text NOT NULL, "project_key" text NOT NULL, CONSTRAINT "PK_team_jira_project" PRIMARY KEY ("team_slug", "project_key"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "team_jira_project"`);
    await queryRunner.query(`DROP TABLE "team_repository"`);
    await queryRunner.query(`DROP TABLE "team_membership"`);
    await queryRunner.query(`DROP TABLE "team"`);
  }
}
