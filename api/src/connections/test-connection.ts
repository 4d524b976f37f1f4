import type { Logger } from 'pino';
import { z } from 'zod';
import type { GithubConnection, JiraConnection } from '../config/app-config';
import { createGithubClient } from '../sources/github/github-client';
import { JiraApiClient } from '../sources/jira/jira-api.client';

export interface ConnectionCheck {
  ok: boolean;
  message: string;
}

const reasonOf = (error: unknown): string => {
  if (error instanceof Error) {
    const status = (error as { status?: unknown }).status;
    return typeof status === 'number' ? `HTTP ${status}: ${error.message}` : error.message;
  }
  return String(error);
};

const githubUserSchema = z.object({ login: z.string() });

/**
 * Signs in to GitHub with the connection and looks at what it would sync: the organisation, or
 * the first repository. One sentence back either way; failures are answered, not thrown.
 */
export async function checkGithub(connection: GithubConnection): Promise<ConnectionCheck> {
  try {
    const client = await createGithubClient(connection);
    let who = 'a GitHub App installation';
    if (connection.auth.kind === 'token') {
      const user = githubUserSchema.parse((await client.request('GET /user')).data);
      who = user.login;
    }
    const [firstRepo] = connection.repos;
    if (connection.org !== undefined) {
      await client.request('GET /orgs/{org}', { org: connection.org });
    } else if (firstRepo !== undefined) {
      const [owner = '', repo = ''] = firstRepo.split('/');
      await client.request('GET /repos/{owner}/{repo}', { owner, repo });
    }
    const target =
      connection.org !== undefined
        ? `organisation ${connection.org}`
        : `repository ${firstRepo ?? ''}`;
    return {
      ok: true,
      message: `Signed in to ${connection.apiUrl} as ${who}; ${target} is readable.`,
    };
  } catch (error) {
    return {
      ok: false,
      message: `GitHub at ${connection.apiUrl} refused or could not be reached (${reasonOf(error)}).`,
    };
  }
}

const jiraUserSchema = z.object({
  displayName: z.string().optional(),
  emailAddress: z.string().optional(),
  name: z.string().optional(),
});
const jiraServerSchema = z.object({
  deploymentType: z.string().optional(),
  version: z.string().optional(),
});

/** Signs in to Jira with the connection (`/myself`) and reads the server's kind and version. */
export async function checkJira(
  connection: JiraConnection,
  logger: Logger,
): Promise<ConnectionCheck> {
  const client = new JiraApiClient(connection, {
    logger,
    timeoutMs: 15_000,
    // A person is waiting on the settings page: one retry at most, never a long back-off.
    retryPolicy: { maxAttempts: 2, baseDelayMs: 200, maxDelayMs: 1_000, maxRetryAfterMs: 2_000 },
  });
  try {
    const me = jiraUserSchema.parse((await client.myself()).body);
    const server = jiraServerSchema.parse((await client.serverInfo()).body);
    const who = me.displayName ?? me.emailAddress ?? me.name ?? 'the API user';
    const kind = server.deploymentType === undefined ? 'Jira' : `Jira ${server.deploymentType}`;
    const version = server.version === undefined ? '' : ` ${server.version}`;
    return {
      ok: true,
      message: `Signed in to ${kind}${version} at ${connection.baseUrl} as ${who}.`,
    };
  } catch (error) {
    return {
      ok: false,
      message: `Jira at ${connection.baseUrl} refused or could not be reached (${reasonOf(error)}).`,
    };
  }
}
