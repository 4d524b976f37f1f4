import { existsSync } from 'node:fs';
import { mirrorPath } from '../sources/git';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { GithubDataset } from '../sources/github/simulator/github-dataset';
import type { JiraSimulatorDataset } from '../sources/jira/simulator/simulator-dataset';
import { createMigratedDataSource, type TestDatabase } from '../testing/test-database';
import { silentLogger } from '../testing/silent-logger';
import { demoFiles } from './demo-build';
import { demoDirectory, loadDemoOrganisation, type DemoProgressEvent } from './demo-loader';

const count = async (dataSource: DataSource, table: string): Promise<number> =>
  (await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}"`))[0]?.n ??
  -1;

describe('loadDemoOrganisation', () => {
  let dataSource: DataSource;
  let database: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    ({ dataSource, database } = await createMigratedDataSource());
    dataDir = await mkdtemp(join(tmpdir(), 'rr-demo-load-'));
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('generates, serves through both simulators, syncs both connectors, then reuses everything on the second start', async () => {
    const events: DemoProgressEvent[] = [];
    const first = await loadDemoOrganisation({
      dataDir,
      dataSource,
      logger: silentLogger(),
      seed: 11,
      scale: { prs: 300 },
      onProgress: (event) => events.push(event),
    });
    expect(first.reused).toBe(false);
    expect(new Set(events.map((event) => event.stage))).toEqual(
      new Set(['generate', 'git', 'sync-github', 'sync-jira', 'analyse', 'done']),
    );

    const dir = demoDirectory(dataDir, 11, 300);
    const github = JSON.parse(await readFile(join(dir, demoFiles.github), 'utf8')) as GithubDataset;
    const jira = JSON.parse(
      await readFile(join(dir, demoFiles.jira), 'utf8'),
    ) as JiraSimulatorDataset;
    const prs = github.repositories.flatMap((repo) => repo.pullRequests);
    expect(first.githubReport.reposDone).toBe(github.repositories.length);
    expect(await count(dataSource, 'repository')).toBe(github.repositories.length);
    expect(await count(dataSource, 'pull_request')).toBe(prs.length);
    expect(await count(dataSource, 'pull_request_review')).toBe(
      prs.flatMap((pr) => pr.reviews).length,
    );
    expect(await count(dataSource, 'pull_request_commit')).toBe(
      prs.flatMap((pr) => pr.commits).length,
    );
    expect(await count(dataSource, 'deployment')).toBe(
      github.repositories.flatMap((repo) => repo.deployments).length,
    );
    expect(await count(dataSource, 'incident')).toBe(
      github.repositories.flatMap((repo) => repo.issues).length,
    );
    expect(first.jiraReport.issuesSynced).toBe(jira.issues.length);
    expect(first.jiraReport.quarantined).toEqual([]);
    expect(await count(dataSource, 'work_item')).toBe(jira.issues.length);
    expect(await count(dataSource, 'work_item_change')).toBe(
      jira.issues.reduce(
        (sum, issue) => sum + issue.histories.reduce((n, h) => n + h.items.length, 0),
        0,
      ),
    );
    expect(await count(dataSource, 'work_item_link')).toBe(
      jira.issues.reduce((sum, issue) => sum + issue.links.length, 0),
    );
    expect(await count(dataSource, 'sprint')).toBe(jira.sprints.length);
    // The ground truth stays outside what the simulators serve.
    expect(JSON.stringify(github)).not.toContain('missing_context');
    expect(Object.keys(first.gitDirs)).toHaveLength(github.repositories.length);
    // Each repository's real history is mirrored through the simulator's git endpoint.
    expect(first.githubReport.mirrors).toMatchObject({
      updated: github.repositories.length,
      failures: [],
    });
    for (const repo of github.repositories)
      expect(existsSync(mirrorPath(dataDir, `${repo.owner}/${repo.name}`))).toBe(true);
    // People are merged across tools and pull requests linked to work items.
    expect(first.afterSync.identities.persons).toBeGreaterThan(0);
    expect(first.afterSync.links.linksAdded).toBe(
      await count(dataSource, 'pull_request_work_item'),
    );
    expect(first.afterSync.links.linksAdded).toBeGreaterThan(0);

    const second = await loadDemoOrganisation({
      dataDir,
      dataSource,
      logger: silentLogger(),
      seed: 11,
      scale: { prs: 300 },
    });
    expect(second.reused).toBe(true);
    expect(second.githubReport.pullRequestsStored).toBe(0);
    expect(second.durationMs).toBeLessThan(first.durationMs);
    expect(second.durationMs).toBeLessThan(15_000);
    expect(await count(dataSource, 'pull_request')).toBe(prs.length);
    expect(await count(dataSource, 'work_item')).toBe(jira.issues.length);
  }, 180_000);
});
