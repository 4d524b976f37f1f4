import type { DataSource } from 'typeorm';
import type { GithubConnection } from '../../config/app-config';
import { createMigratedDataSource, type TestDatabase } from '../../testing/test-database';
import { silentLogger } from '../../testing/silent-logger';
import { domainChecksums } from './domain-checksum';
import { runGithubSync, type GithubSyncOptions, type SyncProgressEvent } from './github-sync';
import { replayPullRequestsFromRaw } from './replay-from-raw';
import { generateOrganisation, seededRandom } from './simulator/dataset-generator';
import { GithubSimulator } from './simulator/github-simulator';

const fast = { retryBaseMs: 20, graphqlGapMs: 0 };

async function freshDatabase(): Promise<{ dataSource: DataSource; database: TestDatabase }> {
  return createMigratedDataSource();
}

function options(
  dataSource: DataSource,
  simulator: GithubSimulator,
  extra: Partial<GithubSyncOptions> = {},
): GithubSyncOptions {
  const connection: GithubConnection = {
    apiUrl: simulator.apiUrl,
    auth: { kind: 'token', token: 'ghp_test' },
    org: 'acme',
    repos: [],
  };
  return { dataSource, connection, logger: silentLogger(), ...extra };
}

describe('syncGithub against the simulator', () => {
  const dataset = generateOrganisation({
    repositories: 2,
    pullRequestsPerRepository: 100,
    seed: 3,
  });
  const totalPrs = 2 * 100;
  let simulator: GithubSimulator;
  const opened: { dataSource: DataSource; database: TestDatabase }[] = [];
  const open = async (): Promise<DataSource> => {
    const handle = await freshDatabase();
    opened.push(handle);
    return handle.dataSource;
  };

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
  beforeEach(() => {
    simulator.resetCounters();
    simulator.setFaults(undefined);
  });

  let reference: Awaited<ReturnType<typeof domainChecksums>>;

  it('backfills every pull request with its activity, within the request and point budget', async () => {
    const dataSource = await open();
    const report = await runGithubSync(options(dataSource, simulator), fast);
    expect(simulator.validationErrors).toEqual([]);
    reference = await domainChecksums(dataSource);
    expect(reference.pull_request?.rows).toBe(totalPrs);
    const reviews = dataset.repositories.flatMap((repo) =>
      repo.pullRequests.flatMap((pr) => pr.reviews),
    ).length;
    const commits = dataset.repositories.flatMap((repo) =>
      repo.pullRequests.flatMap((pr) => pr.commits),
    ).length;
    const files = dataset.repositories.flatMap((repo) =>
      repo.pullRequests.flatMap((pr) => pr.files.map((file) => `${pr.databaseId}:${file.path}`)),
    );
    expect(reference.pull_request_review?.rows).toBe(reviews);
    expect(reference.pull_request_commit?.rows).toBe(commits);
    expect(reference.pull_request_file?.rows).toBe(new Set(files).size);
    expect(reference.repository?.rows).toBe(2);
    expect(reference.deployment?.rows).toBe(10);
    expect(reference.release?.rows).toBe(6);
    expect(reference.incident?.rows).toBe(4);
    expect(report.pullRequestsStored).toBe(totalPrs);
    // 10,000 PRs may cost 300 requests and 1,500 points. Per PR: one GraphQL page per 50 PRs;
    // per repository: deployments, releases, incidents; per org: the repository list.
    expect(simulator.counters.requests).toBeLessThanOrEqual(totalPrs / 50 + 3 * 2 + 1);
    expect(simulator.counters.graphqlPoints / totalPrs).toBeLessThanOrEqual(1500 / 10_000);
    const lineage = await dataSource.query<{ missing: number }[]>(
      'SELECT count(*)::int AS missing FROM pull_request p LEFT JOIN raw_payload r ON r.id = p.raw_payload_id WHERE r.id IS NULL',
    );
    expect(lineage[0]?.missing).toBe(0);
    const agents = await dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM pull_request WHERE is_agent',
    );
    expect(agents[0]?.n).toBeGreaterThan(0);

    // The raw layer alone rebuilds the pull request tables.
    await dataSource.query(
      'TRUNCATE pull_request, pull_request_review, pull_request_comment, pull_request_commit, pull_request_file',
    );
    expect(await replayPullRequestsFromRaw(dataSource)).toBe(totalPrs);
    expect(await domainChecksums(dataSource)).toEqual(reference);

    simulator.resetCounters();
    const again = await runGithubSync(options(dataSource, simulator), fast);
    expect(simulator.counters.requests).toBeLessThanOrEqual(2 * 2);
    expect(again.pullRequestsStored).toBe(0);
    expect(await domainChecksums(dataSource)).toEqual(reference);
  });

  it('picks up an updated pull request on the next sync', async () => {
    const dataSource = await open();
    await runGithubSync(options(dataSource, simulator), fast);
    const pr = dataset.repositories[1]?.pullRequests[5];
    if (pr === undefined) throw new Error('dataset too small');
    const original = { title: pr.title, updatedAt: pr.updatedAt };
    pr.title = 'Renamed after review';
    pr.updatedAt = '2027-01-01T00:00:00.000Z';
    try {
      simulator.resetCounters();
      const report = await runGithubSync(options(dataSource, simulator), fast);
      expect(report.pullRequestsStored).toBe(1);
      const rows = await dataSource.query<
        {
          title: string;
        }[]
      >('SELECT title FROM pull_request WHERE id = $1', [`github:acme/service-2#${pr.number}`]);
      expect(rows[0]?.title).toBe('Renamed after review');
    } finally {
      Object.assign(pr, original);
    }
  });

  it('ends with the same database after crashes at random pages, restarting each time', async () => {
    const dataSource = await open();
    const random = seededRandom(11);
    let crashes = 0;
    let finished = false;
    let commits = 0;
    while (!finished) {
      const crashAt = commits + 1 + Math.floor(random() * 3);
      try {
        await runGithubSync(options(dataSource, simulator), {
          ...fast,
          beforeCommit: () => {
            commits += 1;
            if (crashes < 12 && commits === crashAt) throw new Error('injected crash');
          },
        });
        finished = true;
      } catch (error) {
        if (!(error instanceof Error) || error.message !== 'injected crash') throw error;
        crashes += 1;
        commits -= 1;
      }
    }
    expect(crashes).toBeGreaterThanOrEqual(10);
    expect(await domainChecksums(dataSource)).toEqual(reference);
  });

  it('completes with nothing missing through 5% faults and secondary-limit bursts', async () => {
    const dataSource = await open();
    simulator.setFaults({
      probability: 0.05,
      kinds: ['server-error', 'connection-reset', 'truncated-json', 'too-many-requests', 'slow'],
      seed: 5,
      retryAfterSeconds: 1,
      slowMs: 200,
      burstsAt: [4],
      burstLength: 2,
    });
    const events: SyncProgressEvent[] = [];
    const report = await runGithubSync(
      options(dataSource, simulator, { onProgress: (event) => events.push(event) }),
      fast,
    );
    expect(simulator.counters.faults).toBeGreaterThan(0);
    expect(report.waits).toBeGreaterThan(0);
    expect(events.some((event) => event.kind === 'waiting')).toBe(true);
    expect(await domainChecksums(dataSource)).toEqual(reference);
  }, 120_000);
});
