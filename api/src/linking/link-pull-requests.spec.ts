import type { DataSource } from 'typeorm';
import type { JiraConnection } from '../config/app-config';
import { syncGithub } from '../sources/github/github-sync';
import { generateOrganisation } from '../sources/github/simulator/dataset-generator';
import type { SimPullRequest } from '../sources/github/simulator/github-dataset';
import { GithubSimulator } from '../sources/github/simulator/github-simulator';
import { syncJira } from '../sources/jira/jira-sync';
import { generateJiraDataset } from '../sources/jira/simulator/dataset-generator';
import { startJiraSimulator, type JiraSimulator } from '../sources/jira/simulator/jira-simulator';
import { createMigratedDataSource, type TestDatabase } from '../testing/test-database';
import { silentLogger } from '../testing/silent-logger';
import { linkPullRequestsToWorkItems } from './link-pull-requests';

interface LinkRow {
  pull_request_id: string;
  work_item_key: string;
  rule: string;
  evidence: string;
  work_item_present: boolean;
  first_seen_at: Date;
}

/** Two GitHub repositories whose only work item keys are the ones set here. */
function githubWorld(): {
  dataset: ReturnType<typeof generateOrganisation>;
  prs: SimPullRequest[];
} {
  const dataset = generateOrganisation({
    repositories: 2,
    pullRequestsPerRepository: 10,
    seed: 21,
  });
  for (const repo of dataset.repositories) for (const pr of repo.pullRequests) pr.body = '';
  const prs = dataset.repositories[0]?.pullRequests ?? [];
  const at = (index: number): SimPullRequest => {
    const pr = prs[index];
    if (pr === undefined) throw new Error('dataset too small');
    return pr;
  };
  at(0).title = 'ACME-3: Fix login redirect';
  at(1).headRefName = 'feature/acme-4-export';
  const commit = at(2).commits[0];
  if (commit === undefined) throw new Error('no commit');
  commit.message = 'Cache results\n\nRefs ACME-5';
  at(3).title = 'Use UTF-8 and SHA-256 everywhere (RFC-7231)';
  at(3).headRefName = 'fix/iso-8601-dates';
  at(3).body = 'Tracked as OPS-12 in the other tracker.';
  at(4).body = 'Implements ACME-35 (not synced yet).';
  at(5).title = 'ACME-6 and ACME-7 together';
  at(5).body = 'Closes ACME-6';
  return { dataset, prs };
}

