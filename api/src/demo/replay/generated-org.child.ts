import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { parseAnalysisConfig } from '../../analysis/core';
import { demoLinkBase } from '../../analysis/link-base';
import { dataSourceOptions } from '../../database/data-source-options';
import { runAfterSyncSteps } from '../../sync/after-sync';
import { demoTeamsConfig } from '../../teams/demo-teams';
import { peakRssMiB } from '../../bench/dashboard-load';
import { createLogger } from '../../logging/logger';
import { silentLogger } from '../../testing/silent-logger';
import { replayGeneratedOrganisation } from './replay-generated-org';

/**
 * A stage of the generated-org benchmark in its own process, so each stage's peak memory is its
 * own: `replay` (the connectors over the simulators) or `after-sync` (teams, identities, links,
 * the first analysis with line tracing, the rollups: what `npm start` runs after a sync).
 * Answers its report over IPC.
 */
async function main(): Promise<void> {
  const [stage, url, generatedDir, seedText] = process.argv.slice(2);
  if (url === undefined || generatedDir === undefined || seedText === undefined)
    throw new Error('usage: generated-org.child <replay|after-sync> <database url> <dir> <seed>');
  const seed = Number(seedText);
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  const started = Date.now();
  const log = (message: string): void => {
    process.stderr.write(
      `[generated-org ${stage}] ${((Date.now() - started) / 1000).toFixed(0)} s ${message}\n`,
    );
  };
  try {
    if (stage === 'replay') {
      const report = await replayGeneratedOrganisation({
        dataSource,
        logger: silentLogger(),
        generatedDir,
        seed,
        onProgress: (event) =>
          log(`${event.source} batch ${event.batch}: ${event.stored} stored, ${event.seconds} s`),
      });
      process.send?.({ report, seconds: (Date.now() - started) / 1000, peakRssMiB: peakRssMiB() });
    } else if (stage === 'after-sync') {
      log('teams, identities, links, analysis with line tracing, rollups');
      // Its own progress lines (dataset loaded, fix commits traced): this stage runs for hours at 1M.
      const report = await runAfterSyncSteps(dataSource, createLogger('info', process.stderr), {
        // The generated repositories sit where the analysis looks for mirrors.
        dataDir: generatedDir,
        analysis: parseAnalysisConfig({}),
        links: demoLinkBase,
        teams: demoTeamsConfig(seed),
      });
      process.send?.({ report, seconds: (Date.now() - started) / 1000, peakRssMiB: peakRssMiB() });
    } else throw new Error(`unknown stage ${stage}`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
