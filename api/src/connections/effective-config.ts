import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import type { KeyRing } from '../secrets/secret-box';
import { loadStoredConnections } from './connection.store';

type ConnectionConfig = Pick<AppConfig, 'github' | 'jira'> &
  Partial<Pick<AppConfig, 'githubWebhookSecret' | 'jiraWebhookSecret'>>;

/**
 * The connections in force: environment variables win (they are what an operator deploys with);
 * a source not configured there comes from what an admin saved in settings.
 */
export async function withStoredConnections<Config extends ConnectionConfig>(
  config: Config,
  manager: EntityManager,
  ring: KeyRing,
): Promise<Config> {
  if (config.github !== undefined && config.jira !== undefined) return config;
  const stored = await loadStoredConnections(manager, ring);
  const github = config.github ?? stored.github?.connection;
  const jira = config.jira ?? stored.jira?.connection;
  return {
    ...config,
    github,
    jira,
    githubWebhookSecret: config.githubWebhookSecret ?? stored.github?.webhookSecret,
    jiraWebhookSecret: config.jiraWebhookSecret ?? stored.jira?.webhookSecret,
  };
}
