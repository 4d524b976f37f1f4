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
 * An analysis outside a sync (`npm run analyse`, the `reanalyse` job after a rules change or a
 * new model version), then the rollups, so the dashboard shows what the analysis decided.
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
