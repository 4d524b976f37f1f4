import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { HistoryBuilder, isolateGitConfig } from '../git/evaluation/history-builder';
import { runGit } from '../git/git-command';
import { createMigratedDataSource, type TestDatabase } from '../../testing/test-database';
import { silentLogger } from '../../testing/silent-logger';
import { runGithubSync, type GithubSyncOptions } from './github-sync';
import { cloneUrlOf } from './repository-mirror';
import { generateOrganisation } from './simulator/dataset-generator';
import { GithubSimulator } from './simulator/github-simulator';

describe('syncGithub keeps git mirrors', () => {
  let root: string;
  let restore: () => void;
  let simulator: GithubSimulator;
  let dataSource: DataSource;
  let database: TestDatabase;
  let source: HistoryBuilder;
  const token = 'ghp_mirrorToken';
  const dataset = generateOrganisation({ repositories: 2, pullRequestsPerRepository: 10, seed: 8 });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'gh-mirrors-'));
    restore = isolateGitConfig(root);
    source = await HistoryBuilder.create(join(root, 'served', 'service-1'));
    await source.write('a.ts', 'export const a = 1;\n');
    await source.commit('first');
    const repo = dataset.repositories[0];
    if (repo === undefined) throw new Error('dataset too small');
    repo.gitDir = source.dir;
    simulator = await new GithubSimulator(dataset).start();
    simulator.requireTokens(token);
    ({ dataSource, database } = await createMigratedDataSource());
  });
  afterAll(async () => {
    await simulator.stop();
    await dataSource.destroy();
    await database.drop();
    restore();
    await rm(root, { recursive: true, force: true });
  });

  const options = (): GithubSyncOptions => ({
    dataSource,
    connection: {
      apiUrl: simulator.apiUrl,
      auth: { kind: 'token', token },
      org: 'acme',
      repos: [],
    },
    logger: silentLogger(),
    dataDir: join(root, 'data'),
  });

  it('mirrors each repository with the connection token, reports a failing one without failing the sync', async () => {
    const report = await runGithubSync(options(), { retryBaseMs: 10, graphqlGapMs: 0 });
    expect(report.pullRequestsStored).toBe(20);
    expect(report.mirrors.updated).toBe(1);
    expect(report.mirrors.failures.map((failure) => failure.repository)).toEqual([
      'acme/service-2',
    ]);
    expect(report.mirrors.failures[0]?.reason).toMatch(/not found|404/i);
    // A repository git says does not exist is not retried; the good one needed one attempt.
    expect(report.mirrors.attempts).toBe(2);
    const gitDir = join(root, 'data', 'git', 'acme', 'service-1.git');
    expect((await runGit(['--git-dir', gitDir, 'rev-parse', 'refs/heads/main'])).trim()).toBe(
      (await source.git(['rev-parse', 'HEAD'])).trim(),
    );
    expect(simulator.counters.unauthorized).toBe(0);
  });

  it('fetches new commits on a re-sync, within the API request budget (git counted apart)', async () => {
    await source.write('a.ts', 'export const a = 2;\n');
    const second = await source.commit('second');
    simulator.resetCounters();
    const report = await runGithubSync(options(), { retryBaseMs: 10, graphqlGapMs: 0 });
    expect(report.pullRequestsStored).toBe(0);
    // Same budget as without mirrors: the repository list and one PR page per repository.
    expect(simulator.counters.requests).toBeLessThanOrEqual(2 * 2);
    expect(report.requests).toBe(simulator.counters.requests);
    expect(simulator.counters.gitRequests).toBeGreaterThan(0);
    const gitDir = join(root, 'data', 'git', 'acme', 'service-1.git');
    expect((await runGit(['--git-dir', gitDir, 'rev-parse', 'refs/heads/main'])).trim()).toBe(
      second,
    );
  });

  it('derives the clone URL from the web URL', () => {
    expect(cloneUrlOf('https://github.com/acme/api')).toBe('https://github.com/acme/api.git');
    expect(cloneUrlOf('https://ghe.example/acme/api/')).toBe('https://ghe.example/acme/api.git');
  });
});
