import type { MigrationState } from '@rework-radar/shared';
import type { DataSource } from 'typeorm';

// Any fixed number shared by every process of this app: serialises concurrent start-ups.
const migrationLockKey = 724_311_902;

/** Applies pending migrations, one process at a time; returns the names it applied. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [migrationLockKey]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await lockRunner
      .query('SELECT pg_advisory_unlock($1)', [migrationLockKey])
      .catch(() => undefined);
    await lockRunner.release();
  }
}

export async function readMigrationState(dataSource: DataSource): Promise<MigrationState> {
  const table = dataSource.options.migrationsTableName ?? 'migrations';
  const exists = await dataSource.query<{ present: boolean }[]>(
    'SELECT to_regclass($1) IS NOT NULL AS present',
    [`public.${table}`],
  );
  const executed = exists[0]?.present
    ? await dataSource.query<{ name: string }[]>(
        `SELECT name FROM "${table}" ORDER BY "timestamp", id`,
      )
    : [];
  const executedNames = new Set(executed.map((row) => row.name));
  const known = dataSource.migrations.map(
    (migration) => migration.name ?? migration.constructor.name,
  );
  const pending = known.filter((name) => !executedNames.has(name)).length;
  return {
    applied: executed.length,
    pending,
    latest: executed.at(-1)?.name ?? null,
    upToDate: pending === 0,
  };
}
