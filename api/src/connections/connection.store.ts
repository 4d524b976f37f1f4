import type {
  ConnectionSummary,
  ConnectionSystem,
  GithubConnectionInput,
  JiraConnectionInput,
} from '@rework-radar/shared';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import type { GithubConnection, JiraConnection } from '../config/app-config';
import { open, seal, sealedWithOlderKey, type KeyRing } from '../secrets/secret-box';
import { ConnectionSetting } from './connection-setting.entity';

/** The associated data a sealed secret is bound to: it opens only in its own row. */
const boundTo = (system: ConnectionSystem) => `connection_setting:${system}`;

const githubSettingsSchema = z.object({
  apiUrl: z.string(),
  org: z.string().optional(),
  repos: z.array(z.string()),
});
const githubSecretsSchema = z.object({ token: z.string(), webhookSecret: z.string().optional() });

const jiraSettingsSchema = z.object({
  baseUrl: z.string(),
  deployment: z.enum(['cloud', 'datacenter']).optional(),
  email: z.string().optional(),
  projects: z.array(z.string()),
  jql: z.string().optional(),
});
const jiraSecretsSchema = z.object({
  apiToken: z.string().optional(),
  pat: z.string().optional(),
  webhookSecret: z.string().optional(),
});

export interface StoredConnections {
  github:
    | { connection: GithubConnection; webhookSecret: string | undefined; row: ConnectionSetting }
    | undefined;
  jira:
    | { connection: JiraConnection; webhookSecret: string | undefined; row: ConnectionSetting }
    | undefined;
}

export async function saveGithubConnection(
  manager: EntityManager,
  ring: KeyRing,
  input: GithubConnectionInput,
  updatedBy: string,
): Promise<void> {
  const settings = { apiUrl: input.apiUrl.replace(/\/+$/, ''), org: input.org, repos: input.repos };
  const secrets = { token: input.token, webhookSecret: input.webhookSecret };
  await manager.save(
    manager.create(ConnectionSetting, {
      system: 'github',
      settings,
      secrets: seal(ring, JSON.stringify(secrets), boundTo('github')),
      updatedAt: new Date(),
      updatedBy,
    }),
  );
}

export async function saveJiraConnection(
  manager: EntityManager,
  ring: KeyRing,
  input: JiraConnectionInput,
  updatedBy: string,
): Promise<void> {
  const settings = {
    baseUrl: input.baseUrl.replace(/\/+$/, ''),
    deployment: input.deployment,
    email: input.pat === undefined ? input.email : undefined,
    projects: input.projects,
    jql: input.jql,
  };
  const secrets =
    input.pat !== undefined
      ? { pat: input.pat, webhookSecret: input.webhookSecret }
      : { apiToken: input.apiToken, webhookSecret: input.webhookSecret };
  await manager.save(
    manager.create(ConnectionSetting, {
      system: 'jira',
      settings,
      secrets: seal(ring, JSON.stringify(secrets), boundTo('jira')),
      updatedAt: new Date(),
      updatedBy,
    }),
  );
}

export async function loadStoredConnections(
  manager: EntityManager,
  ring: KeyRing,
): Promise<StoredConnections> {
  const rows = await manager.find(ConnectionSetting);
  const result: StoredConnections = { github: undefined, jira: undefined };
  for (const row of rows) {
    const secrets: unknown = JSON.parse(open(ring, row.secrets, boundTo(row.system)));
    if (row.system === 'github') {
      const settings = githubSettingsSchema.parse(row.settings);
      const opened = githubSecretsSchema.parse(secrets);
      result.github = {
        connection: {
          apiUrl: settings.apiUrl,
          org: settings.org,
          repos: settings.repos,
          auth: { kind: 'token', token: opened.token },
        },
        webhookSecret: opened.webhookSecret,
        row,
      };
    } else {
      const settings = jiraSettingsSchema.parse(row.settings);
      const opened = jiraSecretsSchema.parse(secrets);
      const auth: JiraConnection['auth'] | undefined =
        opened.pat !== undefined
          ? { kind: 'pat', token: opened.pat }
          : opened.apiToken !== undefined && settings.email !== undefined
            ? { kind: 'basic', email: settings.email, apiToken: opened.apiToken }
            : undefined;
      if (auth === undefined)
        throw new Error('the stored Jira connection has no usable credentials');
      result.jira = {
        connection: {
          baseUrl: settings.baseUrl,
          auth,
          deployment: settings.deployment,
          projects: settings.projects,
          jql: settings.jql,
        },
        webhookSecret: opened.webhookSecret,
        row,
      };
    }
  }
  return result;
}

/** Seals every stored secret again with the ring's current key; answers how many changed. Run in a transaction. */
export async function resealConnectionSecrets(
  manager: EntityManager,
  ring: KeyRing,
): Promise<number> {
  const rows = await manager.find(ConnectionSetting, { lock: { mode: 'pessimistic_write' } });
  let resealed = 0;
  for (const row of rows) {
    if (!sealedWithOlderKey(ring, row.secrets)) continue;
    const plaintext = open(ring, row.secrets, boundTo(row.system));
    await manager.update(
      ConnectionSetting,
      { system: row.system },
      { secrets: seal(ring, plaintext, boundTo(row.system)) },
    );
    resealed += 1;
  }
  return resealed;
}

export function describeGithub(
  connection: GithubConnection,
): Pick<ConnectionSummary, 'baseUrl' | 'scope' | 'credentialKind'> {
  const scope = [
    connection.org === undefined ? undefined : `org ${connection.org}`,
    connection.repos.length === 0 ? undefined : `repos ${connection.repos.join(', ')}`,
  ].filter((part) => part !== undefined);
  return {
    baseUrl: connection.apiUrl,
    scope: scope.join('; ') || null,
    credentialKind: connection.auth.kind === 'token' ? 'token' : 'github-app',
  };
}

export function describeJira(
  connection: JiraConnection,
): Pick<ConnectionSummary, 'baseUrl' | 'scope' | 'credentialKind'> {
  const scope = [
    connection.projects.length === 0 ? undefined : `projects ${connection.projects.join(', ')}`,
    connection.jql === undefined ? undefined : `jql ${connection.jql}`,
  ].filter((part) => part !== undefined);
  return {
    baseUrl: connection.baseUrl,
    scope: scope.join('; ') || null,
    credentialKind: connection.auth.kind === 'pat' ? 'datacenter-pat' : 'cloud-api-token',
  };
}
