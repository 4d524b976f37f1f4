import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { evaluationFigures } from '../../analysis/bench/analysis-100k.benchmark';
import {
  evaluateAgainstGroundTruth,
  loadDetectedItems,
} from '../../analysis/evaluation/ground-truth-evaluation';
import type { Benchmark, Figures } from '../../bench/benchmark';
import { measureEndpoints, measureExplains, peakRssMiB, seconds } from '../../bench/dashboard-load';
import { startAppOn } from '../../reliability/in-process-app';
import type { AfterSyncReport } from '../../sync/after-sync';
import { demoTeamsConfig } from '../../teams/demo-teams';
import { startThrowawayServer, stopThrowawayServer } from '../../testing/postgres-server';
import { createMigratedDataSource } from '../../testing/test-database';
import { groundTruthFileOf } from '../demo-build';
import { buildSkeleton } from '../generator/org-skeleton';
import type { GroundTruthFile, GroundTruthItem } from '../ground-truth';
import type { StreamFigures } from '../stream-to-files';
import { NdjsonReader } from './ndjson-reader';
import { generatedFiles, type ReplayReport } from './replay-generated-org';

/**
 * The whole pipeline at organisation scale, as #7 asks: the demo generator streamed into NDJSON
 * and real git histories, replayed through the GitHub and Jira simulators into the real
 * connectors, then what every sync is followed by (teams, identities, links, the first analysis
 * with line tracing, the rollups), detection and cause figures against the ground truth, and the
 * dashboard's endpoints under 20 concurrent clients. Generation, replay and analysis each run in
 * their own process, so each peak RSS is that stage's.
 *
 * `GENERATED_ORG_PRS` (default 100000) sets the size; `GENERATED_ORG_DIR` keeps the generation
 * there, and a later run of the same size and seed reuses it (at 1M PRs the generation takes hours).
 */
const seed = 7;
const generatedManifest = 'generated.json';

/** Runs a script of this build in a child process and answers what it reported. */
function runChild<T>(script: string, args: string[], execArgv: string[] = []): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(script, args, { execArgv, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let answer: T | undefined;
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.on('message', (message) => (answer = message as T));
    child.on('exit', (code) => {
      // The generator CLI prints its figures as one JSON line instead of sending them.
      if (answer === undefined && code === 0 && stdout.trim() !== '')
        answer = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as T;
      if (answer === undefined || code !== 0)
        reject(new Error(`${script} ${args[0] ?? ''} exited with code ${code ?? 'null'}`));
      else resolvePromise(answer);
    });
  });
}

async function generate(dir: string, prs: number, figures: Figures): Promise<StreamFigures> {
  const manifestPath = join(dir, generatedManifest);
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
      seed: number;
      prs: number;
      figures: StreamFigures;
    };
    if (manifest.seed === seed && manifest.prs === prs) {
      figures['generation'] = `reused from ${dir}`;
      return manifest.figures;
    }
  }
  await rm(dir, { recursive: true, force: true });
  const generated = await runChild<StreamFigures>(join(__dirname, '..', 'generate.cli.js'), [
    '--prs',
    String(prs),
    '--seed',
    String(seed),
    '--out',
    dir,
    '--stream',
  ]);
  await writeFile(manifestPath, JSON.stringify({ seed, prs, figures: generated }, null, 2));
  return generated;
}

async function groundTruth(dir: string, prs: number): Promise<GroundTruthFile> {
  const reader = new NdjsonReader<GroundTruthItem>(join(dir, generatedFiles.groundTruth));
  const items: GroundTruthItem[] = [];
  for (let batch = await reader.batch(10_000); batch.length > 0; batch = await reader.batch(10_000))
    items.push(...batch);
  return groundTruthFileOf(buildSkeleton(seed), seed, prs, items);
}

