import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Per scope, the fingerprint of the inputs its rollups were computed from. */
export class CreateMetricRollupScope1763882000000 implements MigrationInterface {
  name = 'CreateMetricRollupScope1763882000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "metric_rollup_scope" ("scope_kind" text NOT NULL, "scope_key" text NOT NULL, "inputs_fingerprint" text NOT NULL, "refreshed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_metric_rollup_scope" PRIMARY KEY ("scope_kind", "scope_key"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "metric_rollup_scope"`);
  }
}
