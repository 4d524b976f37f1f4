import type { DataSource } from 'typeorm';
import { createMigratedDataSource, type TestDatabase } from '../../testing/test-database';
import { silentLogger } from '../../testing/silent-logger';
import { JiraHttpError } from './jira-http.transport';
import { runJiraSync } from './jira-sync';
import { generateJiraDataset } from './simulator/dataset-generator';
import type { SimDeployment } from './simulator/issue.render';
import { domainFingerprint, startSimulatedJira } from './testing/jira-test-kit';

class SimulatedCrash extends Error {}

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe.each<SimDeployment>(['cloud', 'datacenter'])('Jira sync resilience (%s)', (deployment) => {
  const databases: { dataSource: DataSource; database: TestDatabase }[] = [];
  const fresh = async (): Promise<DataSource> => {
    const created = await createMigratedDataSource();
    databases.push(created);
    return created.dataSource;
  };
  afterAll(async () => {
    for (const { dataSource, database } of databases) {
      await dataSource.destroy();
      await database.drop();
    }
  });

  it('ends identical to an uninterrupted sync after at least 10 random crashes between and inside pages', async () => {
    const dataset = generateJiraDataset({
      seed: 11,
      projectKeys: ['ENG', 'OPS'],
      issueCount: 300,
      overflowEvery: 50,
    });
    const { simulator, connection } = await startSimulatedJira(deployment, dataset, {
      searchChangelogLimit: 100,
    });
    try {
      const clean = await fresh();
      await runJiraSync(
        { dataSource: clean, connection, logger: silentLogger() },
        { pageSize: 10 },
      );
      const expected = await domainFingerprint(clean);

      const crashed = await fresh();
      const random = seeded(deployment === 'cloud' ? 42 : 43);
      let crashes = 0;
      const maybeCrash = () => {
        if (random() < 0.35) {
          crashes += 1;
          throw new SimulatedCrash();
        }
      };
      for (let run = 0; run < 200; run += 1) {
        try {
          await runJiraSync(
            { dataSource: crashed, connection, logger: silentLogger() },
            { pageSize: 10, beforeCommit: maybeCrash, afterCommit: maybeCrash },
          );
          break;
        } catch (error) {
          if (!(error instanceof SimulatedCrash)) throw error;
        }
      }
      expect(crashes).toBeGreaterThanOrEqual(10);
      const actual = await domainFingerprint(crashed);
      expect(actual).toEqual(expected);
      expect(actual.work_item?.rows).toBe(300);
    } finally {
      await simulator.close();
    }
  }, 120_000);

  it('completes with 5% injected faults and 429 bursts, missing nothing, and quarantines a malformed issue', async () => {
    const dataset = generateJiraDataset({
      seed: 21,
      issueCount: 150,
      overflowEvery: 30,
      malformed: { 'ENG-17': 'missing-status', 'ENG-90': 'bad-created-date' },
    });
    const { simulator, connection } = await startSimulatedJira(deployment, dataset, {
      searchChangelogLimit: 100,
      faults: {
        rate: 0.05,
        slowMs: 200,
        rateLimitBurstEvery: 9,
        rateLimitBurstLength: 2,
        retryAfterSeconds: 1,
        seed: 5,
      },
    });
    try {
      const faulty = await fresh();
      const report = await runJiraSync(
        { dataSource: faulty, connection, logger: silentLogger() },
        { pageSize: 20 },
      );
      const faults = simulator.requests.map((request) => request.fault);
      expect(faults.filter((fault) => fault === 'rate-limit').length).toBeGreaterThanOrEqual(2);
      // The 5% of other faults (5xx, slow, truncated bodies) happened, and were all survived.
      expect(
        faults.filter((fault) => fault === 'server-error' || fault === 'malformed-body').length,
      ).toBeGreaterThanOrEqual(1);

      expect(report.issuesSynced).toBe(148);
      expect(report.quarantined.map((entry) => entry.ref).sort()).toEqual(['ENG-17', 'ENG-90']);
      const quarantine: { source_id: string; reason: string; raw_payload_id: string | null }[] =
        await faulty.query(
          `SELECT source_id, reason, raw_payload_id FROM quarantined_record ORDER BY source_id`,
        );
      expect(quarantine).toHaveLength(2);
      expect(quarantine[0]?.reason).toMatch(/status/);
      expect(quarantine[1]?.reason).toMatch(/created.*not a timestamp/);
      expect(quarantine[0]?.raw_payload_id).not.toBeNull();

      simulator.setFaults(undefined);
      const clean = await fresh();
      await runJiraSync(
        { dataSource: clean, connection, logger: silentLogger() },
        { pageSize: 20 },
      );
      expect(await domainFingerprint(faulty)).toEqual(await domainFingerprint(clean));
    } finally {
      await simulator.close();
    }
  }, 120_000);
});

describe('Jira HTTP errors', () => {
  it('keep their status and are not retried when they are not transient', async () => {
    const dataset = generateJiraDataset({ seed: 1, issueCount: 3 });
    const { simulator, connection } = await startSimulatedJira('cloud', dataset);
    const created = await createMigratedDataSource();
    try {
      const wrong = {
        ...connection,
        auth: { kind: 'basic' as const, email: 'bot@acme.test', apiToken: 'wrong' },
      };
      const failure = await runJiraSync(
        { dataSource: created.dataSource, connection: wrong, logger: silentLogger() },
        {},
      ).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(JiraHttpError);
      expect((failure as JiraHttpError).failure.status).toBe(401);
      expect(simulator.requests).toHaveLength(1);
    } finally {
      await simulator.close();
      await created.dataSource.destroy();
      await created.database.drop();
    }
  });

  it('the old search answers 410 on Cloud, as the real one does', async () => {
    const dataset = generateJiraDataset({ seed: 1, issueCount: 3 });
    const { simulator } = await startSimulatedJira('cloud', dataset);
    try {
      const response = await fetch(`${simulator.baseUrl}/rest/api/2/search?jql=project=ENG`, {
        headers: {
          authorization: `Basic ${Buffer.from('bot@acme.test:cloud-token').toString('base64')}`,
        },
      });
      expect(response.status).toBe(410);
    } finally {
      await simulator.close();
    }
  });
});
