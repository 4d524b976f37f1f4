import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The analysis layer: rework items, cause attributions and overrides, scores, model versions, runs, trace cache. */
export class CreateAnalysis1763850000000 implements MigrationInterface {
  name = 'CreateAnalysis1763850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rework_item" ("id" text NOT NULL, "kind" text NOT NULL, "repository_id" text, "rework_pull_request_ids" text array NOT NULL, "rework_work_item_keys" text array NOT NULL, "incident_id" text, "origin_pull_request_ids" text array NOT NULL, "origin_work_item_keys" text array NOT NULL, "detection_rule" text NOT NULL, "detection" jsonb NOT NULL, "effort_pull_requests" integer NOT NULL, "effort_lines" integer NOT NULL, "effort_cycle_hours" double precision, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "detected_at" TIMESTAMP WITH TIME ZONE NOT NULL, "model_version" integer NOT NULL, CONSTRAINT "PK_rework_item" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "rework_item_occurred_idx" ON "rework_item" ("occurred_at", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "rework_item_kind_idx" ON "rework_item" ("kind")`);
    await queryRunner.query(
      `CREATE TABLE "cause_attribution" ("id" text NOT NULL, "rework_item_id" text NOT NULL, "model_version" integer NOT NULL, "cause" text NOT NULL, "confidence" double precision NOT NULL, "score_missing_context" double precision NOT NULL, "score_execution" double precision NOT NULL, "reason" text NOT NULL, "evidence" jsonb NOT NULL, CONSTRAINT "PK_cause_attribution" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "cause_attribution_item_idx" ON "cause_attribution" ("rework_item_id", "model_version")`,
    );
    await queryRunner.query(
      `CREATE TABLE "cause_override" ("id" text NOT NULL, "rework_item_id" text NOT NULL, "cause" text NOT NULL, "reason" text NOT NULL, "overridden_by" text NOT NULL, "overridden_at" TIMESTAMP WITH TIME ZONE NOT NULL, "model_cause" text, "model_version" integer, CONSTRAINT "PK_cause_override" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "cause_override_item_idx" ON "cause_override" ("rework_item_id", "overridden_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "work_item_context" ("work_item_id" text NOT NULL, "work_item_key" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "started_from" text NOT NULL, "score" integer NOT NULL, "components" jsonb NOT NULL, "details" jsonb NOT NULL, CONSTRAINT "PK_work_item_context" PRIMARY KEY ("work_item_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "pull_request_review_score" ("pull_request_id" text NOT NULL, "risk" double precision NOT NULL, "depth" double precision NOT NULL, "risk_components" jsonb NOT NULL, "depth_components" jsonb NOT NULL, "rubber_stamp" boolean NOT NULL, "over_review" boolean NOT NULL, CONSTRAINT "PK_pull_request_review_score" PRIMARY KEY ("pull_request_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "analysis_model" ("version" integer NOT NULL, "weights" jsonb NOT NULL, "origin" text NOT NULL, "metrics" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_analysis_model" PRIMARY KEY ("version"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "analysis_model_activation" ("scope" text NOT NULL, "version" integer NOT NULL, "previous_versions" integer array NOT NULL, "activated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_analysis_model_activation" PRIMARY KEY ("scope"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "analysis_run" ("id" text NOT NULL, "mode" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_ms" integer NOT NULL, "model_version" integer NOT NULL, "counts" jsonb NOT NULL, CONSTRAINT "PK_analysis_run" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "analysis_fix_trace" ("id" text NOT NULL, "introducers" jsonb NOT NULL, "expectations" jsonb NOT NULL, "traced_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_analysis_fix_trace" PRIMARY KEY ("id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'analysis_fix_trace',
      'analysis_run',
      'analysis_model_activation',
      'analysis_model',
      'pull_request_review_score',
      'work_item_context',
      'cause_override',
      'cause_attribution',
      'rework_item',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
