import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { createApp } from '../app.factory';
import type { Benchmark, Figures } from '../bench/benchmark';
import { parseConfig } from '../config/app-config';
import { silentLogger } from '../testing/silent-logger';
import { startThrowawayServer, stopThrowawayServer } from '../testing/postgres-server';
import { createMigratedDataSource } from '../testing/test-database';
import { applyTeamsConfig } from '../teams/teams.store';
import { refreshMetricRollups } from './refresh-metric-rollups';

/**
 * The metrics API at organisation sizes: domain and analysis rows written directly with
 * set-based INSERTs (not through the connectors: a 100k-PR sync would take an hour here), the
 * rollups refreshed for real, then 20 concurrent clients on the overview, quarterly and a
 * filtered rework page against the app started in-process on 127.0.0.1.
 */
const sizes = [10_000, 100_000];
const clients = 20;
const requestsPerClient = 25;
const people = 40;
const teams = ['growth', 'mobile', 'payments', 'platform', 'search'];

async function seed(dataSource: DataSource, prs: number): Promise<void> {
  await dataSource.query(`INSERT INTO repository (id, source_id, full_name, owner, name, default_branch, is_private, created_at, raw_payload_id)
    SELECT 'github:acme/repo-' || r, 'R' || r, 'acme/repo-' || r, 'acme', 'repo-' || r, 'main', false, '2024-01-01', 1 FROM generate_series(1, 10) r`);
  await dataSource.query(
    `INSERT INTO person (id, display_name, email, is_bot) SELECT 'person:github:user' || u, 'User ' || u, NULL, false FROM generate_series(0, $1 - 1) u`,
    [people],
  );
  await dataSource.query(
    `INSERT INTO identity (id, system, external_id, display_name, email, is_bot, person_id, raw_payload_id)
    SELECT 'github:user' || u, 'github', 'user' || u, 'User ' || u, NULL, false, 'person:github:user' || u, NULL FROM generate_series(0, $1 - 1) u`,
    [people],
  );
  // PRs spread evenly over 18 months from 2024-07-01, merged 4-52 hours after opening.
  await dataSource.query(
    `INSERT INTO pull_request (id, repository_id, number, source_id, title, body, author_login, state, is_draft, created_at, updated_at,
       merged_at, closed_at, additions, deletions, changed_files, head_ref, base_ref, is_agent, labels, raw_payload_id)
     SELECT 'github:acme/repo-' || (n % 10 + 1) || '#' || n, 'github:acme/repo-' || (n % 10 + 1), n, 'PR' || n, 'Change ' || n, '', 'user' || (n % $2), 'merged', false,
       timestamptz '2024-07-01' + (n::float8 / $1) * interval '547 days', now(),
       timestamptz '2024-07-01' + (n::float8 / $1) * interval '547 days' + (4 + n % 48) * interval '1 hour', NULL,
       n % 400, n % 120, 1 + n % 9, 'f/' || n, 'main', n % 17 = 0, '{}', 1
     FROM generate_series(1, $1) n`,
    [prs, people],
  );
  await dataSource.query(`INSERT INTO pull_request_review_score (pull_request_id, risk, depth, risk_components, depth_components, rubber_stamp, over_review)
    SELECT id, (number * 37) % 100, (number * 53) % 100, '[]', '[]', (number * 37) % 100 >= 60 AND (number * 53) % 100 < 10, (number * 37) % 100 <= 30 AND (number * 53) % 100 > 90 FROM pull_request`);
  // One rework item per 20 PRs: a follow-up fix of the PR 5 numbers earlier.
  await dataSource.query(
    `INSERT INTO rework_item (id, kind, repository_id, rework_pull_request_ids, rework_work_item_keys, incident_id, origin_pull_request_ids, origin_work_item_keys,
       detection_rule, detection, effort_pull_requests, effort_lines, effort_cycle_hours, occurred_at, detected_at, model_version)
     SELECT 'follow-up-fix:' || p.id, 'follow-up-fix', p.repository_id, ARRAY[p.id], '{}', NULL, ARRAY[o.id], '{}', 'szz-trace', '{"rules":["szz-trace"],"facts":[],"links":[]}', 1, p.additions + p.deletions, 5, p.merged_at, p.merged_at, 1
     FROM pull_request p JOIN pull_request o ON o.repository_id = p.repository_id AND o.number = p.number - 10 WHERE p.number % 20 = 0`,
  );
  await dataSource.query(`INSERT INTO cause_attribution (id, rework_item_id, model_version, cause, confidence, score_missing_context, score_execution, reason, evidence)
    SELECT id || '@v1', id, 1, CASE WHEN length(id) % 3 = 0 THEN 'missing_context' WHEN length(id) % 3 = 1 THEN 'execution' ELSE 'unknown' END, 0.7, 1, 1, 'decided', '[]' FROM rework_item`);
  await dataSource.transaction((manager) =>
    applyTeamsConfig(manager, {
      teams: teams.map((slug, index) => ({
        slug,
        name: slug,
        members: Array.from({ length: people / teams.length }, (_, k) => ({
          github: `user${index + k * teams.length}`,
        })),
        repositories: [],
        jiraProjects: [],
      })),
    }),
  );
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** 20 clients, each sending its requests one after the other; latency per request. */
async function load(base: string, path: () => string): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let index = 0; index < requestsPerClient; index += 1) {
        const started = performance.now();
        const response = await fetch(`${base}${path()}`);
        if (!response.ok) throw new Error(`${path()} answered ${response.status}`);
        await response.arrayBuffer();
        times.push(performance.now() - started);
      }
    }),
  );
  times.sort((a, b) => a - b);
  return {
    p50: Math.round(percentile(times, 50) * 10) / 10,
    p95: Math.round(percentile(times, 95) * 10) / 10,
  };
}

