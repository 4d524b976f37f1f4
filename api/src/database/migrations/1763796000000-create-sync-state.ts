import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSyncState1763796000000 implements MigrationInterface {
  name = 'CreateSyncState1763796000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "sync_checkpoint" (
        "source" text NOT NULL,
        "scope" text NOT NULL,
        "stream" text NOT NULL,
        "cursor" jsonb NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_sync_checkpoint" PRIMARY KEY ("source", "scope", "stream")
      )`);
    await queryRunner.query(`
      CREATE TABLE "quarantined_record" (
        "id" text NOT NULL,
        "source" text NOT NULL,
        "kind" text NOT NULL,
        "source_id" text NOT NULL,
        "reason" text NOT NULL,
        "raw_payload_id" bigint,
        "quarantined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_quarantined_record" PRIMARY KEY ("id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "quarantined_record"`);
    await queryRunner.query(`DROP TABLE "sync_checkpoint"`);
  }
}