export const generatedOrgBenchmark: Benchmark = {
  name: 'generated-org',
  description:
    'Demo generator streamed (NDJSON + git) -> simulators -> real connectors -> analysis with line tracing -> rollups -> dashboard under 20 clients; each stage timed with its peak RSS',
  async run() {
    const prs = Number(process.env.GENERATED_ORG_PRS ?? 100_000);
    const keep = process.env.GENERATED_ORG_DIR;
    const dir = resolve(keep ?? join(tmpdir(), `rr-generated-org-${prs}`));
    await mkdir(dir, { recursive: true });
    const label = `${prs} PRs`;
    const figures: Figures = {};
    const server = await startThrowawayServer();
    process.env.RR_TEST_ADMIN_URL = server.adminUrl;
    const { dataSource, database } = await createMigratedDataSource();
    try {
      let started = Date.now();
      const generated = await generate(dir, prs, figures);
      figures[`${label}: generated PRs / work items / rework items`] =
        `${generated.pullRequests} / ${generated.workItems} / ${generated.reworkItems}`;
      figures[`${label}: generation with git s`] = Math.round(generated.seconds);
      figures[`${label}: generation PRs per s`] = generated.prsPerSecond;
      figures[`${label}: generation peak RSS MiB (node / largest fast-import)`] =
        `${generated.peakRssMb} / ${generated.importerPeakRssMb ?? '-'}`;

      started = Date.now();
      const replay = await runChild<{ report: ReplayReport; peakRssMiB: number }>(
        join(__dirname, 'generated-org.child.js'),
        ['replay', database.url, dir, String(seed)],
      );
      figures[`${label}: replay through simulators + connectors s`] = seconds(Date.now() - started);
      figures[`${label}: replay GitHub s / Jira s (side by side)`] =
        `${Math.round(replay.report.github.seconds)} / ${Math.round(replay.report.jira.seconds)}`;
      figures[`${label}: replay PRs / work items stored`] =
        `${replay.report.github.pullRequestsStored} / ${replay.report.jira.issuesSynced}`;
      figures[`${label}: replay quarantined`] =
        replay.report.github.quarantined + replay.report.jira.quarantined;
      figures[`${label}: replay peak RSS MiB`] = replay.peakRssMiB;

      started = Date.now();
      const afterSync = await runChild<{ report: AfterSyncReport; peakRssMiB: number }>(
        join(__dirname, 'generated-org.child.js'),
        ['after-sync', database.url, dir, String(seed)],
        ['--max-old-space-size=20480'],
      );
      const report = afterSync.report;
      figures[`${label}: after-sync steps s`] = seconds(Date.now() - started);
      figures[`${label}: first analysis (line tracing) s`] = seconds(report.analysis.durationMs);
      figures[`${label}: fix commits traced / failed`] =
        `${report.analysis.counts.traces.traced} / ${report.analysis.counts.traces.failed}`;
      figures[`${label}: rollup refresh s`] = seconds(report.rollups.durationMs);
      figures[`${label}: after-sync peak RSS MiB`] = afterSync.peakRssMiB;

      const evaluation = evaluateAgainstGroundTruth(
        await groundTruth(dir, prs),
        await loadDetectedItems(dataSource.manager),
      );
      for (const [key, value] of Object.entries(evaluationFigures(evaluation)))
        figures[`${label}: ${key}`] = value;

      const app = await startAppOn(database.url);
      try {
        const skeleton = buildSkeleton(seed);
        const scope = {
          teams: demoTeamsConfig(seed).teams.map((team) => team.slug),
          repos: skeleton.repos.map((repo) => `${skeleton.organization}/${repo.name}`),
        };
        await measureEndpoints(app, label, figures, scope);
        await measureExplains(app, label, figures, scope);
      } finally {
        await app.close();
      }
      const [size] = await dataSource.query<{ bytes: string }[]>(
        'SELECT pg_database_size(current_database())::text AS bytes',
      );
      figures[`${label}: database size GiB`] =
        Math.round((Number(size?.bytes ?? 0) / 1024 ** 3) * 10) / 10;
      figures[`${label}: benchmark process peak RSS MiB`] = peakRssMiB();
      return figures;
    } finally {
      await dataSource.destroy();
      await database.drop();
      stopThrowawayServer(server);
      if (keep === undefined) await rm(dir, { recursive: true, force: true });
    }
  },
};
