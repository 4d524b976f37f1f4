import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { describeAnalysis, type AnalysisReport } from '../analysis/analyse';
import type { AnalysisConfig } from '../analysis/core';
import type { LinkBase } from '../analysis/detection/detected-rework';
import type { TeamsConfig } from '@rework-radar/shared';
import type { IdentityMergeReport } from '../identity/identity-merge';
import { applyTeamsConfig, mergeConfiguredIdentities } from '../teams/teams.store';
import { linkPullRequestsToWorkItems, type LinkingReport } from '../linking';
import type { RollupRefreshReport } from '../metrics/refresh-metric-rollups';
import { reanalyse } from './reanalyse';

export interface AfterSyncReport {
  identities: IdentityMergeReport;
  links: LinkingReport;
  analysis: AnalysisReport;
  rollups: RollupRefreshReport;
}

export interface AfterSyncOptions {
  /** Where the git mirrors are, for line-level tracing of follow-up fixes. */
  dataDir: string;
  analysis: AnalysisConfig;
  /** Web addresses that evidence links point at. */
  links: LinkBase;
  /** Teams to (re)apply before the numbers are computed: the TEAMS_FILE, or the demo's teams. */
  teams?: TeamsConfig | undefined;
}

/**
 * What every sync is followed by, whoever ran it (the CLI, the demo, later the job queue):
 * people merged across GitHub and Jira, pull requests linked to work items, then the analysis
 * of whatever the sync changed and the metric rollups after it.
 */
export async function runAfterSyncSteps(
  dataSource: DataSource,
  logger: Logger,
  options: AfterSyncOptions,
): Promise<AfterSyncReport> {
  const { teams } = options;
  if (teams !== undefined)
    await dataSource.transaction((manager) => applyTeamsConfig(manager, teams));
  const identities = await dataSource.transaction((manager) => mergeConfiguredIdentities(manager));
  const links = await linkPullRequestsToWorkItems(dataSource, logger);
  const { analysis, rollups } = await reanalyse(dataSource, logger, {
    dataDir: options.dataDir,
    analysis: options.analysis,
    links: options.links,
    full: false,
  });
  return { identities, links, analysis, rollups };
}

export function describeAfterSync({ identities, links, analysis }: AfterSyncReport): string[] {
  return [
    `identities: ${identities.persons} persons (${identities.matchedByEmail} matched by email, ` +
      `${identities.matchedByMapping} by mapping), ${identities.unmatchedIdentities} unmatched`,
    `links: ${links.examined} pull requests examined, ${links.linksAdded} work item links added, ${links.linksRemoved} removed, ` +
      `${links.linksResolved} resolved, ${links.pendingLinks} waiting for their work item`,
    describeAnalysis(analysis),
  ];
}
