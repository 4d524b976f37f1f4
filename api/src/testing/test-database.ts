import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { runMigrations } from '../database/migration-runner';

/** A fresh database on the run's PostgreSQL server, for one spec file. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.RR_TEST_ADMIN_URL;
  if (url === undefined)
    throw new Error('RR_TEST_ADMIN_URL is unset: run the api tests through Jest (globalSetup)');
  return url;
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `rr_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

/** A fresh database migrated exactly as production migrates, with its DataSource open. */
export async function createMigratedDataSource(): Promise<{
  dataSource: DataSource;
  database: TestDatabase;
}> {
  const database = await createTestDatabase();
  const dataSource = new DataSource(dataSourceOptions(database.url));
  await dataSource.initialize();
  await runMigrations(dataSource);
  return { dataSource, database };
}
