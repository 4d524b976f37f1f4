import type { DataSource } from 'typeorm';
import { createMigratedDataSource, type TestDatabase } from '../testing/test-database';
import { workItemListRequestSchema } from './work-item-list.request';
import { WorkItemReadRepository } from './work-item-read.repository';

/** Databases where the analysis has not created its table yet still answer, with no score. */
describe('WorkItemReadRepository without the analysis table', () => {
  let dataSource: DataSource;
  let database: TestDatabase;

  beforeAll(async () => {
    ({ dataSource, database } = await createMigratedDataSource());
    await dataSource.query('DROP TABLE work_item_context');
    await dataSource.query(
      `INSERT INTO work_item (id, key, project_key, issue_type, status, status_id, status_category, summary, created_at, updated_at, raw_payload_id)
       VALUES ('jira:1', 'ENG-1', 'ENG', 'Story', 'To Do', '10000', 'new', 'One', now(), now(), 1)`,
    );
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('answers a null context score, then reads the table once it appears', async () => {
    const repository = new WorkItemReadRepository(dataSource);
    expect(await repository.hasContextTable()).toBe(false);
    const rows = await repository.listAfter(workItemListRequestSchema.parse({}));
    expect(rows.map((row) => [row.key, row.context_score])).toEqual([['ENG-1', null]]);

    await dataSource.query(
      'CREATE TABLE work_item_context (work_item_id text PRIMARY KEY, score integer NOT NULL)',
    );
    await dataSource.query(`INSERT INTO work_item_context VALUES ('jira:1', 41)`);
    expect(await repository.hasContextTable()).toBe(true);
    expect((await repository.findByKey('ENG-1'))?.context_score).toBe(41);
  });
});
