import { fork } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Benchmark, Figures } from '../../bench/benchmark';
import type { GroundTruthFile } from '../../demo/ground-truth';
import { startThrowawayServer, stopThrowawayServer } from '../../testing/postgres-server';
import { silentLogger } from '../../testing/silent-logger';
import { createMigratedDataSource } from '../../testing/test-database';
import { analyseAll } from '../analyse';
import { parseAnalysisConfig } from '../core';
import { defaultLinkBase } from '../detection/detected-rework';
import {
  evaluateAgainstGroundTruth,
  formatEvaluation,
  loadDetectedItems,
  type Evaluation,
} from '../evaluation/ground-truth-evaluation';

/**
 * A 100,000-PR demo organisation (the demo generator, streamed into git and the simulators,
 * synced by the real connectors in a child process), then a timed full re-analysis in this
 * process with its peak RSS, and detection and cause figures against the ground truth with the
 * confusion matrix. `ANALYSIS_BENCH_PRS` sets another size. Also writes bench-results/analysis.json.
 */
const resultsFile = resolve(__dirname, '..', '..', '..', '..', 'bench-results', 'analysis.json');

function loadInChild(
  url: string,
  dataDir: string,
  prs: number,
): Promise<{ groundTruthPath: string; loadSeconds: number }> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(join(__dirname, 'load-demo.child.js'), [url, dataDir, String(prs)]);
    let answer: { groundTruthPath: string; loadSeconds: number } | undefined;
    child.on('message', (message) => (answer = message as typeof answer));
    child.on('exit', (code) =>
      answer !== undefined && code === 0
        ? resolvePromise(answer)
        : reject(new Error(`demo load exited with code ${code ?? 'null'}`)),
    );
  });
}

export function evaluationFigures(evaluation: Evaluation): Figures {
  const figures: Figures = {};
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
  return figures;
}

export const analysis100kBenchmark: Benchmark = {
  name: 'analysis-100k',
  description:
    'Full re-analysis of a 100,000-PR demo organisation: seconds, peak RSS, detection and cause figures with the confusion matrix',
  async run() {
    const prs = Number(process.env.ANALYSIS_BENCH_PRS ?? 100_000);
    const server = await startThrowawayServer();
    process.env.RR_TEST_ADMIN_URL = server.adminUrl;
    const { dataSource, database } = await createMigratedDataSource();
    const dataDir = await mkdtemp(join(tmpdir(), 'rr-bench-analysis-100k-'));
    try {
      const loaded = await loadInChild(database.url, dataDir, prs);
      const truth = JSON.parse(await readFile(loaded.groundTruthPath, 'utf8')) as GroundTruthFile;
      const rssBefore = process.memoryUsage().rss;
      let peak = rssBefore;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 50);
      const report = await analyseAll(dataSource, {
        logger: silentLogger(),
        dataDir,
        config: parseAnalysisConfig({}),
        links: defaultLinkBase,
      });
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      const evaluation = evaluateAgainstGroundTruth(
        truth,
        await loadDetectedItems(dataSource.manager),
      );
      process.stdout.write(`${formatEvaluation(evaluation)}\n`);
      const [counts] = await dataSource.query<{ prs: number; items: number }[]>(
        'SELECT (SELECT count(*)::int FROM pull_request) AS prs, (SELECT count(*)::int FROM work_item) AS items',
      );
      const figures: Figures = {
        'pull requests': counts?.prs ?? 0,
        'work items': counts?.items ?? 0,
        'demo load seconds (generate + sync + first analysis, child process)': Math.round(
          loaded.loadSeconds,
        ),
        'full re-analysis seconds': Number((report.durationMs / 1000).toFixed(1)),
        'analysis peak RSS MB (sampled)': Math.round(peak / 1_048_576),
        'rss MB before analysis': Math.round(rssBefore / 1_048_576),
        'rework items': Object.values(report.counts.reworkItems).reduce((sum, n) => sum + n, 0),
        ...evaluationFigures(evaluation),
      };
      await writeFile(
        resultsFile,
        `${JSON.stringify(
          {
            name: 'analysis',
            measuredAt: new Date().toISOString(),
            scale: { prs },
            figures,
            kinds: evaluation.kinds,
            causeConfusion: evaluation.causeConfusion,
            kindConfusion: evaluation.kindConfusion,
          },
          null,
          2,
        )}\n`,
      );
      return figures;
    } finally {
      await dataSource.destroy();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
      stopThrowawayServer(server);
    }
  },
};
