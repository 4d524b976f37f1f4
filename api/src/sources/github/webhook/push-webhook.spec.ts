import type { DataSource } from 'typeorm';
import { createMigratedDataSource, type TestDatabase } from '../../../testing/test-database';
import { silentLogger } from '../../../testing/silent-logger';
import { listUntrackedDefaultBranchPushes } from '../push.converter';
import { handleGithubWebhook, type GithubWebhookDeps } from './github-webhook.handler';
import { signWebhook } from './webhook-signature';

const secret = 'push-secret';
const sha = (char: string): string => char.repeat(40);

function pushEvent(overrides: {
  ref?: string;
  before: string;
  after: string;
  commits: { id: string; message: string }[];
}): object {
  return {
    ref: overrides.ref ?? 'refs/heads/main',
    before: overrides.before,
    after: overrides.after,
    created: false,
    deleted: false,
    forced: false,
    repository: { full_name: 'acme/api', default_branch: 'main' },
    pusher: { name: 'alice', email: 'alice@acme.test' },
    sender: { login: 'Alice' },
    head_commit: { timestamp: '2026-03-05T10:00:00Z' },
    commits: overrides.commits.map((commit) => ({
      ...commit,
      timestamp: '2026-03-05T09:59:00Z',
      author: { name: 'Alice', email: 'alice@acme.test', username: 'alice' },
    })),
  };
}

describe('push webhooks', () => {
  let dataSource: DataSource;
  let database: TestDatabase;
  let deps: GithubWebhookDeps;
  beforeAll(async () => {
    ({ dataSource, database } = await createMigratedDataSource());
    deps = { dataSource, secret, logger: silentLogger() };
    // A merged PR whose commit and merge commit are known.
    await dataSource.query(
      `INSERT INTO pull_request (id, repository_id, number, source_id, title, body, author_login, state, is_draft, created_at, updated_at,
         additions, deletions, changed_files, head_ref, base_ref, merge_commit_sha, is_agent, labels, raw_payload_id)
       VALUES ('github:acme/api#1', 'github:acme/api', 1, 'PR_1', 'Add retries', '', 'bob', 'merged', false, now(), now(), 1, 0, 1, 'feature/x', 'main', $1, false, '{}', 0)`,
      [sha('m')],
    );
    await dataSource.query(
      `INSERT INTO pull_request_commit (id, pull_request_id, sha, message, co_authors, raw_payload_id)
       VALUES ('github:acme/api#1@' || $1, 'github:acme/api#1', $1, 'Add retries', '{}', 0)`,
      [sha('c')],
    );
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const deliver = async (id: string, body: object) => {
    const rawBody = JSON.stringify(body);
    return handleGithubWebhook(deps, {
      headers: {
        'x-hub-signature-256': signWebhook(secret, rawBody),
        'x-github-delivery': id,
        'x-github-event': 'push',
      },
      rawBody,
    });
  };

  it('records pushes with their commits, default-branch flag and the PRs carrying them, once per delivery', async () => {
    const merged = pushEvent({
      before: sha('0'),
      after: sha('m'),
      commits: [
        { id: sha('c'), message: 'Add retries' },
        { id: sha('m'), message: 'Merge pull request #1' },
      ],
    });
    const direct = pushEvent({
      before: sha('m'),
      after: sha('d'),
      commits: [
        {
          id: sha('d'),
          message: 'Hotfix config\n\nCo-authored-by: Claude <noreply@anthropic.com>',
        },
      ],
    });
    const branch = pushEvent({
      ref: 'refs/heads/feature/y',
      before: sha('0'),
      after: sha('e'),
      commits: [{ id: sha('e'), message: 'WIP' }],
    });
    expect((await deliver('p-1', merged)).status).toBe(202);
    expect((await deliver('p-2', direct)).status).toBe(202);
    expect((await deliver('p-3', branch)).status).toBe(202);
    expect(await deliver('p-2', direct)).toEqual({ status: 200, duplicate: true });

    const rows = await dataSource.query<
      {
        ref: string;
        is_default_branch: boolean;
        pull_request_ids: string[];
        pusher_login: string;
        commits: { sha: string; coAuthors: string[]; authorLogin: string }[];
      }[]
    >(
      'SELECT ref, is_default_branch, pull_request_ids, pusher_login, commits FROM github_push ORDER BY delivery_id',
    );
    expect(rows.map((row) => [row.ref, row.is_default_branch, row.pull_request_ids])).toEqual([
      ['refs/heads/main', true, ['github:acme/api#1']],
      ['refs/heads/main', true, []],
      ['refs/heads/feature/y', false, []],
    ]);
    expect(rows[1]?.pusher_login).toBe('alice');
    expect(rows[1]?.commits[0]).toMatchObject({
      sha: sha('d'),
      authorLogin: 'alice',
      coAuthors: ['Claude <noreply@anthropic.com>'],
    });

    const untracked = await listUntrackedDefaultBranchPushes(dataSource.manager);
    expect(untracked.map((push) => [push.afterSha, push.untrackedShas])).toEqual([
      [sha('d'), [sha('d')]],
    ]);
  });

  it('quarantines a push payload it cannot read, without failing the delivery', async () => {
    expect(
      (await deliver('p-bad', { ref: 42, repository: { full_name: 'acme/api' } })).status,
    ).toBe(202);
    const [row] = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM quarantined_record WHERE kind = 'push'`,
    );
    expect(row?.n).toBe(1);
  });
});
