import type { Benchmark, Figures } from '../bench/benchmark';
import {
  clients,
  measureEndpoints,
  measureExplains,
  peakRssMiB,
  requestsPerClient,
  seconds,
} from '../bench/dashboard-load';
import { startAppOn } from '../reliability/in-process-app';
import { silentLogger } from '../testing/silent-logger';
import { startThrowawayServer, stopThrowawayServer } from '../testing/postgres-server';
import { createMigratedDataSource } from '../testing/test-database';
import { benchRepos, benchTeams, seedBenchOrganisation } from './metrics-bench-seed';
import { refreshMetricRollups } from './refresh-metric-rollups';

/**
 * The metrics API at organisation sizes: an organisation written with set-based SQL
 * (`seedBenchOrganisation`: PRs, 1.5 work items per PR, rework, deployments, incidents, sprints),
 * the rollups refreshed for real (then once more with nothing new, and once after a late PR),
 * then 20 concurrent clients on the overview, quarterly and a filtered rework page against the
 * app started in-process on 127.0.0.1, signed in with an API token. Each endpoint's first
 * `warmUpPerClient` requests per client are reported apart from the steady-state percentiles.
 * `METRICS_BENCH_SIZES=10000,100000` picks the sizes (default 10k, 100k, 1M).
 */
const sizes = (process.env.METRICS_BENCH_SIZES ?? '10000,100000,1000000')
  .split(',')
  .map((size) => Number(size.trim()))
  .filter((size) => Number.isInteger(size) && size > 0);

async function measure(prs: number, figures: Figures): Promise<void> {
  const { dataSource, database } = await createMigratedDataSource();
  const label = `${prs} PRs`;
  try {
    let started = Date.now();
    await seedBenchOrganisation(dataSource, prs);
    figures[`${label}: seed s`] = seconds(Date.now() - started);
    const refresh = await refreshMetricRollups(dataSource, silentLogger());
    figures[`${label}: rollup refresh s`] = seconds(refresh.durationMs);
    figures[`${label}: rollup rows`] = refresh.rowsWritten;
    figures[`${label}: peak RSS after refresh MiB`] = peakRssMiB();
    const again = await refreshMetricRollups(dataSource, silentLogger());
    figures[`${label}: unchanged refresh s`] = seconds(again.durationMs);
    // A late PR in one week: the incremental refresh recomputes only the periods it falls in.
    await dataSource.query(
      `INSERT INTO pull_request (id, repository_id, number, source_id, title, body, author_login, state, is_draft, created_at, updated_at,
         merged_at, closed_at, additions, deletions, changed_files, head_ref, base_ref, merge_commit_sha, is_agent, labels, raw_payload_id)
       VALUES ('github:acme/repo-1#99999999', 'github:acme/repo-1', 99999999, 'PRLATE', 'Late change', '', 'user0', 'merged', false,
         '2025-03-11T10:00:00Z', now(), '2025-03-12T10:00:00Z', NULL, 30, 5, 2, 'f/late', 'main', 'shalate', false, '{}', 1)`,
    );
    started = Date.now();
    const late = await refreshMetricRollups(dataSource, silentLogger());
    figures[`${label}: refresh after one late PR s`] = seconds(Date.now() - started);
    figures[`${label}: periods recomputed after one late PR`] =
      `${late.periodsRecomputed} of ${late.periods}`;
    const app = await startAppOn(database.url);
    try {
      const scope = { teams: benchTeams, repos: benchRepos };
      await measureEndpoints(app, label, figures, scope);
      await measureExplains(app, label, figures, scope);
      figures[`${label}: peak RSS MiB`] = peakRssMiB();
    } finally {
      await app.close();
    }
  } finally {
    await dataSource.destroy();
    await database.drop();
  }
}

export const metricsApiBenchmark: Benchmark = {
  name: 'metrics-api',
  // The rollup refresh holds the whole dataset (about 2 GiB of records at 1M PRs) plus each period's inputs.
  heapMiB: 12_288,
  description: `Metrics API under ${clients} concurrent clients (${requestsPerClient} requests each) at ${sizes.join(' / ')} PRs (1.5 work items per PR) written with set-based SQL; rollups refreshed for real, then incrementally`,
  async run() {
    const server = await startThrowawayServer();
    process.env.RR_TEST_ADMIN_URL = server.adminUrl;
    const figures: Figures = {};
    try {
      for (const prs of sizes) await measure(prs, figures);
      return figures;
    } finally {
      stopThrowawayServer(server);
    }
  },
};
