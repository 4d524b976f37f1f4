import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Benchmark, Figures } from '../../bench/benchmark';
import { defaultDemoScale, defaultDemoSeed, loadDemoOrganisation } from '../../demo/demo-loader';
import type { GroundTruthFile } from '../../demo/ground-truth';
import { startThrowawayServer, stopThrowawayServer } from '../../testing/postgres-server';
import { silentLogger } from '../../testing/silent-logger';
import { createMigratedDataSource } from '../../testing/test-database';
import { analyseAll } from '../analyse';
import { parseAnalysisConfig } from '../core';
import { defaultLinkBase } from '../detection/detected-rework';
import {
  evaluateAgainstGroundTruth,
  loadDetectedItems,
} from '../evaluation/ground-truth-evaluation';
import { refitFromGroundTruth } from './refit-from-ground-truth';

/**
 * The default demo organisation (4,000 PRs) loaded once through the simulators and connectors
 * into a throwaway database; then a timed full re-analysis (traces cached by the load, as after
 * any sync) scored against the demo's ground truth; then what a re-fit from a quarter of the
 * items overridden with their true cause buys on the rest (`refitFromGroundTruth`).
 */
export const analysisDemoBenchmark: Benchmark = {
  name: 'analysis-demo',
  description:
    'Full re-analysis of the default demo organisation (4,000 PRs); detection and cause accuracy against its ground truth',
  async run() {
    const server = await startThrowawayServer();
    process.env.RR_TEST_ADMIN_URL = server.adminUrl;
    const { dataSource, database } = await createMigratedDataSource();
    const dataDir = await mkdtemp(join(tmpdir(), 'rr-bench-analysis-'));
    try {
      const loadStarted = Date.now();
      const loaded = await loadDemoOrganisation({
        dataDir,
        dataSource,
        logger: silentLogger(),
        seed: defaultDemoSeed,
        scale: defaultDemoScale,
      });
      const loadSeconds = (Date.now() - loadStarted) / 1000;
      const truth = JSON.parse(await readFile(loaded.groundTruthPath, 'utf8')) as GroundTruthFile;
      const rssBefore = process.memoryUsage().rss;
      const config = parseAnalysisConfig({});
      const report = await analyseAll(dataSource, {
        logger: silentLogger(),
        dataDir,
        config,
        links: defaultLinkBase,
      });
      const evaluation = evaluateAgainstGroundTruth(
        truth,
        await loadDetectedItems(dataSource.manager),
      );
      const figures: Figures = {
        'demo load seconds (sync + first analysis)': Number(loadSeconds.toFixed(1)),
        'full re-analysis seconds': Number((report.durationMs / 1000).toFixed(2)),
        'rework items': Object.values(report.counts.reworkItems).reduce((sum, n) => sum + n, 0),
        'rss MB after analysis': Math.round(
          Math.max(rssBefore, process.memoryUsage().rss) / 1_048_576,
        ),
      };
      for (const [kind, kindFigures] of Object.entries(evaluation.kinds)) {
        figures[`${kind} recall`] = kindFigures.recall ?? '-';
        figures[`${kind} precision`] = kindFigures.precision ?? '-';
      }
      figures['cause macro-F1'] = evaluation.macroF1;
      figures['cause unknown share'] = evaluation.unknownShare;
      for (const truthCause of ['missing_context', 'execution']) {
        const row = evaluation.causeConfusion[truthCause] ?? {};
        figures[`confusion ${truthCause} -> mc/ex/unknown`] =
          `${row.missing_context ?? 0}/${row.execution ?? 0}/${row.unknown ?? 0}`;
      }
      // Last: it overrides items and activates a re-fitted model.
      Object.assign(figures, await refitFromGroundTruth(dataSource, truth, config));
      return figures;
    } finally {
      await dataSource.destroy();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
      stopThrowawayServer(server);
    }
  },
};
