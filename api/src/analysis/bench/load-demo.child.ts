import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../database/data-source-options';
import { loadDemoOrganisation } from '../../demo/demo-loader';
import { silentLogger } from '../../testing/silent-logger';

/**
 * Child process of the analysis-100k benchmark: loads a demo organisation of the given size
 * into the given (migrated) database through the simulators and connectors, then reports the
 * ground truth's path and how long it took. It runs apart so the benchmark's own peak memory is
 * the analysis', not the generator's or the sync's.
 */
async function main(): Promise<void> {
  const [url, dataDir, prs] = process.argv.slice(2);
  if (url === undefined || dataDir === undefined || prs === undefined)
    throw new Error('usage: load-demo.child <database url> <data dir> <prs>');
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  const started = Date.now();
  try {
    const loaded = await loadDemoOrganisation({
      dataDir,
      dataSource,
      logger: silentLogger(),
      seed: 7,
      scale: { prs: Number(prs) },
      onProgress: (event) =>
        process.stderr.write(
          `[analysis-100k load] ${((Date.now() - started) / 1000).toFixed(0)} s ${event.stage}: ${event.message}\n`,
        ),
    });
    process.send?.({
      groundTruthPath: loaded.groundTruthPath,
      loadSeconds: (Date.now() - started) / 1000,
    });
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
