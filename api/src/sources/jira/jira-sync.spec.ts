import type { DataSource } from 'typeorm';
import { createMigratedDataSource, type TestDatabase } from '../../testing/test-database';
import { silentLogger } from '../../testing/silent-logger';
import { generateJiraDataset } from './simulator/dataset-generator';
import type { SimDeployment } from './simulator/issue.render';
import { domainFingerprint, startSimulatedJira } from './testing/jira-test-kit';
import { runJiraSync, syncJira } from './jira-sync';
import { replayJiraFromRaw } from './replay-from-raw';

describe.each<SimDeployment>(['cloud', 'datacenter'])(
  'syncJira against the %s simulator',
  (deployment) => {
    let dataSource: DataSource;
    let database: TestDatabase;
    beforeEach(async () => ({ dataSource, database } = await createMigratedDataSource()));
    afterEach(async () => {
      await dataSource.destroy();
      await database.drop();
    });

    it('backfills every issue with its full changelog, comments, links and sprints, within the request budget', async () => {
      const dataset = generateJiraDataset({
        seed: 3,
        projectKeys: ['ENG', 'OPS'],
        issueCount: 240,
        overflowEvery: 40,
      });
      // Data Center truncates histories too when configured, to exercise the changelog endpoint.
      const { simulator, connection } = await startSimulatedJira(deployment, dataset, {
        searchChangelogLimit: 100,
      });
      try {
        const report = await syncJira({ dataSource, connection, logger: silentLogger() });
        expect(report.deployment).toBe(deployment);
        expect(report.issuesSynced).toBe(240);
        expect(report.fields).toEqual({
          storyPoints: 'customfield_10016',
          sprint: 'customfield_10020',
          epicLink: 'customfield_10014',
          acceptanceCriteria: 'customfield_10050',
        });

        const overflowing = dataset.issues.filter((issue) => issue.histories.length > 100).length;
        expect(overflowing).toBe(6);
        expect(report.changelogRequests).toBe(overflowing);
        // 3 search pages of 100 + setup (serverInfo, myself, field, status) + agile (1 board page, 2 sprint pages).
        expect(simulator.requests.length).toBeLessThanOrEqual(15 + overflowing);

        const counts = await domainFingerprint(dataSource);
        expect(counts.work_item?.rows).toBe(240);
        expect(counts.work_item_change?.rows).toBe(
          dataset.issues.reduce(
            (sum, issue) => sum + issue.histories.reduce((n, h) => n + h.items.length, 0),
            0,
          ),
        );
        expect(counts.work_item_comment?.rows).toBe(
          dataset.issues.reduce((sum, issue) => sum + issue.comments.length, 0),
        );
        expect(counts.work_item_link?.rows).toBe(
          dataset.issues.reduce((sum, issue) => sum + issue.links.length, 0),
        );
        expect(counts.board?.rows).toBe(2);
        expect(counts.sprint?.rows).toBe(dataset.sprints.length);
        for (const table of Object.values(counts)) expect(table.orphans).toBe(0);

        const [nulls]: { n: number }[] = await dataSource.query(
          `SELECT count(*)::int AS n FROM work_item WHERE raw_payload_id IS NULL`,
        );
        expect(nulls?.n).toBe(0);
        const reopened = dataset.issues.filter(
          (issue) =>
            issue.histories.filter((h) =>
              h.items.some((i) => i.field === 'status' && i.fromString === 'Done'),
            ).length > 0,
        ).length;
        const [reopenRows]: { n: number }[] = await dataSource.query(
          `SELECT count(*)::int AS n FROM work_item WHERE reopen_count > 0`,
        );
        expect(reopenRows?.n).toBe(reopened);

        // One issue read field by field.
        const story = dataset.issues.find(
          (issue) =>
            issue.issueType === 'Story' && issue.links.length > 0 && issue.storyPoints !== null,
        );
        if (story === undefined) throw new Error('dataset has no linked story');
        const [row]: Record<string, unknown>[] = await dataSource.query(
          `SELECT * FROM work_item WHERE key = $1`,
          [story.key],
        );
        expect(row).toMatchObject({
          project_key: story.projectKey,
          issue_type: 'Story',
          summary: story.summary,
          story_points: story.storyPoints,
          sprint_ids: story.sprintIds,
          epic_key: story.epicKey,
        });
        // The raw layer alone rebuilds the same domain rows.
        await dataSource.query(
          `TRUNCATE work_item, work_item_change, work_item_comment, work_item_link, work_item_sprint`,
        );
        const replay = await replayJiraFromRaw(dataSource, { write: true });
        expect(replay.issues).toBe(240);
        expect(await domainFingerprint(dataSource)).toEqual(counts);

        const links: Record<string, unknown>[] = await dataSource.query(
          `SELECT link_type, direction, relation, other_key FROM work_item_link WHERE work_item_id = $1 ORDER BY other_key`,
          [`jira:${story.id}`],
        );
        expect(links).toEqual(
          expect.arrayContaining([
            {
              link_type: 'Causes',
              direction: 'outward',
              relation: 'causes',
              other_key: story.links[0]?.otherKey,
            },
          ]),
        );
      } finally {
        await simulator.close();
      }
    });

    it('is idempotent, and an incremental sync fetches only what changed since the last one', async () => {
      const dataset = generateJiraDataset({ seed: 5, issueCount: 60 });
      const { simulator, connection } = await startSimulatedJira(deployment, dataset);
      try {
        await runJiraSync({ dataSource, connection, logger: silentLogger() }, { pageSize: 25 });
        const before = await domainFingerprint(dataSource);
        const [{ n: rawBefore } = { n: 0 }]: { n: number }[] = await dataSource.query(
          `SELECT count(*)::int AS n FROM raw_payload`,
        );

        const target = dataset.issues[10];
        if (target === undefined) throw new Error('no issue');
        const latest = Math.max(...dataset.issues.map((issue) => Date.parse(issue.updated)));
        target.summary = 'Renamed after the first sync';
        target.updated = new Date(latest + 3_600_000).toISOString();
        simulator.requests.length = 0;
        const second = await runJiraSync(
          { dataSource, connection, logger: silentLogger() },
          { pageSize: 25 },
        );
        expect(second.jql).toMatch(/updated >= "/);
        // The overlap window re-reads the last-updated issues only.
        expect(second.issuesSynced).toBeLessThan(10);
        const [row]: { summary: string }[] = await dataSource.query(
          `SELECT summary FROM work_item WHERE key = $1`,
          [target.key],
        );
        expect(row?.summary).toBe('Renamed after the first sync');

        const after = await domainFingerprint(dataSource);
        expect(after.work_item?.rows).toBe(before.work_item?.rows);
        expect(after.work_item_change).toEqual(before.work_item_change);
        const [{ n: rawAfter } = { n: 0 }]: { n: number }[] = await dataSource.query(
          `SELECT count(*)::int AS n FROM raw_payload`,
        );
        expect(rawAfter - rawBefore).toBeLessThanOrEqual(3);
      } finally {
        await simulator.close();
      }
    });
  },
);
