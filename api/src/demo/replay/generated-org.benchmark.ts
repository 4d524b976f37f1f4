import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
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
import { dataSourceOptions } from '../../database/data-source-options';
import { runMigrations } from '../../database/migration-runner';
import {
  startKeptServer,
  startThrowawayServer,
  stopKeptServer,
  stopThrowawayServer,
} from '../../testing/postgres-server';
import { groundTruthFileOf } from '../demo-build';
import { buildSkeleton } from '../generator/org-skeleton';
import type { GroundTruthFile, GroundTruthItem } from '../ground-truth';
import { streamingGeneratorHeapMiB, type StreamFigures } from '../stream-to-files';
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
 * `GENERATED_ORG_PRS` (default 100000) sets the size; `GENERATED_ORG_DIR` keeps the run there:
 * the generation, the database cluster and each finished stage's report. A later run of the same
 * size and seed goes on from the first unfinished stage: at 1M PRs the whole run takes longer
 * than one sitting. An unfinished replay starts again on an empty database; an unfinished
 * after-sync stage goes on with the line traces it already stored.
 */
const seed = 7;
const generatedManifest = 'generated.json';
const stagesFile = 'stages.json';
const keptDatabaseName = 'rr_generated_org';

interface ReplayStage {
  report: ReplayReport;
  peakRssMiB: number;
  seconds: number;
}
interface AfterSyncStage {
  report: AfterSyncReport;
  peakRssMiB: number;
  seconds: number;
}
/** What a kept run has finished so far. */
interface Stages {
  replay?: ReplayStage;
  afterSync?: AfterSyncStage;
  /** After-sync runs started, the finished one included. */
  afterSyncAttempts?: number;
}

async function readStages(dir: string): Promise<Stages> {
  const path = join(dir, stagesFile);
  return existsSync(path) ? (JSON.parse(await readFile(path, 'utf8')) as Stages) : {};
}

async function writeStages(dir: string, stages: Stages): Promise<void> {
  await writeFile(join(dir, stagesFile), JSON.stringify(stages, null, 2));
}

interface BenchDatabase {
  url: string;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * A throwaway cluster, or one kept in `<dir>/postgres` that a later run opens again. `fresh` drops
 * the kept database first.
 */
async function openDatabase(keptDir: string | undefined, fresh: boolean): Promise<BenchDatabase> {
  const server =
    keptDir === undefined
      ? await startThrowawayServer()
      : await startKeptServer(join(keptDir, 'postgres'));
  const admin = new Client({ connectionString: server.adminUrl });
  await admin.connect();
  try {
    if (fresh) await admin.query(`DROP DATABASE IF EXISTS "${keptDatabaseName}" WITH (FORCE)`);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      keptDatabaseName,
    ]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${keptDatabaseName}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(server.adminUrl);
  url.pathname = `/${keptDatabaseName}`;
  const dataSource = new DataSource(dataSourceOptions(url.toString()));
  await dataSource.initialize();
  await runMigrations(dataSource);
  return {
    url: url.toString(),
    dataSource,
    async close() {
      await dataSource.destroy();
      if (keptDir === undefined) stopThrowawayServer(server);
      else stopKeptServer(server);
    },
  };
}

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
  const generated = await runChild<StreamFigures>(
    join(__dirname, '..', 'generate.cli.js'),
    ['--prs', String(prs), '--seed', String(seed), '--out', dir, '--stream'],
    [`--max-old-space-size=${streamingGeneratorHeapMiB}`],
  );
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
    const generated = await generate(dir, prs, figures);
    figures[`${label}: generated PRs / work items / rework items`] =
      `${generated.pullRequests} / ${generated.workItems} / ${generated.reworkItems}`;
    figures[`${label}: generation with git s`] = Math.round(generated.seconds);
    figures[`${label}: generation PRs per s`] = generated.prsPerSecond;
    figures[`${label}: generation peak RSS MiB (node / largest fast-import)`] =
      `${generated.peakRssMb} / ${generated.importerPeakRssMb ?? '-'}`;

    const stages = keep === undefined ? {} : await readStages(dir);
    const saveStages = async (): Promise<void> => {
      if (keep !== undefined) await writeStages(dir, stages);
    };
    const database = await openDatabase(
      keep === undefined ? undefined : dir,
      stages.replay === undefined,
    );
    const { dataSource } = database;
    try {
      if (stages.replay === undefined) {
        const started = Date.now();
        const child = await runChild<Omit<ReplayStage, 'seconds'>>(
          join(__dirname, 'generated-org.child.js'),
          ['replay', database.url, dir, String(seed)],
        );
        stages.replay = { ...child, seconds: seconds(Date.now() - started) };
        await saveStages();
      } else figures[`${label}: replay`] = `finished by an earlier run in ${dir}`;
      const replay = stages.replay;
      figures[`${label}: replay through simulators + connectors s`] = replay.seconds;
      figures[`${label}: replay GitHub s / Jira s (side by side)`] =
        `${Math.round(replay.report.github.seconds)} / ${Math.round(replay.report.jira.seconds)}`;
      figures[`${label}: replay PRs / work items stored`] =
        `${replay.report.github.pullRequestsStored} / ${replay.report.jira.issuesSynced}`;
      figures[`${label}: replay quarantined`] =
        replay.report.github.quarantined + replay.report.jira.quarantined;
      figures[`${label}: replay peak RSS MiB`] = replay.peakRssMiB;

      if (stages.afterSync === undefined) {
        stages.afterSyncAttempts = (stages.afterSyncAttempts ?? 0) + 1;
        await saveStages();
        const started = Date.now();
        const child = await runChild<Omit<AfterSyncStage, 'seconds'>>(
          join(__dirname, 'generated-org.child.js'),
          ['after-sync', database.url, dir, String(seed)],
          ['--max-old-space-size=20480'],
        );
        stages.afterSync = { ...child, seconds: seconds(Date.now() - started) };
        await saveStages();
      }
      const afterSync = stages.afterSync;
      const report = afterSync.report;
      figures[`${label}: after-sync runs (figures are the last one's)`] =
        stages.afterSyncAttempts ?? 1;
      figures[`${label}: after-sync steps s`] = afterSync.seconds;
      figures[`${label}: first analysis (line tracing) s`] = seconds(report.analysis.durationMs);
      figures[`${label}: fix commits traced / failed`] =
        `${report.analysis.counts.traces.traced} / ${report.analysis.counts.traces.failed}`;
      figures[`${label}: fix commits traced by an earlier, unfinished run`] =
        report.analysis.counts.traces.cached;
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
      await database.close();
      if (keep === undefined) await rm(dir, { recursive: true, force: true });
    }
  },
};
