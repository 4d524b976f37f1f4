import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { domainChecksums } from '../sources/github/domain-checksum';
import { generateOrganisation } from '../sources/github/simulator/dataset-generator';
import { GithubSimulator } from '../sources/github/simulator/github-simulator';
import { generateJiraDataset } from '../sources/jira/simulator/dataset-generator';
import { startJiraSimulator, type JiraSimulator } from '../sources/jira/simulator/jira-simulator';
import { domainFingerprint } from '../sources/jira/testing/jira-test-kit';
import { createMigratedDataSource, type TestDatabase } from '../testing/test-database';

/**
 * The real CLI process, killed with SIGKILL at random moments and restarted: the database must
 * end identical to one uninterrupted sync (no gaps, no duplicates). Runs the compiled build.
 */
const cli = resolve(__dirname, '..', '..', 'dist', 'sync', 'sync.cli.js');

function runCli(
  env: Record<string, string>,
  killAfterMs?: number,
): Promise<{ code: number | null; killed: boolean }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli], {
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    let killed = false;
    const timer =
      killAfterMs === undefined
        ? undefined
        : setTimeout(() => {
            killed = child.kill('SIGKILL');
          }, killAfterMs);
    child.on('exit', (code) => {
      if (timer !== undefined) clearTimeout(timer);
      done({ code, killed });
    });
  });
}

async function snapshot(dataSource: DataSource) {
  const links = await dataSource.query<{ rows: string; md5: string | null }[]>(
    `SELECT count(*) AS rows, md5(string_agg(pull_request_id || work_item_key || rule, '|' ORDER BY pull_request_id, work_item_key, rule)) AS md5
     FROM pull_request_work_item`,
  );
  return {
    github: await domainChecksums(dataSource),
    jira: await domainFingerprint(dataSource),
    links: links[0],
  };
}

describe('npm run sync killed with SIGKILL at random points', () => {
  const github = generateOrganisation({ repositories: 2, pullRequestsPerRepository: 50, seed: 29 });
  const jira = generateJiraDataset({ seed: 29, issueCount: 100, overflowEvery: 25 });
  let githubSimulator: GithubSimulator;
  let jiraSimulator: JiraSimulator;
  const databases: { dataSource: DataSource; database: TestDatabase }[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'rr-kill-'));

  beforeAll(async () => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: build the api first (npm run build)`);
    githubSimulator = await new GithubSimulator(github).start();
    // Slow answers stretch the sync so that kills land in the middle of pages.
    githubSimulator.setFaults({ probability: 1, kinds: ['slow'], slowMs: 40 });
    jiraSimulator = await startJiraSimulator({
      deployment: 'cloud',
      dataset: jira,
      auth: { email: 'bot@acme.test', apiToken: 't' },
      faults: { rate: 1, kinds: ['slow'], slowMs: 40 },
      searchMaxResults: 25,
    });
  });
  afterAll(async () => {
    await githubSimulator.stop();
    await jiraSimulator.close();
    for (const { dataSource, database } of databases) {
      await dataSource.destroy();
      await database.drop();
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  const envFor = (database: TestDatabase) => ({
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    GITHUB_TOKEN: 'ghp_test',
    GITHUB_API_URL: githubSimulator.apiUrl,
    GITHUB_ORG: github.organization,
    JIRA_BASE_URL: jiraSimulator.baseUrl,
    JIRA_EMAIL: 'bot@acme.test',
    JIRA_API_TOKEN: 't',
    JIRA_DEPLOYMENT: 'cloud',
    LOG_LEVEL: 'fatal',
  });

  it('ends identical to an uninterrupted sync after 10 kills', async () => {
    const reference = await createMigratedDataSource();
    const killed = await createMigratedDataSource();
    databases.push(reference, killed);

    const started = Date.now();
    expect((await runCli(envFor(reference.database))).code).toBe(0);
    const fullRunMs = Date.now() - started;

    // Seeded spread of kill times across the length of a whole sync.
    let seed = 12345;
    const nextDelay = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      // Within the first 60% of a whole sync's time: resumed runs do less and finish sooner, and a
      // run that completes before its kill does not count as a kill.
      return 200 + (seed % Math.max(Math.round(fullRunMs * 0.6), 1000));
    };
    let kills = 0;
    for (let attempt = 0; attempt < 30 && kills < 10; attempt += 1) {
      const outcome = await runCli(envFor(killed.database), nextDelay());
      if (outcome.killed && outcome.code !== 0) kills += 1;
    }
    expect(kills).toBeGreaterThanOrEqual(10);
    expect((await runCli(envFor(killed.database))).code).toBe(0);

    const expected = await snapshot(reference.dataSource);
    const actual = await snapshot(killed.dataSource);
    expect(actual).toEqual(expected);
    expect(Object.values(actual.jira).every((table) => table.orphans === 0)).toBe(true);
    expect(expected.github.pull_request?.rows).toBe(100);
  }, 300_000);
});
