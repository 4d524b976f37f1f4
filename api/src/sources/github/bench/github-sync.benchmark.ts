import type { Benchmark } from '../../../bench/benchmark';
import { startThrowawayServer, stopThrowawayServer } from '../../../testing/postgres-server';
import { createMigratedDataSource } from '../../../testing/test-database';
import { silentLogger } from '../../../testing/silent-logger';
import { runGithubSync } from '../github-sync';
import { replayPullRequestsFromRaw } from '../replay-from-raw';
import { generateOrganisation } from '../simulator/dataset-generator';
import { GithubSimulator } from '../simulator/github-simulator';

/** Backfill of a simulated 10,000-PR organisation, then extract + convert again from the raw layer. */
export const githubSyncBenchmark: Benchmark = {
  name: 'github-backfill-10k',
  description: 'GitHub backfill of 10 repos x 1,000 PRs from the simulator; replay from raw',
  async run() {
    const server = await startThrowawayServer();
    process.env.RR_TEST_ADMIN_URL = server.adminUrl;
    const simulator = await new GithubSimulator(
      generateOrganisation({ repositories: 10, pullRequestsPerRepository: 1000, seed: 9 }),
    ).start();
    const { dataSource, database } = await createMigratedDataSource();
    try {
      const started = Date.now();
      const report = await runGithubSync(
        {
          dataSource,
          connection: {
            apiUrl: simulator.apiUrl,
            auth: { kind: 'token', token: 'bench' },
            org: 'acme',
            repos: [],
          },
          logger: silentLogger(),
        },
        { graphqlGapMs: 0, retryBaseMs: 50 },
      );
      const syncSeconds = (Date.now() - started) / 1000;
      const counters = { ...simulator.counters };
      simulator.resetCounters();
      await runGithubSync(
        {
          dataSource,
          connection: {
            apiUrl: simulator.apiUrl,
            auth: { kind: 'token', token: 'bench' },
            org: 'acme',
            repos: [],
          },
          logger: silentLogger(),
        },
        { graphqlGapMs: 0 },
      );
      const resyncRequests = simulator.counters.requests;
      const replayStarted = Date.now();
      const replayed = await replayPullRequestsFromRaw(dataSource);
      const replaySeconds = (Date.now() - replayStarted) / 1000;
      return {
        'pull requests stored': report.pullRequestsStored,
        'API requests (simulator)': counters.requests,
        'GraphQL points (simulator)': counters.graphqlPoints,
        'backfill seconds': Number(syncSeconds.toFixed(1)),
        'no-change re-sync requests (10 repos)': resyncRequests,
        'replayed PRs': replayed,
        'extract+convert PRs per second': Math.round(replayed / replaySeconds),
      };
    } finally {
      await dataSource.destroy();
      await database.drop();
      await simulator.stop();
      stopThrowawayServer(server);
    }
  },
};
