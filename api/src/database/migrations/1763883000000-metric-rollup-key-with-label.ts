import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sprints of different boards can start at the same instant: the period label joins the rollup key. */
export class MetricRollupKeyWithLabel1763883000000 implements MigrationInterface {
  name = 'MetricRollupKeyWithLabel1763883000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "metric_rollup" DROP CONSTRAINT "PK_metric_rollup"`);
    await queryRunner.query(
      `ALTER TABLE "metric_rollup" ADD CONSTRAINT "PK_metric_rollup" PRIMARY KEY ("scope_kind", "scope_key", "period_kind", "period_start", "period_label", "metric_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "metric_rollup" DROP CONSTRAINT "PK_metric_rollup"`);
    await queryRunner.query(
      `ALTER TABLE "metric_rollup" ADD CONSTRAINT "PK_metric_rollup" PRIMARY KEY ("scope_kind", "scope_key", "period_kind", "period_start", "metric_id")`,
    );
  }
}
