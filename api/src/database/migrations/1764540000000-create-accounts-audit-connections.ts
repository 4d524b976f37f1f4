import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sign-in (accounts, sessions, API tokens), the audit log and connections entered in settings. */
export class CreateAccountsAuditConnections1764540000000 implements MigrationInterface {
  name = 'CreateAccountsAuditConnections1764540000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "user_account" ("id" uuid NOT NULL, "email" text NOT NULL, "display_name" text NOT NULL, "role" text NOT NULL, "team_slugs" text array NOT NULL DEFAULT '{}', "password_hash" text, "oidc_subject" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "disabled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_user_account" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "user_account_email_key" ON "user_account" ("email")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "user_account_oidc_subject_key" ON "user_account" ("oidc_subject")`,
    );
    await queryRunner.query(
      `CREATE TABLE "auth_session" ("token_hash" text NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_auth_session" PRIMARY KEY ("token_hash"))`,
    );
    await queryRunner.query(`CREATE INDEX "auth_session_user_idx" ON "auth_session" ("user_id")`);
    await queryRunner.query(
      `CREATE TABLE "api_token" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "name" text NOT NULL, "token_hash" text NOT NULL, "prefix" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_api_token" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "api_token_user_idx" ON "api_token" ("user_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "api_token_hash_key" ON "api_token" ("token_hash")`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_event" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_user_id" uuid, "actor" text NOT NULL, "action" text NOT NULL, "target" text NOT NULL, "details" jsonb NOT NULL, CONSTRAINT "PK_audit_event" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "audit_event_at_idx" ON "audit_event" ("at")`);
    await queryRunner.query(
      `CREATE TABLE "connection_setting" ("system" text NOT NULL, "settings" jsonb NOT NULL, "secrets" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" text NOT NULL, CONSTRAINT "PK_connection_setting" PRIMARY KEY ("system"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "connection_setting"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
    await queryRunner.query(`DROP TABLE "api_token"`);
    await queryRunner.query(`DROP TABLE "auth_session"`);
    await queryRunner.query(`DROP TABLE "user_account"`);
  }
}
