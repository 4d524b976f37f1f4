import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { defaultDemoScale, loadDemoOrganisation } from '../demo/demo-loader';
import { silentLogger } from '../testing/silent-logger';
import { createMigratedDataSource, type TestDatabase } from '../testing/test-database';
import type { DataSource } from 'typeorm';
import { startAppOn, type RunningApp } from './in-process-app';
import { percentile } from './latency-stats';
import { printFigure } from './queue-audit';

const durationSeconds = Number(process.env.RELIABILITY_LOAD_SECONDS ?? 60);
const connections = Number(process.env.RELIABILITY_LOAD_CONNECTIONS ?? 100);

/** The main read endpoints, as the web app calls them. */
const readPaths = [
  '/api/pull-requests?limit=50',
  '/api/work-items?limit=50',
  '/api/rework?limit=50',
  '/api/metrics',
  '/api/teams',
  '/api/review-calibration?limit=50',
];

/**
 * 100 concurrent clients (autocannon) on the main read endpoints for 60 s against the api in
 * this process over the demo org at its default scale: no errors; p95 and throughput reported.
 */
describe('read endpoints under load on the demo org', () => {
  let running: RunningApp;
  let test: { dataSource: DataSource; database: TestDatabase };

  beforeAll(async () => {
    test = await createMigratedDataSource();
    // The generated demo files are kept between runs (generation is the slow part).
    const dataDir = resolve(__dirname, '..', '..', 'reports', 'reliability-cache');
    mkdirSync(dataDir, { recursive: true });
    const loaded = await loadDemoOrganisation({
      dataDir,
      dataSource: test.dataSource,
      logger: silentLogger(),
      scale: defaultDemoScale,
    });
    printFigure('load: demo org loaded (s)', (loaded.durationMs / 1000).toFixed(1));
    running = await startAppOn(test.database.url);
  }, 1_800_000);
  afterAll(async () => {
    await running.close();
    await test.dataSource.destroy();
    await test.database.drop();
  });

  it(`answers ${connections} concurrent clients for ${durationSeconds} s without an error`, async () => {
    for (const path of readPaths) {
      const answer = await fetch(`${running.baseUrl}${path}`, { headers: running.auth });
      expect({ path, status: answer.status }).toEqual({ path, status: 200 });
    }
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const result = await new Promise<autocannon.Result>((done, fail) => {
      const instance = autocannon(
        {
          url: running.baseUrl,
          connections,
          duration: durationSeconds,
          timeout: 30,
          headers: running.auth,
          requests: readPaths.map((path) => ({ method: 'GET' as const, path })),
        },
        (error: unknown, outcome: autocannon.Result) => {
          if (error !== null && error !== undefined)
            fail(error instanceof Error ? error : new Error('autocannon failed', { cause: error }));
          else done(outcome);
        },
      );
      // Every response's time, for a true p95 (autocannon's summary has p90 and p97.5, not p95).
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        latencies.push(responseTime);
        statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
      });
    });
    const total = result.requests.total;
    const failures = result.errors + result.timeouts + result.non2xx;
    printFigure('load: connections / duration (s)', `${connections} / ${durationSeconds}`);
    printFigure('load: requests', total);
    printFigure('load: throughput (requests/s)', result.requests.average.toFixed(1));
    printFigure('load: latency p50 (ms)', percentile(latencies, 50).toFixed(1));
    printFigure('load: latency p95 (ms)', percentile(latencies, 95).toFixed(1));
    printFigure('load: latency p99 (ms)', percentile(latencies, 99).toFixed(1));
    printFigure(
      'load: errors / timeouts / non-2xx',
      `${result.errors} / ${result.timeouts} / ${result.non2xx}`,
    );
    printFigure('load: error rate', total === 0 ? 'n/a' : (failures / total).toFixed(4));
    printFigure(
      'load: status codes',
      [...statuses.entries()].map(([code, count]) => `${code}=${count}`).join(', '),
    );
    expect(total).toBeGreaterThan(0);
    expect(failures).toBe(0);
  });
});
