import type { RunningApp } from '../reliability/in-process-app';
import type { Figures } from './benchmark';
import { loadInWorker } from './http-load';

/**
 * What the API benchmarks measure the same way whatever wrote the organisation, against the app
 * `startAppOn` runs in-process: the dashboard's three endpoints under concurrent clients, and
 * explain requests one at a time.
 */
export const clients = 20;
export const requestsPerClient = 25;

/** Requests per client sent first and reported apart: a fresh process compiles its request path on them. */
const warmUpPerClient = 3;

export const seconds = (ms: number): number => Math.round(ms / 100) / 10;

/** Peak RSS of this process so far, MiB (each benchmark runs in its own process). */
export const peakRssMiB = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

/** The teams (slugs) and repositories (`owner/name`) the requests are spread over; 2024-07 to 2025-12 hold data. */
export interface DashboardScope {
  teams: readonly string[];
  repos: readonly string[];
}

/** `clients` lists of `perClient` paths, the n-th request of the whole run from `pathAt(n)`. */
function plan(pathAt: (turn: number) => string, perClient = requestsPerClient): string[][] {
  return Array.from({ length: clients }, (_, client) =>
    Array.from({ length: perClient }, (_, index) => pathAt(client * perClient + index)),
  );
}

const pick = (list: readonly string[], turn: number): string => list[turn % list.length] ?? '';

/** The dashboard's three endpoints under `clients` concurrent clients: first requests apart, then the steady state. */
export async function measureEndpoints(
  app: RunningApp,
  label: string,
  figures: Figures,
  scope: DashboardScope,
): Promise<void> {
  const endpoints: Array<[string, (turn: number) => string]> = [
    [
      'overview',
      (turn) =>
        `/api/metrics?period=quarter&from=2024-07-01&to=2026-01-01${turn % 6 === 0 ? '' : `&team=${pick(scope.teams, turn)}`}`,
    ],
    [
      'quarterly',
      (turn) => `/api/quarterly?quarter=2025-Q${1 + (turn % 4)}&team=${pick(scope.teams, turn)}`,
    ],
    [
      'filtered rework page',
      (turn) => `/api/rework?cause=missing_context&repo=${pick(scope.repos, turn)}&limit=50`,
    ],
  ];
  for (const [name, pathAt] of endpoints) {
    const first = await loadInWorker({
      base: app.baseUrl,
      headers: app.auth,
      clients: plan(pathAt, warmUpPerClient),
    });
    figures[`${label}: ${name} first requests p95 ms`] = first.p95;
    const latencies = await loadInWorker({
      base: app.baseUrl,
      headers: app.auth,
      clients: plan(pathAt),
    });
    figures[`${label}: ${name} p50 ms`] = latencies.p50;
    figures[`${label}: ${name} p95 ms`] = latencies.p95;
    figures[`${label}: ${name} errors`] = latencies.errors + first.errors;
  }
}

/** Explain requests one at a time (a person drilling into a number), the slowest of three each. */
export async function measureExplains(
  app: RunningApp,
  label: string,
  figures: Figures,
  scope: DashboardScope,
): Promise<void> {
  const team = scope.teams[0] ?? '';
  const explains: Array<[string, string]> = [
    [
      'explain merged PRs, org quarter',
      '/api/metrics/velocity-pull-request-throughput/explain?period=quarter&start=2025-04-01&limit=50',
    ],
    [
      'explain merged PRs, team month',
      `/api/metrics/velocity-pull-request-throughput/explain?period=month&start=2025-05-01&team=${team}&limit=50`,
    ],
    [
      'explain deployments, team quarter',
      `/api/metrics/dora-change-failure-rate/explain?period=quarter&start=2025-04-01&team=${team}&limit=50`,
    ],
    [
      'explain rework, repo month',
      `/api/metrics/context-missing-context-rework-share/explain?period=month&start=2025-05-01&repo=${scope.repos[0] ?? ''}&limit=50`,
    ],
  ];
  for (const [name, path] of explains) {
    const times: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const started = performance.now();
      const response = await fetch(`${app.baseUrl}${path}`, { headers: app.auth });
      await response.arrayBuffer();
      // One failed explain is a figure, not the end of the run (a lost run costs an hour at 1M).
      if (!response.ok) {
        figures[`${label}: ${name} status`] = response.status;
        break;
      }
      times.push(performance.now() - started);
    }
    if (times.length === 3)
      figures[`${label}: ${name} ms (slowest of 3)`] = Math.round(Math.max(...times));
  }
}
