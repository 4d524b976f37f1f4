import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { generateOrganisation } from '../sources/github/simulator/dataset-generator';
import { GithubSimulator } from '../sources/github/simulator/github-simulator';
import { generateJiraDataset } from '../sources/jira/simulator/dataset-generator';
import { startJiraSimulator, type JiraSimulator } from '../sources/jira/simulator/jira-simulator';
import { createMigratedDataSource, type TestDatabase } from '../testing/test-database';
import { runSyncCommand } from './sync-command';
import type { DataSource } from 'typeorm';

function captured(): { stream: PassThrough & NodeJS.WriteStream; text: () => string } {
  const stream = new PassThrough() as PassThrough & NodeJS.WriteStream;
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return { stream, text: () => chunks.join('') };
}

async function run(env: Record<string, string>) {
  const stdout = captured();
  const stderr = captured();
  const code = await runSyncCommand({
    env,
    baseDir: '/tmp',
    stdout: stdout.stream,
    stderr: stderr.stream,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('npm run sync', () => {
  let github: GithubSimulator;
  let jira: JiraSimulator;
  let dataSource: DataSource;
  let database: TestDatabase;
  const githubDataset = generateOrganisation({
    repositories: 2,
    pullRequestsPerRepository: 8,
    seed: 11,
  });
  const jiraDataset = generateJiraDataset({ seed: 11, issueCount: 20 });

  beforeAll(async () => {
    github = await new GithubSimulator(githubDataset).start();
    jira = await startJiraSimulator({
      deployment: 'datacenter',
      dataset: jiraDataset,
      auth: { pat: 'jira-pat' },
    });
    ({ dataSource, database } = await createMigratedDataSource());
  });
  afterAll(async () => {
    await github.stop();
    await jira.close();
    await dataSource.destroy();
    await database.drop();
  });

  const dataDir = mkdtempSync(join(tmpdir(), 'rr-sync-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const configured = () => ({
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    GITHUB_TOKEN: 'ghp_test',
    GITHUB_API_URL: github.apiUrl,
    GITHUB_ORG: githubDataset.organization,
    JIRA_BASE_URL: jira.baseUrl,
    JIRA_PAT: 'jira-pat',
    JIRA_DEPLOYMENT: 'datacenter',
  });

  it('syncs GitHub and Jira, prints a summary and exits 0', async () => {
    const result = await run(configured());
    expect(result.stderr).not.toContain('Sync failed');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^github: 2\/2 repositories, 16 pull requests stored/m);
    expect(result.stdout).toMatch(/^jira \(datacenter\): 20 issues/m);
    expect(result.stdout).toMatch(/^identities: /m);
    expect(result.stdout).toMatch(/^links: /m);
    const [prs] = await dataSource.query<{ count: string }[]>('SELECT count(*) FROM pull_request');
    const [items] = await dataSource.query<{ count: string }[]>('SELECT count(*) FROM work_item');
    expect(Number(prs?.count)).toBe(16);
    expect(Number(items?.count)).toBe(20);
  }, 120_000);

  it('exits 1 with the reason when a source refuses the credentials', async () => {
    const result = await run({
      ...configured(),
      JIRA_PAT: 'wrong',
      GITHUB_TOKEN: '',
      GITHUB_ORG: '',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /Sync failed: .*401|Sync failed: .*(unauthori[sz]ed|credentials)/i,
    );
  }, 60_000);

  it('exits 2 naming the variable when the configuration is invalid', async () => {
    const result = await run({ DATABASE_URL: database.url, JIRA_BASE_URL: 'not a url' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('JIRA_BASE_URL: expected an http(s) URL');
  });

  it('exits 2 and says what to set when nothing is configured', async () => {
    const result = await run({ DATABASE_URL: database.url });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Nothing to sync');
  });

  it('writes no credential into its output or logs, even at trace level', async () => {
    const secrets = {
      GITHUB_TOKEN: 'ghp_NeverLogMe0123456789abcdefABCDEF',
      JIRA_PAT: 'jira-pat-never-log-me-4242',
      GITHUB_WEBHOOK_SECRET: 'github-hook-secret-never-log',
      JIRA_WEBHOOK_SECRET: 'jira-hook-secret-never-log',
      SECRETS_KEY: 'c0ffee'.repeat(10) + 'c0ff',
      ADMIN_PASSWORD: 'admin password never logged',
    };
    const ownJira = await startJiraSimulator({
      deployment: 'datacenter',
      dataset: jiraDataset,
      auth: { pat: secrets.JIRA_PAT },
    });
    try {
      const result = await run({
        ...configured(),
        ...secrets,
        JIRA_BASE_URL: ownJira.baseUrl,
        ADMIN_EMAIL: 'admin@acme.test',
        LOG_LEVEL: 'trace',
      });
      expect(result.code).toBe(0);
      const output = result.stdout + result.stderr;
      expect(output.length).toBeGreaterThan(1_000);
      for (const [name, value] of Object.entries(secrets)) {
        expect({ name, leaked: output.includes(value) }).toEqual({ name, leaked: false });
      }
    } finally {
      await ownJira.close();
    }
  }, 120_000);
});