describe('linkPullRequestsToWorkItems', () => {
  const { dataset, prs } = githubWorld();
  let github: GithubSimulator;
  let jira: JiraSimulator;
  let dataSource: DataSource;
  let database: TestDatabase;

  const jiraConnection = (baseUrl: string, projects = ['ACME']): JiraConnection => ({
    baseUrl,
    auth: { kind: 'pat', token: 'jira-pat' },
    deployment: 'datacenter',
    projects,
    jql: undefined,
  });
  const syncBoth = async (jiraUrl: string): Promise<void> => {
    await syncGithub({
      dataSource,
      connection: {
        apiUrl: github.apiUrl,
        auth: { kind: 'token', token: 'ghp_x' },
        org: 'acme',
        repos: [],
      },
      logger: silentLogger(),
    });
    await syncJira({ dataSource, connection: jiraConnection(jiraUrl), logger: silentLogger() });
  };
  const links = (): Promise<LinkRow[]> =>
    dataSource.query<LinkRow[]>(
      'SELECT pull_request_id, work_item_key, rule, evidence, work_item_present, first_seen_at FROM pull_request_work_item ORDER BY id',
    );
  const pr = (index: number): string => `github:acme/service-1#${prs[index]?.number ?? -1}`;

  beforeAll(async () => {
    github = await new GithubSimulator(dataset).start();
    jira = await startJiraSimulator({
      deployment: 'datacenter',
      dataset: generateJiraDataset({ seed: 21, issueCount: 30, projectKeys: ['ACME'] }),
      auth: { pat: 'jira-pat' },
    });
    ({ dataSource, database } = await createMigratedDataSource());
    await syncBoth(jira.baseUrl);
  }, 120_000);
  afterAll(async () => {
    await github.stop();
    await jira.close();
    await dataSource.destroy();
    await database.drop();
  });

  it('links by title, branch, body and commit message with evidence, and nothing else', async () => {
    const report = await linkPullRequestsToWorkItems(dataSource, silentLogger());
    expect(report).toEqual({
      examined: 20,
      linksAdded: 7,
      linksRemoved: 0,
      linksResolved: 0,
      pendingLinks: 1,
    });
    const rows = await links();
    const summary = rows
      .map(
        (row) =>
          `${row.pull_request_id} ${row.work_item_key} ${row.rule} ${row.work_item_present ? 'present' : 'pending'} | ${row.evidence}`,
      )
      .sort();
    const commitSha = prs[2]?.commits[0]?.sha.slice(0, 7) ?? '';
    expect(summary).toEqual(
      [
        `${pr(0)} ACME-3 title present | ACME-3: Fix login redirect`,
        `${pr(1)} ACME-4 branch present | feature/acme-4-export`,
        `${pr(2)} ACME-5 commit-message present | ${commitSha}: Refs ACME-5`,
        `${pr(4)} ACME-35 body pending | Implements ACME-35 (not synced yet).`,
        `${pr(5)} ACME-6 title present | ACME-6 and ACME-7 together`,
        `${pr(5)} ACME-7 title present | ACME-6 and ACME-7 together`,
        `${pr(5)} ACME-6 body present | Closes ACME-6`,
      ].sort(),
    );
    // The standards, the hash-like names and the other tracker's key linked nothing.
    expect(rows.filter((row) => row.pull_request_id === pr(3))).toEqual([]);
  });

  it('re-runs without examining or writing anything when nothing changed', async () => {
    const before = await links();
    const report = await linkPullRequestsToWorkItems(dataSource, silentLogger());
    expect(report).toEqual({
      examined: 0,
      linksAdded: 0,
      linksRemoved: 0,
      linksResolved: 0,
      pendingLinks: 1,
    });
    expect(await links()).toEqual(before);
  });

  it('examines only the pull request that changed, dropping links it no longer makes', async () => {
    const before = await links();
    const changed = prs[5];
    if (changed === undefined) throw new Error('dataset too small');
    changed.title = 'Tidy the export';
    changed.updatedAt = '2027-02-01T00:00:00.000Z';
    await syncBoth(jira.baseUrl);
    const report = await linkPullRequestsToWorkItems(dataSource, silentLogger());
    expect(report).toEqual({
      examined: 1,
      linksAdded: 0,
      linksRemoved: 2,
      linksResolved: 0,
      pendingLinks: 1,
    });
    const kept = (await links()).filter((row) => row.pull_request_id === pr(5));
    expect(kept.map((row) => `${row.work_item_key} ${row.rule}`)).toEqual(['ACME-6 body']);
    // First seen stays what it was.
    expect(kept[0]?.first_seen_at).toEqual(
      before.find((row) => row.pull_request_id === pr(5) && row.rule === 'body')?.first_seen_at,
    );
  }, 60_000);

  it('resolves a pending link once its work item is synced', async () => {
    const larger = await startJiraSimulator({
      deployment: 'datacenter',
      dataset: generateJiraDataset({ seed: 21, issueCount: 40, projectKeys: ['ACME'] }),
      auth: { pat: 'jira-pat' },
    });
    try {
      // Another scope (all projects), so this sync reads every issue rather than resuming.
      await syncJira({
        dataSource,
        connection: jiraConnection(larger.baseUrl, []),
        logger: silentLogger(),
      });
    } finally {
      await larger.close();
    }
    const report = await linkPullRequestsToWorkItems(dataSource, silentLogger());
    expect(report).toMatchObject({
      linksAdded: 0,
      linksRemoved: 0,
      linksResolved: 1,
      pendingLinks: 0,
    });
    const resolved = (await links()).find((row) => row.work_item_key === 'ACME-35');
    expect(resolved?.work_item_present).toBe(true);
  }, 60_000);
});
