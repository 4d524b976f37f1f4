import type { DataSource } from 'typeorm';
import { createMigratedDataSource, type TestDatabase } from '../../../testing/test-database';
import { silentLogger } from '../../../testing/silent-logger';
import { handleGithubWebhook, type GithubWebhookDeps } from './github-webhook.handler';
import { signWebhook } from './webhook-signature';

const sign = (key: string, body: string): Promise<string> =>
  Promise.resolve(signWebhook(key, body));

const secret = 'webhook-secret';

const pullRequestEvent = {
  action: 'opened',
  repository: { full_name: 'acme/api' },
  pull_request: {
    node_id: 'PR_kwDO1',
    number: 7,
    title: 'Add retries',
    body: 'Co-authored work',
    state: 'open',
    draft: false,
    created_at: '2026-03-01T10:00:00Z',
    updated_at: '2026-03-01T10:00:00Z',
    merged_at: null,
    closed_at: null,
    additions: 10,
    deletions: 2,
    changed_files: 1,
    head: { ref: 'feature/retries' },
    base: { ref: 'main' },
    merge_commit_sha: null,
    user: { login: 'Copilot', type: 'Bot' },
    labels: [{ name: 'feature' }],
  },
};

describe('handleGithubWebhook', () => {
  let dataSource: DataSource;
  let database: TestDatabase;
  let deps: GithubWebhookDeps;
  beforeAll(async () => {
    ({ dataSource, database } = await createMigratedDataSource());
    deps = { dataSource, secret, logger: silentLogger() };
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const count = async (table: string): Promise<number> =>
    (await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}"`))[0]?.n ??
    -1;

  it('answers 401 and writes nothing when the signature is wrong', async () => {
    const rawBody = JSON.stringify(pullRequestEvent);
    const result = await handleGithubWebhook(deps, {
      headers: {
        'x-hub-signature-256': await sign('another-secret', rawBody),
        'x-github-delivery': 'd-bad',
        'x-github-event': 'pull_request',
      },
      rawBody,
    });
    expect(result.status).toBe(401);
    const unsigned = await handleGithubWebhook(deps, {
      headers: { 'x-github-delivery': 'd-bad', 'x-github-event': 'pull_request' },
      rawBody,
    });
    expect(unsigned.status).toBe(401);
    expect(await count('raw_payload')).toBe(0);
    expect(await count('github_webhook_delivery')).toBe(0);
    expect(await count('pull_request')).toBe(0);
  });

  it('applies a delivery once, however often it arrives', async () => {
    const rawBody = JSON.stringify(pullRequestEvent);
    const headers = {
      'x-hub-signature-256': await sign(secret, rawBody),
      'x-github-delivery': 'd-1',
      'x-github-event': 'pull_request',
    };
    expect((await handleGithubWebhook(deps, { headers, rawBody })).status).toBe(202);
    expect(await handleGithubWebhook(deps, { headers, rawBody })).toEqual({
      status: 200,
      duplicate: true,
    });
    expect(await count('pull_request')).toBe(1);
    expect(await count('raw_payload')).toBe(1);
    const [row] = await dataSource.query<
      {
        author_login: string;
        is_agent: boolean;
        state: string;
        labels: string[];
      }[]
    >('SELECT author_login, is_agent, state, labels FROM pull_request');
    expect(row).toEqual({
      author_login: 'copilot',
      is_agent: true,
      state: 'open',
      labels: ['feature'],
    });
  });

  it('turns a labelled issue into an incident and a deployment status into a deployment', async () => {
    const issueEvent = {
      action: 'labeled',
      repository: { full_name: 'acme/api' },
      issue: {
        id: 99,
        number: 12,
        title: 'Checkout down',
        body: 'Timeout since the deploy',
        state: 'open',
        user: { login: 'alice', type: 'User' },
        labels: [{ name: 'incident' }],
        created_at: '2026-03-02T10:00:00Z',
        closed_at: null,
      },
    };
    const deploymentEvent = {
      action: 'created',
      repository: { full_name: 'acme/api' },
      deployment: {
        id: 5,
        sha: 'abc',
        ref: 'main',
        environment: 'production',
        creator: { login: 'bob', type: 'User' },
        created_at: '2026-03-02T11:00:00Z',
      },
      deployment_status: { state: 'success', created_at: '2026-03-02T11:05:00Z' },
    };
    for (const [event, body, id] of [
      ['issues', issueEvent, 'd-2'],
      ['deployment_status', deploymentEvent, 'd-3'],
    ] as const) {
      const rawBody = JSON.stringify(body);
      const result = await handleGithubWebhook(deps, {
        headers: {
          'x-hub-signature-256': await sign(secret, rawBody),
          'x-github-delivery': id,
          'x-github-event': event,
        },
        rawBody,
      });
      expect(result.status).toBe(202);
    }
    expect(await count('incident')).toBe(1);
    const [deployment] = await dataSource.query<{ status: string; finished_at: Date }[]>(
      'SELECT status, finished_at FROM deployment',
    );
    expect(deployment?.status).toBe('success');
    expect(deployment?.finished_at.toISOString()).toBe('2026-03-02T11:05:00.000Z');
  });
});
