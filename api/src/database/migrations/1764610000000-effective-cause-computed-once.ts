import type { MigrationInterface, QueryRunner } from 'typeorm';

const relatedTrigger = (
  body: string,
): string => `CREATE OR REPLACE FUNCTION rework_item_effective_cause_related() RETURNS trigger
  LANGUAGE plpgsql AS $$
  DECLARE item text := CASE WHEN TG_OP = 'DELETE' THEN OLD.rework_item_id ELSE NEW.rework_item_id END;
  BEGIN
    ${body}
    RETURN NULL;
  END $$`;

/**
 * The trigger that keeps `rework_item.effective_cause` after an attribution or override changes
 * worked the cause out twice per row (once to compare, once to set); an analysis writes an
 * attribution per rework item, so it now works it out once.
 */
export class EffectiveCauseComputedOnce1764610000000 implements MigrationInterface {
  name = 'EffectiveCauseComputedOnce1764610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      relatedTrigger(`UPDATE rework_item r SET effective_cause = fresh.cause
    FROM (SELECT i.id, rework_item_effective_cause(i.id, i.model_version) AS cause FROM rework_item i WHERE i.id = item) fresh
    WHERE r.id = fresh.id AND r.effective_cause IS DISTINCT FROM fresh.cause;`),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      relatedTrigger(`UPDATE rework_item r SET effective_cause = rework_item_effective_cause(r.id, r.model_version)
    WHERE r.id = item AND r.effective_cause IS DISTINCT FROM rework_item_effective_cause(r.id, r.model_version);`),
    );
  }
}
