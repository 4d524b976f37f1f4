import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../app.factory';
import { createAccount, createApiToken } from '../auth/accounts.store';
import type { Benchmark, Figures } from '../bench/benchmark';
import { loadInWorker } from '../bench/http-load';
import { parseConfig } from '../config/app-config';
import { silentLogger } from '../testing/silent-logger';
import { startThrowawayServer, stopThrowawayServer } from '../testing/postgres-server';
import { createMigratedDataSource } from '../testing/test-database';
import { benchTeams, seedBenchOrganisation } from './metrics-bench-seed';
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
const clients = 20;
const requestsPerClient = 25;
const teams = benchTeams;

/** `clients` lists of `perClient` paths, the n-th request of the whole run from `pathAt(n)`. */
function plan(pathAt: (turn: number) => string, perClient = requestsPerClient): string[][] {
  return Array.from({ length: clients }, (_, client) =>
    Array.from({ length: perClient }, (_, index) => pathAt(client * perClient + index)),
  );
}

/** Requests per client sent first and reported apart: a fresh process compiles its request path on them. */
const warmUpPerClient = 3;

const seconds = (ms: number): number => Math.round(ms / 100) / 10;

/** Peak RSS of this process so far, MiB (the benchmark runs in its own process). */
const peakRssMiB = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

/** The dashboard's three endpoints under `clients` concurrent clients: first requests apart, then the steady state. */
async function measureEndpoints(
  base: string,
  headers: Record<string, string>,
  label: string,
  figures: Figures,
): Promise<void> {
  const endpoints: Array<[string, (turn: number) => string]> = [
    [
      'overview',
      (turn) =>
        `/api/metrics?period=quarter&from=2024-07-01&to=2026-01-01${turn % 6 === 0 ? '' : `&team=${teams[turn % teams.length] ?? ''}`}`,
    ],
    [
      'quarterly',
      (turn) =>
        `/api/quarterly?quarter=2025-Q${1 + (turn % 4)}&team=${teams[turn % teams.length] ?? ''}`,
    ],
    [
      'filtered rework page',
      (turn) => `/api/rework?cause=missing_context&repo=acme/repo-${1 + (turn % 10)}&limit=50`,
    ],
  ];
  for (const [name, pathAt] of endpoints) {
    const first = await loadInWorker({
      base,
      headers,
      clients: plan(pathAt, warmUpPerClient),
    });
    figures[`${label}: ${name} first requests p95 ms`] = first.p95;
    const latencies = await loadInWorker({ base, headers, clients: plan(pathAt) });
    figures[`${label}: ${name} p50 ms`] = latencies.p50;
    figures[`${label}: ${name} p95 ms`] = latencies.p95;
    figures[`${label}: ${name} errors`] = latencies.errors + first.errors;
  }
}

/** Explain requests one at a time (a person drilling into a number), the slowest of three each. */
async function measureExplains(
  base: string,
  headers: Record<string, string>,
  label: string,
  figures: Figures,
): Promise<void> {
  const explains: Array<[string, string]> = [
    [
      'explain merged PRs, org quarter',
      '/api/metrics/velocity-pull-request-throughput/explain?period=quarter&start=2025-04-01&limit=50',
    ],
    [
      'explain merged PRs, team month',
      `/api/metrics/velocity-pull-request-throughput/explain?period=month&start=2025-05-01&team=${teams[0] ?? ''}&limit=50`,
    ],
    [
      'explain deployments, team quarter',
      `/api/metrics/dora-change-failure-rate/explain?period=quarter&start=2025-04-01&team=${teams[0] ?? ''}&limit=50`,
    ],
    [
      'explain rework, repo month',
      '/api/metrics/context-missing-context-rework-share/explain?period=month&start=2025-05-01&repo=acme/repo-1&limit=50',
    ],
  ];
  for (const [name, path] of explains) {
    const times: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const started = performance.now();
      const response = await fetch(`${base}${path}`, { headers });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      times.push(performance.now() - started);
    }
    figures[`${label}: ${name} ms (slowest of 3)`] = Math.round(Math.max(...times));
  }
}

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
    const config = parseConfig(
      // Requests only: no job worker polling beside the measured endpoints.
      { DATABASE_URL: database.url, WEB_DIST_DIR: '/nonexistent', WORKER_IN_API: 'false' },
      '/tmp',
    );
    const app = await createApp(
      config,
      { engine: 'external', url: database.url, close: () => Promise.resolve() },
      silentLogger(),
    );
    await app.listen(0, '127.0.0.1');
    const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    const account = await createAccount(dataSource.manager, {
      email: `bench-${prs}@rework-radar.test`,
      displayName: 'Benchmark',
      role: 'admin',
      teamSlugs: [],
      passwordHash: null,
    });
    const { token } = await createApiToken(dataSource.manager, account.id, 'bench');
    const headers = { Authorization: `Bearer ${token}` };
    try {
      await measureEndpoints(base, headers, label, figures);
      await measureExplains(base, headers, label, figures);
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
