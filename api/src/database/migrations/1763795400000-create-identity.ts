import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentity1763795400000 implements MigrationInterface {
  name = 'CreateIdentity1763795400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "person" (
        "id" text NOT NULL,
        "display_name" text NOT NULL,
        "email" text,
        "is_bot" boolean NOT NULL DEFAULT false,
        CONSTRAINT "PK_person" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "identity" (
        "id" text NOT NULL,
        "system" text NOT NULL,
        "external_id" text NOT NULL,
        "display_name" text,
        "email" text,
        "is_bot" boolean NOT NULL DEFAULT false,
        "person_id" text,
        "raw_payload_id" bigint,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_identity" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "identity_person_idx" ON "identity" ("person_id")`);
    await queryRunner.query(`CREATE INDEX "identity_email_idx" ON "identity" ("email")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "identity"`);
    await queryRunner.query(`DROP TABLE "person"`);
  }
}
