import type { DataSource } from 'typeorm';
import { createMigratedDataSource, type TestDatabase } from '../../testing/test-database';
import { silentLogger } from '../../testing/silent-logger';
import { domainChecksums } from './domain-checksum';
import { runGithubSync, type GithubSyncOptions } from './github-sync';
import { OVERFLOW_ENDPOINT, REVIEW_COMMENTS_ENDPOINT } from './pull-request-overflow.collector';
import { replayPullRequestsFromRaw } from './replay-from-raw';
import { generateOrganisation } from './simulator/dataset-generator';
import type { SimPullRequest } from './simulator/github-dataset';
import { nodeIdOf } from './simulator/github-dataset';
import { GithubSimulator } from './simulator/github-simulator';

const fast = { retryBaseMs: 20, graphqlGapMs: 0 };

/** Makes one pull request far bigger than a page asks for. */
function inflate(pr: SimPullRequest): void {
  const template = pr.commits[0];
  if (template === undefined) throw new Error('no commit to copy');
  pr.files = Array.from({ length: 250 }, (_, index) => ({
    path: `src/big/file-${index}.ts`,
    additions: index,
    deletions: 1,
    changeType: 'MODIFIED' as const,
  }));
  pr.commits = Array.from({ length: 120 }, (_, index) => ({
    ...template,
    sha: index.toString(16).padStart(40, 'c'),
    message: `Step ${index}`,
  }));
  pr.comments = Array.from({ length: 30 }, (_, index) => ({
    databaseId: 900_000 + index,
    author: 'alice',
    body: `comment ${index}`,
    createdAt: pr.createdAt,
  }));
  pr.reviews = [
    {
      databaseId: 910_000,
      author: 'bob',
      state: 'COMMENTED',
      body: 'many remarks',
      submittedAt: pr.createdAt,
      comments: Array.from({ length: 12 }, (_, index) => ({
        databaseId: 920_000 + index,
        author: 'bob',
        body: `remark ${index}`,
        path: 'src/a.ts',
        createdAt: pr.createdAt,
      })),
    },
  ];
  pr.updatedAt = '2026-12-01T00:00:00.000Z';
}

describe('nested lists that overflow a pull request page', () => {
  const dataset = generateOrganisation({
    repositories: 1,
    pullRequestsPerRepository: 60,
    seed: 17,
  });
  let simulator: GithubSimulator;
  const opened: { dataSource: DataSource; database: TestDatabase }[] = [];
  const open = async (): Promise<DataSource> => {
    const handle = await createMigratedDataSource();
    opened.push(handle);
    return handle.dataSource;
  };
  const options = (dataSource: DataSource): GithubSyncOptions => ({
    dataSource,
    connection: {
      apiUrl: simulator.apiUrl,
      auth: { kind: 'token', token: 'ghp_x' },
      org: 'acme',
      repos: [],
    },
    logger: silentLogger(),
  });
  const count = async (dataSource: DataSource, table: string, pr: string): Promise<number> =>
    (
      await dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${table}" WHERE pull_request_id = $1`,
        [pr],
      )
    )[0]?.n ?? -1;

  beforeAll(async () => {
    simulator = await new GithubSimulator(dataset).start();
  });
  afterAll(async () => {
    await simulator.stop();
    for (const handle of opened) {
      await handle.dataSource.destroy();
      await handle.database.drop();
    }
  });

  it('reads the remaining pages only for the overflowing lists of that pull request, then deletes stale rows', async () => {
    const baseline = await open();
    simulator.resetCounters();
    await runGithubSync(options(baseline), fast);
    const baselineRequests = simulator.counters.graphqlRequests;
    expect(
      await baseline.query('SELECT 1 FROM raw_payload WHERE endpoint = ANY($1::text[])', [
        [OVERFLOW_ENDPOINT, REVIEW_COMMENTS_ENDPOINT],
      ]),
    ).toEqual([]);

    const big = dataset.repositories[0]?.pullRequests[6];
    if (big === undefined) throw new Error('dataset too small');
    inflate(big);
    const dataSource = await open();
    simulator.resetCounters();
    await runGithubSync(options(dataSource), fast);
    expect(simulator.validationErrors).toEqual([]);
    // Round 1: files + commits + comments; round 2: the last files; one for the review's comments.
    expect(simulator.counters.graphqlRequests - baselineRequests).toBe(3);
    const stored = await dataSource.query<{ endpoint: string; source_ids: string[] }[]>(
      'SELECT endpoint, source_ids FROM raw_payload WHERE endpoint = ANY($1::text[]) ORDER BY id',
      [[OVERFLOW_ENDPOINT, REVIEW_COMMENTS_ENDPOINT]],
    );
    expect(stored.map((row) => row.endpoint)).toEqual([
      OVERFLOW_ENDPOINT,
      OVERFLOW_ENDPOINT,
      REVIEW_COMMENTS_ENDPOINT,
    ]);
    expect(new Set(stored.flatMap((row) => row.source_ids))).toEqual(
      new Set([nodeIdOf('PullRequest', big.databaseId)]),
    );

    const pr = `github:acme/service-1#${big.number}`;
    expect(await count(dataSource, 'pull_request_file', pr)).toBe(250);
    expect(await count(dataSource, 'pull_request_commit', pr)).toBe(120);
    expect(await count(dataSource, 'pull_request_comment', pr)).toBe(30 + 12);
    expect(await count(dataSource, 'pull_request_review', pr)).toBe(1);

    // The raw layer alone rebuilds the same tables, overflow pages included.
    const reference = await domainChecksums(dataSource);
    await dataSource.query(
      'TRUNCATE pull_request, pull_request_review, pull_request_comment, pull_request_commit, pull_request_file',
    );
    await replayPullRequestsFromRaw(dataSource);
    expect(await domainChecksums(dataSource)).toEqual(reference);

    // Files and commits removed on GitHub disappear once the complete list has been read again.
    big.files = big.files.slice(0, 240);
    big.commits = big.commits.slice(5);
    big.reviews[0]?.comments.splice(0, 2);
    big.updatedAt = '2026-12-02T00:00:00.000Z';
    await runGithubSync(options(dataSource), fast);
    expect(await count(dataSource, 'pull_request_file', pr)).toBe(240);
    expect(await count(dataSource, 'pull_request_commit', pr)).toBe(115);
    expect(await count(dataSource, 'pull_request_comment', pr)).toBe(30 + 10);
  }, 120_000);
});
