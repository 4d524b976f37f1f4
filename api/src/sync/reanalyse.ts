import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { analyse, type AnalysisReport } from '../analysis/analyse';
import type { AnalysisConfig } from '../analysis/core';
import type { LinkBase } from '../analysis/detection/detected-rework';
import { refreshMetricRollups, type RollupRefreshReport } from '../metrics/refresh-metric-rollups';

export interface ReanalysisReport {
  analysis: AnalysisReport;
  rollups: RollupRefreshReport;
}

/**
 * The analysis, then the rollups, so the dashboard shows what the analysis decided: incremental
 * after every sync (`runAfterSyncSteps`), full from `npm run analyse` and the `reanalyse` job.
 */
export async function reanalyse(
  dataSource: DataSource,
  logger: Logger,
  options: { dataDir: string; analysis: AnalysisConfig; links: LinkBase; full: boolean },
): Promise<ReanalysisReport> {
  const analysis = await analyse(dataSource, {
    logger,
    dataDir: options.dataDir,
    config: options.analysis,
    links: options.links,
    full: options.full,
  });
  const rollups = await refreshMetricRollups(dataSource, logger);
  return { analysis, rollups };
}