async function measure(prs: number, figures: Figures): Promise<void> {
  const { dataSource, database } = await createMigratedDataSource();
  try {
    await seed(dataSource, prs);
    const refresh = await refreshMetricRollups(dataSource, silentLogger());
    figures[`${prs} PRs: rollup refresh s`] = Math.round(refresh.durationMs / 100) / 10;
    figures[`${prs} PRs: rollup rows`] = refresh.rowsWritten;
    const again = await refreshMetricRollups(dataSource, silentLogger());
    figures[`${prs} PRs: unchanged refresh s`] = Math.round(again.durationMs / 100) / 10;
    const config = parseConfig(
      { DATABASE_URL: database.url, WEB_DIST_DIR: '/nonexistent' },
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
    try {
      let turn = 0;
      const overview = await load(
        base,
        () =>
          `/api/metrics?period=quarter&from=2024-07-01&to=2026-01-01${turn++ % 6 === 0 ? '' : `&team=${teams[turn % teams.length] ?? ''}`}`,
      );
      const quarterly = await load(
        base,
        () =>
          `/api/quarterly?quarter=2025-Q${1 + (turn++ % 4)}&team=${teams[turn % teams.length] ?? ''}`,
      );
      const rework = await load(
        base,
        () => `/api/rework?cause=missing_context&repo=acme/repo-${1 + (turn++ % 10)}&limit=50`,
      );
      Object.assign(figures, {
        [`${prs} PRs: overview p50 ms`]: overview.p50,
        [`${prs} PRs: overview p95 ms`]: overview.p95,
        [`${prs} PRs: quarterly p50 ms`]: quarterly.p50,
        [`${prs} PRs: quarterly p95 ms`]: quarterly.p95,
        [`${prs} PRs: filtered rework page p50 ms`]: rework.p50,
        [`${prs} PRs: filtered rework page p95 ms`]: rework.p95,
      });
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
  description: `Metrics API under ${clients} concurrent clients (${requestsPerClient} requests each) at ${sizes.join(' / ')} PRs written with set-based SQL; rollups refreshed for real`,
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
