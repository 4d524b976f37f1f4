import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { exerciseSqlCapabilities, expectedSqlAnswers } from '../testing/sql-capabilities';
import { silentLogger } from '../testing/silent-logger';
import { openDatabase } from './database-connection';
import { dataSourceOptions } from './data-source-options';
import { startEmbeddedPostgres } from './embedded-postgres-engine';
import { readMigrationState, runMigrations } from './migration-runner';

async function withDataSource<T>(
  url: string,
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
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

  it('lets a second process use the running server instead of stopping it', async () => {
    const owner = await startEmbeddedPostgres(dataDir, silentLogger());
    try {
      const second = await startEmbeddedPostgres(dataDir, silentLogger());
      expect(second).toMatchObject({ attached: true, url: owner.url });
      await second.stop();
      const rows = await withDataSource(owner.url, (dataSource) =>
        dataSource.query<{ count: string }[]>('SELECT count(*) FROM raw_payload'),
      );
      expect(rows).toEqual([{ count: '1' }]);
    } finally {
      await owner.stop();
    }
  }, 60_000);

  it('takes over a data directory whose owner died without stopping its server', async () => {
    // Abandon a running server and record a dead owner, as a kill -9 of the app leaves them.
    const abandoned = await startEmbeddedPostgres(dataDir, silentLogger());
    const deadPid = spawnSync('true').pid;
    writeFileSync(
      join(dataDir, 'embedded-postgres.lock'),
      JSON.stringify({ pid: deadPid, port: 1 }),
    );
    const second = await startEmbeddedPostgres(dataDir, silentLogger());
    expect(second.attached).toBe(false);
    expect(second.url).not.toBe(abandoned.url);
    try {
      const rows = await withDataSource(second.url, (dataSource) =>
        dataSource.query<{ count: string }[]>('SELECT count(*) FROM raw_payload'),
      );
      expect(rows).toEqual([{ count: '1' }]);
    } finally {
      await second.stop();
    }
  }, 60_000);

  it('waits for an owner that is stopping (its server refuses), then runs its own server', async () => {
    // `npm start` again right after Ctrl-C: the old process is alive but its server is going.
    const stopping = spawn('sleep', ['2']);
    const gone = new Promise((resolve) => stopping.on('exit', resolve));
    writeFileSync(
      join(dataDir, 'embedded-postgres.lock'),
      JSON.stringify({ pid: stopping.pid, port: 1 }),
    );
    const started = Date.now();
    const engine = await startEmbeddedPostgres(dataDir, silentLogger());
    try {
      expect(engine.attached).toBe(false);
      expect(stopping.exitCode).toBe(0);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
      const rows = await withDataSource(engine.url, (dataSource) =>
        dataSource.query<{ count: string }[]>('SELECT count(*) FROM raw_payload'),
      );
      expect(rows).toEqual([{ count: '1' }]);
    } finally {
      await engine.stop();
      await gone;
    }
  }, 60_000);

  it('keeps the demo in a database of its own, so your own organisation starts empty and the demo comes back as it was', async () => {
    const scopes = (url: string) =>
      withDataSource(url, async (dataSource) => {
        await runMigrations(dataSource);
        return dataSource.query<{ scope: string }[]>('SELECT scope FROM raw_payload');
      });
    const demo = await openDatabase(
      { databaseUrl: undefined, dataDir, demo: true },
      silentLogger(),
    );
    try {
      expect(demo.url.endsWith('/rework_radar_demo')).toBe(true);
      expect(await scopes(demo.url)).toEqual([]);
      await withDataSource(demo.url, (dataSource) =>
        dataSource.query(
          `INSERT INTO raw_payload (source, endpoint, request_params, request_key, scope, http_status, fetched_at, payload, content_hash)
           VALUES ('github', 'graphql PullRequestPage', '{}', 'k', 'acme-corp/payments-api', 200, now(), '{}', 'h')`,
        ),
      );
      // A CLI run beside it, configured for a real organisation, attaches to the same server.
      const own = await openDatabase(
        { databaseUrl: undefined, dataDir, demo: false },
        silentLogger(),
      );
      expect(own.url.endsWith('/rework_radar')).toBe(true);
      expect(await scopes(own.url)).toEqual([{ scope: 'acme/api' }]);
      await own.close();
    } finally {
      await demo.close();
    }
    const demoAgain = await openDatabase(
      { databaseUrl: undefined, dataDir, demo: true },
      silentLogger(),
    );
    try {
      expect(await scopes(demoAgain.url)).toEqual([{ scope: 'acme-corp/payments-api' }]);
    } finally {
      await demoAgain.close();
    }
  }, 60_000);
});
