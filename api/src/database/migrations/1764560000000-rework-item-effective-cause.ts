import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `rework_item.effective_cause`: the latest manager override, else the attribution of the item's
 * current model version, else `unknown`, kept by triggers so every writer (analysis, model
 * re-fit and rollback, overrides) keeps it right without knowing about it. It lets the rework
 * list filter by cause inside one index range: computed per row, a `cause` + `repo` page at
 * 1,000,000 PRs joined every attribution of the repository before sorting (842 ms p95).
 */
export class ReworkItemEffectiveCause1764560000000 implements MigrationInterface {
  name = 'ReworkItemEffectiveCause1764560000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "rework_item" ADD "effective_cause" text NOT NULL DEFAULT 'unknown'`,
    );
    await queryRunner.query(`CREATE FUNCTION rework_item_effective_cause(item_id text, version integer) RETURNS text
      LANGUAGE sql STABLE AS $$
        SELECT coalesce(
          (SELECT o.cause FROM cause_override o WHERE o.rework_item_id = item_id ORDER BY o.overridden_at DESC, o.id DESC LIMIT 1),
          (SELECT a.cause FROM cause_attribution a WHERE a.rework_item_id = item_id AND a.model_version = version),
          'unknown')
      $$`);
    // The item's own row: when it is written or its model version moves.
    await queryRunner.query(`CREATE FUNCTION rework_item_effective_cause_own() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        NEW.effective_cause := rework_item_effective_cause(NEW.id, NEW.model_version);
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER rework_item_effective_cause_own
      BEFORE INSERT OR UPDATE OF model_version ON rework_item
      FOR EACH ROW EXECUTE FUNCTION rework_item_effective_cause_own()`);
    // An attribution or an override of the item changed.
    await queryRunner.query(`CREATE FUNCTION rework_item_effective_cause_related() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE item text := CASE WHEN TG_OP = 'DELETE' THEN OLD.rework_item_id ELSE NEW.rework_item_id END;
      BEGIN
        UPDATE rework_item r SET effective_cause = rework_item_effective_cause(r.id, r.model_version)
        WHERE r.id = item AND r.effective_cause IS DISTINCT FROM rework_item_effective_cause(r.id, r.model_version);
        RETURN NULL;
      END $$`);
    for (const table of ['cause_attribution', 'cause_override'])
      await queryRunner.query(`CREATE TRIGGER ${table}_effective_cause
        AFTER INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION rework_item_effective_cause_related()`);
    await queryRunner.query(
      `UPDATE rework_item SET effective_cause = rework_item_effective_cause(id, model_version)`,
    );
    await queryRunner.query(
      `CREATE INDEX "rework_item_repository_cause_occurred_idx" ON "rework_item" ("repository_id", "effective_cause", "occurred_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "rework_item_cause_occurred_idx" ON "rework_item" ("effective_cause", "occurred_at", "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "rework_item_cause_occurred_idx"`);
    await queryRunner.query(`DROP INDEX "rework_item_repository_cause_occurred_idx"`);
    for (const table of ['cause_attribution', 'cause_override'])
      await queryRunner.query(`DROP TRIGGER ${table}_effective_cause ON ${table}`);
    await queryRunner.query(`DROP TRIGGER rework_item_effective_cause_own ON rework_item`);
    await queryRunner.query(`DROP FUNCTION rework_item_effective_cause_related()`);
    await queryRunner.query(`DROP FUNCTION rework_item_effective_cause_own()`);
    await queryRunner.query(`DROP FUNCTION rework_item_effective_cause(text, integer)`);
    await queryRunner.query(`ALTER TABLE "rework_item" DROP COLUMN "effective_cause"`);
  }
}
