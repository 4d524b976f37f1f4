import 'reflect-metadata';
import { DataSource } from 'typeorm';
import {
  ConfigError,
  invocationDir,
  loadEnvironment,
  parseConfig,
  type AppConfig,
} from '../config/app-config';
import { openDatabase } from '../database/database-connection';
import { dataSourceOptions } from '../database/data-source-options';
import { runMigrations } from '../database/migration-runner';
import { createLogger } from '../logging/logger';
import { reanalyse } from '../sync/reanalyse';
import { describeAnalysis } from './analyse';
import { linkBaseOf } from './link-base';

/**
 * `npm run analyse -w api`: a full re-analysis over the configured database and the metric
 * rollups after it, then exit.
 * `-- --incremental` analyses only what changed since the last run (what every sync does).
 */
async function main(): Promise<number> {
  const full = !process.argv.includes('--incremental');
  const baseDir = invocationDir();
  const env = loadEnvironment(baseDir);
  let config: AppConfig;
  try {
    config = parseConfig(env, baseDir);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const logger = createLogger(
    env.LOG_LEVEL === undefined ? 'warn' : config.logLevel,
    process.stderr,
  );
  const database = await openDatabase(config, logger);
  const dataSource = new DataSource(dataSourceOptions(database.url));
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
    const report = await reanalyse(dataSource, logger, {
      dataDir: config.dataDir,
      analysis: config.analysis,
      links: linkBaseOf(config),
      full,
    });
    process.stdout.write(
      `${describeAnalysis(report.analysis)}\nmetric rollups: ${report.rollups.periodsRecomputed} of ${report.rollups.periods} periods recomputed\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(
      `Analysis failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.close();
  }
}

void main().then((code) => {
  process.exitCode = code;
});
