import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attempts of queued jobs (the queue itself lives in pg-boss's own `pgboss` schema, which
 * pg-boss creates and migrates when a worker or the api first starts it).
 */
export class CreateJobRun1763890000000 implements MigrationInterface {
  name = 'CreateJobRun1763890000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "job_run" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "job_id" uuid NOT NULL, "queue" text NOT NULL, "scope" text NOT NULL, "worker" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, "outcome" text, "error" text, CONSTRAINT "PK_job_run" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_job_run_job_id" ON "job_run" ("job_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "job_run"`);
  }
}
