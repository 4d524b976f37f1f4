import { DataSource } from 'typeorm';
import { ConfigError, parseConfig, type AppConfig } from '../config/app-config';
import { openDatabase } from '../database/database-connection';
import { dataSourceOptions } from '../database/data-source-options';
import { runMigrations } from '../database/migration-runner';
import { createLogger } from '../logging/logger';
import { syncGithub, type SyncProgressEvent } from '../sources/github/github-sync';
import { syncJira } from '../sources/jira/jira-sync';
import { linkBaseOf } from '../analysis/link-base';
import { withStoredConnections } from '../connections/effective-config';
import { loadKeyRing } from '../secrets/key-ring.loader';
import { describeAfterSync, runAfterSyncSteps } from './after-sync';
import { createProgressDisplay, type ProgressDisplay } from './progress-display';

export interface SyncCommandIo {
  env: Record<string, string | undefined>;
  /** Where a relative DATA_DIR is resolved (the directory the user ran npm from). */
  baseDir: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
}

/**
 * One sync with the given configuration. Returns the exit code: 0 done, 1 the sync failed,
 * 2 the configuration is unusable. The summary goes to stdout, progress and errors to stderr.
 */
export async function runSyncCommand({
  env,
  baseDir,
  stdout,
  stderr,
}: SyncCommandIo): Promise<number> {
  let config: AppConfig;
  try {
    config = parseConfig(env, baseDir);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    stderr.write(`${error.message}\n`);
    return 2;
  }
  // Logs go to stderr at warn unless asked otherwise, so the progress display stays readable.
  const logger = createLogger(env.LOG_LEVEL === undefined ? 'warn' : config.logLevel, stderr);
  const display = createProgressDisplay(stderr);
  const database = await openDatabase(config, logger);
  const dataSource = new DataSource(dataSourceOptions(database.url));
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
    // Environment variables win; a source not set there comes from what an admin saved in settings.
    config = await withStoredConnections(config, dataSource.manager, loadKeyRing(config));
    if (config.github === undefined && config.jira === undefined) {
      display.stop();
      stderr.write(
        'Nothing to sync: set GITHUB_TOKEN (or a GitHub App) with GITHUB_ORG or GITHUB_REPOS, ' +
          'and/or JIRA_BASE_URL with its credentials (see README: Configuration), or save a connection in Settings.\n',
      );
      return 2;
    }
    const summary: string[] = [];
    if (config.github !== undefined) {
      const report = await syncGithub({
        dataSource,
        connection: config.github,
        logger,
        dataDir: config.dataDir,
        onProgress: (event) => display.update(describeGithubProgress(event)),
      });
      summary.push(
        `github: ${report.reposDone}/${report.reposTotal} repositories, ${report.pullRequestsStored} pull requests stored, ` +
          `${report.requests} requests, ${report.graphqlPoints} GraphQL points, ` +
          `${report.waits} waits (${report.waitSeconds.toFixed(1)} s), ${report.quarantined} quarantined`,
      );
      summary.push(
        `github git mirrors: ${report.mirrors.updated}/${report.reposTotal} up to date, ${report.mirrors.attempts} clone/fetch attempts, ` +
          `${report.mirrors.failures.length} failed`,
      );
      for (const { repository, reason } of report.mirrors.failures)
        summary.push(`  mirror ${repository} failed: ${reason}`);
    }
    if (config.jira !== undefined) {
      const report = await syncJira({
        dataSource,
        connection: config.jira,
        logger,
        onProgress: (event) =>
          display.update({
            source: 'jira',
            message: `${event.stage}: ${event.message}`,
            done: event.issues,
          }),
      });
      summary.push(
        `jira (${report.deployment}): ${report.issuesSynced} issues, ${report.searchPages} search pages, ` +
          `${report.changelogRequests} changelog requests, ${report.boards} boards, ${report.sprints} sprints, ` +
          `${report.quarantined.length} quarantined`,
      );
      for (const { ref, reason } of report.quarantined)
        summary.push(`  quarantined ${ref}: ${reason}`);
    }
    summary.push(
      ...describeAfterSync(
        await runAfterSyncSteps(dataSource, logger, {
          dataDir: config.dataDir,
          analysis: config.analysis,
          links: linkBaseOf(config),
          teams: config.teams,
        }),
      ),
    );
    display.stop();
    stdout.write(`${summary.join('\n')}\n`);
    return 0;
  } catch (error) {
    display.stop();
    logger.error({ err: error }, 'sync failed');
    stderr.write(`Sync failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.close();
  }
}

function describeGithubProgress(
  event: SyncProgressEvent,
): Parameters<ProgressDisplay['update']>[0] {
  switch (event.kind) {
    case 'repositories-listed':
      return {
        source: 'github',
        message: `${event.repositories.length} repositories`,
        done: 0,
        total: event.repositories.length,
      };
    case 'page-stored':
      return {
        source: 'github',
        message: `${event.repository} ${event.stream}: ${event.records} stored`,
      };
    case 'repository-done':
      return {
        source: 'github',
        message: `${event.repository} done`,
        done: event.reposDone,
        total: event.reposTotal,
      };
    case 'mirror-done':
      return {
        source: 'github',
        message: `${event.repository} git mirror ${event.ok ? 'up to date' : 'failed'}`,
      };
    case 'waiting':
      return {
        source: 'github',
        message: `waiting ${event.seconds.toFixed(0)} s (${event.reason}) before ${event.endpoint}`,
      };
  }
}
