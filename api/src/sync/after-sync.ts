import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { mergeIdentities, type IdentityMergeReport } from '../identity/identity-merge';
import { linkPullRequestsToWorkItems, type LinkingReport } from '../linking';

export interface AfterSyncReport {
  identities: IdentityMergeReport;
  links: LinkingReport;
}

/**
 * What every sync is followed by, whoever ran it (the CLI, the demo, later the job queue):
 * people merged across GitHub and Jira, then pull requests linked to work items.
 */
export async function runAfterSyncSteps(dataSource: DataSource, logger: Logger): Promise<AfterSyncReport> {
  const identities = await dataSource.transaction((manager) => mergeIdentities(manager));
  const links = await linkPullRequestsToWorkItems(dataSource, logger);
  await (await import('../analysis/analyse-after-sync.js')).analyseAfterSync(dataSource, logger);
  return { identities, links };
}

export function describeAfterSync({ identities, links }: AfterSyncReport): string[] {
  return [
    `identities: ${identities.persons} persons (${identities.matchedByEmail} matched by email, ` +
      `${identities.matchedByMapping} by mapping), ${identities.unmatchedIdentities} unmatched`,
    `links: ${links.examined} pull requests examined, ${links.linksAdded} work item links added, ${links.linksRemoved} removed, ` +
      `${links.linksResolved} resolved, ${links.pendingLinks} waiting for their work item`,
  ];
}
