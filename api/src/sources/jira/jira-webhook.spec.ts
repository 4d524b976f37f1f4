import type { DataSource } from 'typeorm';
import { createMigratedDataSource, type TestDatabase } from '../../testing/test-database';
import { silentLogger } from '../../testing/silent-logger';
import { handleJiraWebhook, type JiraWebhookDeps } from './jira-webhook';
import { runJiraSync } from './jira-sync';
import { generateJiraDataset } from './simulator/dataset-generator';
import { issueWebhook, sprintWebhook } from './simulator/webhook.render';
import { domainFingerprint, startSimulatedJira } from './testing/jira-test-kit';

describe('handleJiraWebhook', () => {
  let dataSource: DataSource;
  let database: TestDatabase;
  let deps: JiraWebhookDeps;
  const secret = 'hook-secret';
  const dataset = generateJiraDataset({ seed: 31, issueCount: 30 });

  beforeAll(async () => {
    ({ dataSource, database } = await createMigratedDataSource());
    deps = { dataSource, logger: silentLogger(), secret };
    const { simulator, connection } = await startSimulatedJira('cloud', dataset);
    await runJiraSync({ dataSource, connection, logger: silentLogger() }, {});
    await simulator.close();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('refuses a delivery without the right signature or query secret', async () => {
    const issue = dataset.issues[0];
    if (issue === undefined) throw new Error('no issue');
    const delivery = issueWebhook(dataset, 'jira:issue_updated', issue, 'other-secret', 'd-0');
    expect(
      await handleJiraWebhook(deps, {
        headers: delivery.headers,
        query: {},
        rawBody: delivery.rawBody,
      }),
    ).toMatchObject({ httpStatus: 401 });
    expect(
      await handleJiraWebhook(deps, { headers: {}, query: { secret }, rawBody: delivery.rawBody }),
    ).toMatchObject({ httpStatus: 200 });
    expect(
      await handleJiraWebhook(
        { ...deps, verification: 'hmac' },
        { headers: {}, query: { secret }, rawBody: '{}' },
      ),
    ).toMatchObject({ httpStatus: 401 });
  });

  it('applies an update through the same steps, keeps the full changelog, and ignores a redelivery', async () => {
    const issue = dataset.issues.find(
      (candidate) => candidate.statusId === '10002' && candidate.histories.length > 3,
    );
    if (issue === undefined) throw new Error('no done issue');
    const [{ n: changesBefore } = { n: 0 }]: { n: number }[] = await dataSource.query(
      `SELECT count(*)::int AS n FROM work_item_change WHERE work_item_id = $1`,
      [`jira:${issue.id}`],
    );
    // Reopen it in "Jira".
    const at = new Date(Date.parse(issue.updated) + 3_600_000).toISOString();
    issue.histories.push({
      id: '999001',
      authorId: dataset.users[0]?.id ?? '',
      created: at,
      items: [
        {
          field: 'status',
          fieldId: 'status',
          fieldtype: 'jira',
          from: '10002',
          fromString: 'Done',
          to: '3',
          toString: 'In Progress',
        },
      ],
    });
    issue.statusId = '3';
    issue.updated = at;
    issue.summary = 'Reopened by a webhook';
    const delivery = issueWebhook(dataset, 'jira:issue_updated', issue, secret, 'd-1');

    const first = await handleJiraWebhook(deps, {
      headers: delivery.headers,
      query: {},
      rawBody: delivery.rawBody,
    });
    expect(first).toMatchObject({ httpStatus: 200, outcome: 'applied', issueKey: issue.key });
    const [row]: {
      summary: string;
      status: string;
      status_category: string;
      reopen_count: number;
    }[] = await dataSource.query(
      `SELECT summary, status, status_category, reopen_count FROM work_item WHERE key = $1`,
      [issue.key],
    );
    expect(row).toMatchObject({
      summary: 'Reopened by a webhook',
      status: 'In Progress',
      status_category: 'indeterminate',
    });
    expect(row?.reopen_count).toBeGreaterThanOrEqual(1);
    const [{ n: changesAfter } = { n: 0 }]: { n: number }[] = await dataSource.query(
      `SELECT count(*)::int AS n FROM work_item_change WHERE work_item_id = $1`,
      [`jira:${issue.id}`],
    );
    expect(changesAfter).toBe(changesBefore + 1);

    const before = await domainFingerprint(dataSource);
    expect(
      await handleJiraWebhook(deps, {
        headers: delivery.headers,
        query: {},
        rawBody: delivery.rawBody,
      }),
    ).toMatchObject({ outcome: 'duplicate' });
    expect(await domainFingerprint(dataSource)).toEqual(before);
  });

  it('deletes an issue and applies sprint events', async () => {
    const issue = dataset.issues[5];
    const sprint = dataset.sprints[0];
    if (issue === undefined || sprint === undefined) throw new Error('dataset too small');
    const deleted = issueWebhook(dataset, 'jira:issue_deleted', issue, secret, 'd-2');
    expect(
      await handleJiraWebhook(deps, {
        headers: deleted.headers,
        query: {},
        rawBody: deleted.rawBody,
      }),
    ).toMatchObject({ outcome: 'applied' });
    expect(
      await dataSource.query(`SELECT 1 FROM work_item WHERE key = $1`, [issue.key]),
    ).toHaveLength(0);
    expect(
      await dataSource.query(`SELECT 1 FROM work_item_change WHERE work_item_id = $1`, [
        `jira:${issue.id}`,
      ]),
    ).toHaveLength(0);

    const renamed = sprintWebhook(
      'sprint_updated',
      { ...sprint, name: 'Renamed sprint' },
      secret,
      'd-3',
    );
    expect(
      await handleJiraWebhook(deps, {
        headers: renamed.headers,
        query: {},
        rawBody: renamed.rawBody,
      }),
    ).toMatchObject({ outcome: 'applied' });
    const [row]: { name: string }[] = await dataSource.query(
      `SELECT name FROM sprint WHERE sprint_id = $1`,
      [sprint.id],
    );
    expect(row?.name).toBe('Renamed sprint');
  });
});
