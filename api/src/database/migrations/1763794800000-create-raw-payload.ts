import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRawPayload1763794800000 implements MigrationInterface {
  name = 'CreateRawPayload1763794800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "raw_payload" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "source" text NOT NULL,
        "endpoint" text NOT NULL,
        "request_params" jsonb NOT NULL,
        "request_key" text NOT NULL,
        "scope" text NOT NULL,
        "source_ids" text array NOT NULL DEFAULT '{}',
        "etag" text,
        "http_status" smallint NOT NULL,
        "fetched_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "payload" jsonb NOT NULL,
        "content_hash" text NOT NULL,
        CONSTRAINT "PK_raw_payload" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "raw_payload_request_content_uq" ON "raw_payload" ("source", "request_key", "content_hash")`,
    );
    await queryRunner.query(
      `CREATE INDEX "raw_payload_scope_idx" ON "raw_payload" ("source", "scope", "fetched_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "raw_payload"`);
  }
}
