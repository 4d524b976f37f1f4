import { DataSource } from 'typeorm';
import {
  createMigratedDataSource,
  createTestDatabase,
  type TestDatabase,
} from '../testing/test-database';
import { exerciseSqlCapabilities, expectedSqlAnswers } from '../testing/sql-capabilities';
import { dataSourceOptions } from './data-source-options';
import { migrations } from './migrations';
import { readMigrationState, runMigrations } from './migration-runner';

describe('migrations on a real PostgreSQL server', () => {
  let dataSource: DataSource;
  let database: TestDatabase;

  beforeAll(async () => {
    ({ dataSource, database } = await createMigratedDataSource());
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('applies every migration and reports the state as up to date', async () => {
    const state = await readMigrationState(dataSource);
    expect(state).toEqual({
      applied: migrations.length,
      pending: 0,
      latest: migrations.at(-1)?.name,
      upToDate: true,
    });
  });

  it('leaves a schema that matches the entities exactly (no migration is missing)', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('is a no-op when run again', async () => {
    expect(await runMigrations(dataSource)).toEqual([]);
  });

  it('reverts every migration and applies them again', async () => {
    for (let step = 0; step < migrations.length; step += 1) await dataSource.undoLastMigration();
    expect((await readMigrationState(dataSource)).applied).toBe(0);
    expect(await runMigrations(dataSource)).toHaveLength(migrations.length);
  });

  it('answers the SQL the analysis relies on', async () => {
    expect(await exerciseSqlCapabilities(dataSource)).toEqual(expectedSqlAnswers);
  });
});

describe('concurrent start-ups', () => {
  it('migrate once when two processes start on the same empty database', async () => {
    const database = await createTestDatabase();
    const first = new DataSource(dataSourceOptions(database.url));
    const second = new DataSource(dataSourceOptions(database.url));
    await Promise.all([first.initialize(), second.initialize()]);
    try {
      const [appliedByFirst, appliedBySecond] = await Promise.all([
        runMigrations(first),
        runMigrations(second),
      ]);
      expect(appliedByFirst.length + appliedBySecond.length).toBe(migrations.length);
      expect((await readMigrationState(first)).upToDate).toBe(true);
    } finally {
      await Promise.all([first.destroy(), second.destroy()]);
      await database.drop();
    }
  });
});
