import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { exerciseSqlCapabilities, expectedSqlAnswers } from '../testing/sql-capabilities';
import { silentLogger } from '../testing/silent-logger';
import { dataSourceOptions } from './data-source-options';
import { startEmbeddedPostgres } from './embedded-postgres-engine';
import { readMigrationState, runMigrations } from './migration-runner';

async function withDataSource<T>(url: string, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

describe('the embedded PostgreSQL engine', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rr-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('boots with no install, runs the production migrations and the same SQL as a real server', async () => {
    const engine = await startEmbeddedPostgres(dataDir, silentLogger());
    try {
      await withDataSource(engine.url, async (dataSource) => {
        await runMigrations(dataSource);
        expect((await readMigrationState(dataSource)).upToDate).toBe(true);
        expect(await exerciseSqlCapabilities(dataSource)).toEqual(expectedSqlAnswers);
        await dataSource.query(
          `INSERT INTO raw_payload (source, endpoint, request_params, request_key, scope, http_status, fetched_at, payload, content_hash)
           VALUES ('github', 'GET /repos/{owner}/{repo}', '{}', 'k', 'acme/api', 200, now(), '{"id": 1}', 'h')`,
        );
      });
    } finally {
      await engine.stop();
    }
  }, 60_000);

  it('keeps its data across restarts', async () => {
    const engine = await startEmbeddedPostgres(dataDir, silentLogger());
    try {
      const rows = await withDataSource(engine.url, (dataSource) =>
        dataSource.query<{ scope: string }[]>('SELECT scope FROM raw_payload'),
      );
      expect(rows).toEqual([{ scope: 'acme/api' }]);
    } finally {
      await engine.stop();
    }
  }, 60_000);

  it('takes over a data directory whose previous server was never stopped', async () => {
    // The first engine is abandoned running, as a kill -9 of the app abandons its postmaster.
    await startEmbeddedPostgres(dataDir, silentLogger());
    const second = await startEmbeddedPostgres(dataDir, silentLogger());
    try {
      const rows = await withDataSource(second.url, (dataSource) =>
        dataSource.query<{ count: string }[]>('SELECT count(*) FROM raw_payload'),
      );
      expect(rows).toEqual([{ count: '1' }]);
    } finally {
      await second.stop();
    }
  }, 60_000);
});
