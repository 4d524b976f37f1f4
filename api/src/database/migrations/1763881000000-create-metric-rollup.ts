import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Metric values per scope and period, maintained after each sync and analysis; the API reads only these. */
export class CreateMetricRollup1763881000000 implements MigrationInterface {
  name = 'CreateMetricRollup1763881000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "metric_rollup" ("scope_kind" text NOT NULL, "scope_key" text NOT NULL, "period_kind" text NOT NULL, "period_start" TIMESTAMP WITH TIME ZONE NOT NULL, "metric_id" text NOT NULL, "period_end" TIMESTAMP WITH TIME ZONE NOT NULL, "period_label" text NOT NULL, "value" double precision, "reason" text, "universe_count" integer NOT NULL, "universe_noun" text NOT NULL, "excluded" jsonb NOT NULL, "linking_rule" text, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "inputs_fingerprint" text NOT NULL, CONSTRAINT "PK_metric_rollup" PRIMARY KEY ("scope_kind", "scope_key", "period_kind", "period_start", "metric_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "metric_rollup"`);
  }
}
