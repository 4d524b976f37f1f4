import type { Benchmark } from '../../../bench/benchmark';
import { startThrowawayServer, stopThrowawayServer } from '../../../testing/postgres-server';
import { createMigratedDataSource } from '../../../testing/test-database';
import { silentLogger } from '../../../testing/silent-logger';
import { runJiraSync } from '../jira-sync';
import { replayJiraFromRaw } from '../replay-from-raw';
import { generateJiraDataset } from '../simulator/dataset-generator';
import { startSimulatedJira } from '../testing/jira-test-kit';

/** Backfill of 10,000 simulated Cloud issues with changelogs; then extract + convert from raw. */
export const jiraSyncBenchmark: Benchmark = {
  name: 'jira-backfill-10k',
  description:
    'Jira Cloud backfill of 10,000 issues (1% with overflowing changelogs) from the simulator; replay from raw',
  async run() {
    const server = await startThrowawayServer();
    process.env.RR_TEST_ADMIN_URL = server.adminUrl;
    const dataset = generateJiraDataset({
      seed: 77,
      projectKeys: ['ENG', 'OPS', 'WEB', 'DATA'],
      issueCount: 10_000,
      overflowEvery: 100,
    });
    const { simulator, connection } = await startSimulatedJira('cloud', dataset);
    const { dataSource, database } = await createMigratedDataSource();
    try {
      const started = Date.now();
      const report = await runJiraSync({ dataSource, connection, logger: silentLogger() }, {});
      const syncSeconds = (Date.now() - started) / 1000;
      const overflowing = dataset.issues.filter((issue) => issue.histories.length > 100).length;
      const requests = simulator.requests.length;

      global.gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      const convertOnly = await replayJiraFromRaw(dataSource, { write: false });
      const heapPeakMiB = Math.round((process.memoryUsage().heapUsed - heapBefore) / 1048576);
      const withWrites = await replayJiraFromRaw(dataSource, { write: true });
      const changes: { n: number }[] = await dataSource.query(
        `SELECT count(*)::int AS n FROM work_item_change`,
      );
      return {
        'issues synced': report.issuesSynced,
        'changelog entries (work_item_change rows)': changes[0]?.n ?? 0,
        'issues with overflowing changelog': overflowing,
        'API requests (simulator)': requests,
        'request budget (150 + overflowing)': 150 + overflowing,
        'backfill seconds': Number(syncSeconds.toFixed(1)),
        'extract+convert from raw, issues per second': Math.round(
          convertOnly.issues / (convertOnly.convertMs / 1000),
        ),
        'replay incl. domain writes (no-op upserts), issues per second': Math.round(
          withWrites.issues / ((withWrites.convertMs + withWrites.writeMs) / 1000),
        ),
        'heap growth during extract+convert MiB': heapPeakMiB,
      };
    } finally {
      await dataSource.destroy();
      await database.drop();
      await simulator.close();
      stopThrowawayServer(server);
    }
  },
};
