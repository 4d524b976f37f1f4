import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { invocationDir, parseConfig } from '../config/app-config';
import { analyse, describeAnalysis, type AnalysisReport } from './analyse';
import { loadAnalysisConfig } from './analysis-config-source';
import { linkBaseOf } from './link-base';

/**
 * The analysis step after every sync (CLI, demo): incremental (skipped when nothing changed),
 * mirrors read from the configured `DATA_DIR` (env, as the app parses it). A failure is logged
 * and does not fail the sync: the synced data stays good and the next run retries.
 */
export async function analyseAfterSync(dataSource: DataSource, logger: Logger, env: Record<string, string | undefined> = process.env): Promise<AnalysisReport | null> {
  try {
    const appConfig = parseConfig(env, invocationDir());
    const report = await analyse(dataSource, { logger, dataDir: appConfig.dataDir, config: loadAnalysisConfig(env), links: linkBaseOf(appConfig) });
    logger.info(describeAnalysis(report));
    return report;
  } catch (error) {
    logger.error({ err: error }, 'analysis after sync failed');
    return null;
  }
}
