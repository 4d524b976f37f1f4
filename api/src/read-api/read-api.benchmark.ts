import type { DataSource } from 'typeorm';
import type { Benchmark } from '../bench/benchmark';
import { startThrowawayServer, stopThrowawayServer } from '../testing/postgres-server';
import { createMigratedDataSource } from '../testing/test-database';
import { pullRequestListRequestSchema } from './pull-request-list.request';
import { PullRequestReadRepository } from './pull-request-read.repository';
import { PullRequestReadService } from './pull-request-read.service';
import { workItemListRequestSchema } from './work-item-list.request';
import { WorkItemReadRepository } from './work-item-read.repository';
import { WorkItemReadService } from './work-item-read.service';

const repositories = 20;
const perRepository = 1_000;
const workItems = 20_000;

/** Domain rows at the size of a mid-sized organisation, written with set-based SQL. */
async function seed(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `INSERT INTO repository (id, source_id, full_name, owner, name, default_branch, is_private, created_at, raw_payload_id)
     SELECT 'github:acme/service-' || r, 'R' || r, 'acme/service-' || r, 'Acme', 'service-' || r, 'main', false, now(), 1
       FROM generate_series(1, $1) r`,
    [repositories],
  );
  await dataSource.query(
    `INSERT INTO pull_request (id, repository_id, number, source_id, title, body, author_login, state, is_draft, created_at, updated_at,
                               merged_at, closed_at, additions, deletions, changed_files, head_ref, base_ref, is_agent, labels, raw_payload_id)
     SELECT 'github:acme/service-' || r || '#' || n, 'github:acme/service-' || r, n, 'PR' || r || '-' || n, 'Change ' || n, '', 'user' || (n % 40),
            CASE WHEN n % 10 = 0 THEN 'open' WHEN n % 7 = 0 THEN 'closed' ELSE 'merged' END, false,
            now() - n * interval '1 hour', now(), CASE WHEN n % 10 <> 0 AND n % 7 <> 0 THEN now() END,
            CASE WHEN n % 10 <> 0 THEN now() END, n % 300, n % 90, 3, 'feature/' || n, 'main', false, '{}', 1
       FROM generate_series(1, $1) r, generate_series(1, $2) n`,
    [repositories, perRepository],
  );
  await dataSource.query(
    `INSERT INTO pull_request_review (id, pull_request_id, author_login, state, body, submitted_at, raw_payload_id)
     SELECT 'github:review:' || p.id || ':' || k, p.id, 'user' || ((p.number + k) % 40), 'APPROVED', '', p.created_at + k * interval '1 hour', 1
       FROM pull_request p, generate_series(1, 3) k`,
  );
  await dataSource.query(
    `INSERT INTO pull_request_work_item (id, pull_request_id, work_item_key, rule, evidence, work_item_present, first_seen_at)
     SELECT p.id || '|ENG-' || p.number || '|body', p.id, 'ENG-' || p.number, 'body', 'ENG-' || p.number, true, now() FROM pull_request p`,
  );
  await dataSource.query(
    `INSERT INTO work_item (id, key, project_key, issue_type, status, status_id, status_category, summary, created_at, updated_at, raw_payload_id)
     SELECT 'jira:' || i, p || '-' || (i / 4 + 1), p, 'Story', 'Done', '10002', 'done', 'Item ' || i, now(), now(), 1
       FROM generate_series(0, $1 - 1) i, LATERAL (SELECT (ARRAY['ENG', 'OPS', 'WEB', 'DATA'])[i % 4 + 1] AS p) project`,
    [workItems],
  );
  await dataSource.query('ANALYZE');
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = process.hrtime.bigint();
  const value = await work();
  return { value, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

/** Walks a whole list page by page; answers the pages and the slowest page's time. */
async function walk(
  fetchPage: (
    cursor: string | undefined,
  ) => Promise<{ items: unknown[]; nextCursor: string | null }>,
) {
  let cursor: string | undefined;
  let pages = 0;
  let items = 0;
  let slowest = 0;
  let total = 0;
  do {
    const { value, ms } = await timed(() => fetchPage(cursor));
    pages += 1;
    items += value.items.length;
    slowest = Math.max(slowest, ms);
    total += ms;
    cursor = value.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return { pages, items, slowestMs: Math.round(slowest), meanMs: Math.round(total / pages) };
}

export const readApiBenchmark: Benchmark = {
  name: 'read-api-pages',
  description: `Read API pages of 500 over ${repositories * perRepository} pull requests (3 reviews, 1 link each) and ${workItems} work items`,
  async run() {
    const server = await startThrowawayServer();
    process.env.RR_TEST_ADMIN_URL = server.adminUrl;
    const { dataSource, database } = await createMigratedDataSource();
    try {
      await seed(dataSource);
      const pullRequests = new PullRequestReadService(new PullRequestReadRepository(dataSource));
      const items = new WorkItemReadService(new WorkItemReadRepository(dataSource));
      const everyPr = await walk((cursor) =>
        pullRequests.list(pullRequestListRequestSchema.parse({ limit: '500', cursor })),
      );
      const onePr = await walk((cursor) =>
        pullRequests.list(
          pullRequestListRequestSchema.parse({ repo: 'acme/service-7', limit: '500', cursor }),
        ),
      );
      const everyItem = await walk((cursor) =>
        items.list(workItemListRequestSchema.parse({ limit: '500', cursor })),
      );
      const oneProject = await walk((cursor) =>
        items.list(workItemListRequestSchema.parse({ project: 'OPS', limit: '500', cursor })),
      );
      return {
        'all PRs: pages of 500': everyPr.pages,
        'all PRs: items': everyPr.items,
        'all PRs: mean page ms': everyPr.meanMs,
        'all PRs: slowest page ms': everyPr.slowestMs,
        'one repository: mean page ms': onePr.meanMs,
        'one repository: slowest page ms': onePr.slowestMs,
        'all work items: items': everyItem.items,
        'all work items: mean page ms': everyItem.meanMs,
        'all work items: slowest page ms': everyItem.slowestMs,
        'one project: mean page ms': oneProject.meanMs,
        'one project: slowest page ms': oneProject.slowestMs,
      };
    } finally {
      await dataSource.destroy();
      await database.drop();
      stopThrowawayServer(server);
    }
  },
};
