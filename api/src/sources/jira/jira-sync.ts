import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { JiraConnection } from '../../config/app-config';
import { collectAgile } from './agile.collector';
import type { JiraFieldMap } from './field-discovery';
import { JiraApiClient, type JiraDeployment } from './jira-api.client';
import type { RetryPolicy } from './jira-retry';
import { collectSiteFacts } from './jira-setup.collector';
import { collectIssues } from './issue.collector';

export type { JiraFieldMap } from './field-discovery';

export interface JiraSyncProgressEvent {
  stage: 'setup' | 'issues' | 'agile' | 'done';
  scope: string;
  pages: number;
  issues: number;
  message: string;
}

export interface JiraSyncReport {
  scope: string;
  deployment: JiraDeployment;
  jql: string;
  issuesSynced: number;
  quarantined: { ref: string; reason: string }[];
  searchPages: number;
  changelogRequests: number;
  boards: number;
  sprints: number;
  /** Latest `updated` seen: the next incremental sync starts there minus the overlap. */
  highWater: string | null;
  fields: JiraFieldMap;
  durationMs: number;
}

/** Tuning and test hooks that the CLI does not need. */
export interface JiraSyncInternals {
  pageSize?: number;
  overlapMinutes?: number;
  retryPolicy?: RetryPolicy;
  beforeCommit?: () => void;
  afterCommit?: () => void;
  skipAgile?: boolean;
}

/** The checkpoint scope of a connection: its projects, or a hash of its JQL. */
export function jiraScopeOf(connection: JiraConnection): string {
  const projects = [...connection.projects].sort().join(',');
  const jql =
    connection.jql === undefined
      ? ''
      : `jql:${createHash('sha256').update(connection.jql).digest('hex').slice(0, 12)}`;
  return [projects, jql].filter((part) => part !== '').join('|') || 'all';
}

/**
 * One Jira sync: site facts (deployment, fields, statuses), issues with full changelogs
 * (incremental, resumable), then boards and sprints. Throws on failures that retries could not
 * fix; quarantined issues do not fail the sync, they are listed in the report.
 */
export async function syncJira(options: {
  dataSource: DataSource;
  connection: JiraConnection;
  logger: Logger;
  fieldOverrides?: Partial<JiraFieldMap>;
  onProgress?: (event: JiraSyncProgressEvent) => void;
}): Promise<JiraSyncReport> {
  return runJiraSync(options, {});
}

export async function runJiraSync(
  options: Parameters<typeof syncJira>[0],
  internals: JiraSyncInternals,
): Promise<JiraSyncReport> {
  const started = Date.now();
  const { dataSource, connection, logger } = options;
  const scope = jiraScopeOf(connection);
  const emit = (event: Omit<JiraSyncProgressEvent, 'scope'>) =>
    options.onProgress?.({ scope, ...event });
  const client = new JiraApiClient(connection, {
    logger,
    ...(internals.retryPolicy === undefined ? {} : { retryPolicy: internals.retryPolicy }),
  });

  emit({
    stage: 'setup',
    pages: 0,
    issues: 0,
    message: 'reading server info, fields and statuses',
  });
  const facts = await collectSiteFacts(
    dataSource,
    client,
    scope,
    connection.deployment,
    options.fieldOverrides,
  );
  logger.info({ scope, deployment: facts.deployment, fields: facts.fields.ids }, 'Jira site facts');

  const issues = await collectIssues({
    dataSource,
    client,
    logger,
    facts,
    scope,
    projects: connection.projects,
    jql: connection.jql,
    pageSize: internals.pageSize ?? 100,
    overlapMinutes: internals.overlapMinutes ?? 10,
    onPage: ({ pages, issues: count }) =>
      emit({ stage: 'issues', pages, issues: count, message: `${count} issues` }),
    ...(internals.beforeCommit === undefined ? {} : { beforeCommit: internals.beforeCommit }),
    ...(internals.afterCommit === undefined ? {} : { afterCommit: internals.afterCommit }),
  });

  let agile = { boards: 0, sprints: 0 };
  if (internals.skipAgile !== true) {
    emit({
      stage: 'agile',
      pages: issues.pages,
      issues: issues.issuesSynced,
      message: 'boards and sprints',
    });
    agile = await collectAgile(dataSource, client, scope, connection.projects);
  }
  const report: JiraSyncReport = {
    scope,
    deployment: facts.deployment,
    jql: issues.jql,
    issuesSynced: issues.issuesSynced,
    quarantined: issues.quarantined,
    searchPages: issues.pages,
    changelogRequests: issues.changelogRequests,
    boards: agile.boards,
    sprints: agile.sprints,
    highWater: issues.highWater,
    fields: facts.fields.ids,
    durationMs: Date.now() - started,
  };
  emit({ stage: 'done', pages: issues.pages, issues: issues.issuesSynced, message: 'done' });
  logger.info({ ...report, quarantined: report.quarantined.length }, 'Jira sync finished');
  return report;
}
