import type { Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import {
  apiErrorSchema,
  pullRequestListPageSchema,
  pullRequestSchema,
  workItemListPageSchema,
  workItemSchema,
  type WorkItemView,
} from '@rework-radar/shared';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { generateOrganisation } from '../sources/github/simulator/dataset-generator';
import type { GithubDataset } from '../sources/github/simulator/github-dataset';
import { GithubSimulator } from '../sources/github/simulator/github-simulator';
import { generateJiraDataset } from '../sources/jira/simulator/dataset-generator';
import { startJiraSimulator, type JiraSimulator } from '../sources/jira/simulator/jira-simulator';
import { runSyncCommand } from '../sync/sync-command';
import { startTestApp } from '../testing/test-app';
import { bearerHeaders } from '../testing/test-auth';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { expectedPullRequests, expectedWorkItems } from './testing/expected-views';

/**
 * The read API's contract, against data put in by the real connectors: a GitHub simulator org and
 * a Jira simulator site are synced with `npm run sync`'s code, then every field is compared with
 * values computed from the simulators' datasets (the truth).
 */

const projectKeys = ['ACME', 'OPS'];

/** A generated org plus the cases the contract must get right. */
function githubDataset(): GithubDataset {
  const dataset = generateOrganisation({
    organization: 'Acme-Corp',
    repositories: 2,
    pullRequestsPerRepository: 14,
    seed: 5,
  });
  dataset.users.push({
    login: 'OctoCat',
    databaseId: 5000,
    type: 'User',
    name: 'Octo Cat',
    email: 'octocat@acme.test',
  });
  const [first, second] = dataset.repositories;
  if (first === undefined || second === undefined) throw new Error('two repositories expected');
  second.name = 'Service-Two';
  const at = (repository: typeof first, number: number) => {
    const pr = repository.pullRequests.find((candidate) => candidate.number === number);
    if (pr === undefined) throw new Error(`no PR ${number}`);
    return pr;
  };
  // A login with capitals, who also reviews their own PR first (a self-review is no first review).
  const own = at(first, 1);
  own.author = 'OctoCat';
  own.reviews = [
    {
      databaseId: 90001,
      author: 'OctoCat',
      state: 'COMMENTED',
      body: 'Notes for reviewers',
      submittedAt: own.createdAt,
      comments: [],
    },
    {
      databaseId: 90002,
      author: 'bob',
      state: 'DISMISSED',
      body: '',
      submittedAt: new Date(Date.parse(own.createdAt) + 3_600_000).toISOString(),
      comments: [],
    },
    {
      databaseId: 90003,
      author: 'carol',
      state: 'APPROVED',
      body: '',
      submittedAt: new Date(Date.parse(own.createdAt) + 7_200_000).toISOString(),
      comments: [],
    },
  ];
  // A bot author, as GitHub shows it: `dependabot[bot]`.
  at(first, 2).author = 'dependabot';
  // Keys: present ones, one whose work item is not synced (ACME-400), repeats, numeric order.
  at(first, 3).body = 'Fixes ACME-10 and OPS-2; see ACME-9 and again ACME-10.';
  at(first, 4).title = 'ACME-3: checkout';
  at(first, 4).body = 'Mentions ACME-400, which Jira does not have (yet).';
  at(second, 5).body = 'No keys here, only UTF-8 and SHA-256.';
  at(second, 6).headRefName = 'feature/ops-7-retry';
  // Reviewed only in comments (no review): no first review, count 0.
  at(second, 7).reviews = [];
  return dataset;
}

function captured(): PassThrough & NodeJS.WriteStream {
  const stream = new PassThrough() as PassThrough & NodeJS.WriteStream;
  stream.resume();
  return stream;
}

describe('read API: GET /api/pull-requests and /api/work-items', () => {
  const github = githubDataset();
  const jira = generateJiraDataset({ seed: 5, projectKeys, issueCount: 30 });
  const pullRequests = expectedPullRequests(github, projectKeys);
  /** Filled after the sync: the context score is the analysis table's, when the sync ran the analysis. */
  let workItems: WorkItemView[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'rr-read-api-'));
  let githubSimulator: GithubSimulator;
  let jiraSimulator: JiraSimulator;
  let database: TestDatabase;
  let app: INestApplication;
  const server = () => app.getHttpServer() as Server;
  let auth: { Authorization: string };
  const get = (path: string) => request(server()).get(path).set(auth);

  beforeAll(async () => {
    githubSimulator = await new GithubSimulator(github).start();
    jiraSimulator = await startJiraSimulator({
      deployment: 'datacenter',
      dataset: jira,
      auth: { pat: 'jira-pat' },
    });
    database = await createTestDatabase();
    app = await startTestApp(database.url);
    auth = await bearerHeaders(app);
    const stderr = captured();
    const chunks: string[] = [];
    stderr.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
    const code = await runSyncCommand({
      env: {
        DATABASE_URL: database.url,
        DATA_DIR: dataDir,
        GITHUB_TOKEN: 'ghp_test',
        GITHUB_API_URL: githubSimulator.apiUrl,
        GITHUB_ORG: github.organization,
        JIRA_BASE_URL: jiraSimulator.baseUrl,
        JIRA_PAT: 'jira-pat',
        JIRA_DEPLOYMENT: 'datacenter',
      },
      baseDir: '/tmp',
      stdout: captured(),
      stderr,
    });
    if (code !== 0) throw new Error(`sync failed (${code}): ${chunks.join('')}`);
    const scores = await app
      .get(DataSource)
      .query<{ key: string; score: number }[]>(
        `SELECT w.key, c.score FROM work_item_context c JOIN work_item w ON w.id = c.work_item_id`,
      );
    const scoreOf = new Map(scores.map((row) => [row.key, row.score]));
    workItems = expectedWorkItems(jira).map((item) => ({
      ...item,
      contextScore: scoreOf.get(item.key) ?? null,
    }));
  }, 180_000);

  afterAll(async () => {
    await app.close();
    await githubSimulator.stop();
    await jiraSimulator.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const readAll = async <Item>(
    path: string,
    parse: (body: unknown) => { items: Item[]; nextCursor: string | null },
  ) => {
    const pages: Item[][] = [];
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const response = await get(
        cursor === null ? path : `${path}${separator}cursor=${cursor}`,
      ).expect(200);
      const page = parse(response.body);
      pages.push(page.items);
      cursor = page.nextCursor;
    } while (cursor !== null && pages.length < 100);
    return pages;
  };

  it('documents the page parameters of both lists in the OpenAPI document', async () => {
    const response = await request(server()).get('/api/docs/openapi.json').expect(200);
    const document = response.body as {
      paths: Record<string, { get?: { parameters?: Array<{ name: string; in: string }> } }>;
    };
    for (const path of ['/api/pull-requests', '/api/work-items']) {
      const names = (document.paths[path]?.get?.parameters ?? [])
        .filter((parameter) => parameter.in === 'query')
        .map((parameter) => parameter.name);
      expect(names).toEqual(expect.arrayContaining(['limit', 'cursor']));
    }
  });

  describe('GET /api/pull-requests', () => {
    it('answers every field of one repository as GitHub means it', async () => {
      const response = await get('/api/pull-requests?repo=Acme-Corp/service-1&limit=500').expect(
        200,
      );
      const page = pullRequestListPageSchema.parse(response.body);
      expect(page.nextCursor).toBeNull();
      expect(page.items).toEqual(pullRequests.filter((pr) => pr.repo === 'Acme-Corp/service-1'));
    });

    it('gets the edge cases right: self-review, bot login, login case, repo case, keys', async () => {
      const page = pullRequestListPageSchema.parse(
        (await get('/api/pull-requests?repo=acme-corp/service-1&limit=4').expect(200)).body,
      );
      const [own, bot, keys, titled] = page.items;
      const created = Date.parse(own?.createdAt ?? '');
      expect(own).toMatchObject({
        repo: 'Acme-Corp/service-1',
        author: 'OctoCat',
        reviewCount: 3,
        firstReviewAt: new Date(created + 3_600_000).toISOString(),
      });
      expect(bot?.author).toBe('dependabot[bot]');
      expect(keys?.linkedWorkItemKeys).toEqual(['ACME-9', 'ACME-10', 'OPS-2']);
      // ACME-400 is not synced: still a real reference, so listed.
      expect(titled?.linkedWorkItemKeys).toEqual(['ACME-3', 'ACME-400']);
      const two = pullRequestListPageSchema.parse(
        (await get('/api/pull-requests?repo=ACME-CORP/SERVICE-TWO&limit=500').expect(200)).body,
      );
      expect(two.items.every((pr) => pr.repo === 'Acme-Corp/Service-Two')).toBe(true);
      expect(two.items.find((pr) => pr.number === 5)?.linkedWorkItemKeys).toEqual([]);
      expect(two.items.find((pr) => pr.number === 6)?.linkedWorkItemKeys).toContain('OPS-7');
      expect(two.items.find((pr) => pr.number === 7)).toMatchObject({
        reviewCount: 0,
        firstReviewAt: null,
      });
    });

    it('pages through every repository in (repo, number) order with no duplicate and no gap', async () => {
      const pages = await readAll('/api/pull-requests?limit=5', (body) =>
        pullRequestListPageSchema.parse(body),
      );
      expect(pages.length).toBe(Math.ceil(pullRequests.length / 5));
      expect(pages.every((items) => items.length > 0 && items.length <= 5)).toBe(true);
      expect(pages.flat()).toEqual(pullRequests);
    });

    it('pages one repository and a state filter with cursors bound to those filters', async () => {
      const merged = pullRequests.filter(
        (pr) => pr.repo === 'Acme-Corp/Service-Two' && pr.state === 'merged',
      );
      const pages = await readAll(
        '/api/pull-requests?repo=Acme-Corp/Service-Two&state=merged&limit=3',
        (body) => pullRequestListPageSchema.parse(body),
      );
      expect(pages.flat()).toEqual(merged);
      expect(merged.length).toBeGreaterThan(3);
    });

    it("treats state=all (GitHub's word) as no state filter", async () => {
      const all = pullRequestListPageSchema.parse(
        (await get('/api/pull-requests?state=all&limit=500').expect(200)).body,
      );
      expect(all.items).toEqual(pullRequests);
    });

    it('answers timestamps in ISO 8601 UTC', async () => {
      const page = pullRequestListPageSchema.parse(
        (await get('/api/pull-requests?limit=500').expect(200)).body,
      );
      const stamps = page.items
        .flatMap((pr) => [pr.createdAt, pr.mergedAt, pr.closedAt, pr.firstReviewAt])
        .filter((value) => value !== null);
      expect(stamps.length).toBeGreaterThan(page.items.length);
      for (const stamp of stamps) expect(stamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });

    it('answers an unknown repository with an empty list', async () => {
      expect(
        (await get('/api/pull-requests?repo=acme-corp/nothing-here').expect(200)).body,
      ).toEqual({ items: [], nextCursor: null });
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['limit=ten', 'limit'],
      ['repo=not-a-repo', 'repo'],
      ['repo=a/b/c', 'repo'],
      ['state=MERGED', 'state'],
      ['cursor=not+base64', 'cursor'],
    ])('refuses %s with 400 naming %s', async (query, field) => {
      const error = apiErrorSchema.parse(
        (await get(`/api/pull-requests?${query}`).expect(400)).body,
      );
      expect(error).toMatchObject({ statusCode: 400, code: 'invalid_input' });
      expect(error.issues?.map((issue) => issue.field)).toEqual([field]);
    });

    it('refuses a tampered cursor and a cursor from other filters', async () => {
      const page = pullRequestListPageSchema.parse(
        (await get('/api/pull-requests?repo=Acme-Corp/service-1&limit=2').expect(200)).body,
      );
      const cursor = page.nextCursor ?? '';
      expect(cursor).not.toBe('');
      await get(`/api/pull-requests?repo=Acme-Corp/service-1&limit=2&cursor=${cursor}`).expect(200);
      const last = cursor.at(-2) === 'A' ? 'B' : 'A';
      const tampered = `${cursor.slice(0, -2)}${last}${cursor.slice(-1)}`;
      for (const path of [
        `/api/pull-requests?repo=Acme-Corp/service-1&limit=2&cursor=${tampered}`,
        `/api/pull-requests?repo=Acme-Corp/service-1&limit=2&cursor=${cursor.slice(0, -4)}`,
        `/api/pull-requests?repo=Acme-Corp/Service-Two&limit=2&cursor=${cursor}`,
        `/api/pull-requests?limit=2&cursor=${cursor}`,
      ]) {
        const error = apiErrorSchema.parse((await get(path).expect(400)).body);
        expect(error.issues?.map((issue) => issue.field)).toEqual(['cursor']);
      }
    });

    it('answers one pull request, and 404 in the shared error shape when unknown', async () => {
      const expected = pullRequests.find(
        (pr) => pr.repo === 'Acme-Corp/service-1' && pr.number === 3,
      );
      const found = pullRequestSchema.parse(
        (await get('/api/pull-requests/acme-corp/Service-1/3').expect(200)).body,
      );
      expect(found).toEqual(expected);
      const missing = apiErrorSchema.parse(
        (await get('/api/pull-requests/Acme-Corp/service-1/999').expect(404)).body,
      );
      expect(missing).toMatchObject({ statusCode: 404, code: 'not_found' });
      // A repository name with a dot reaches the route (not Express's own 404).
      const dotted = apiErrorSchema.parse(
        (await get('/api/pull-requests/acme-corp/web.site/1').expect(404)).body,
      );
      expect(dotted.message).toBe('Pull request acme-corp/web.site#1 is not known here');
      const invalid = apiErrorSchema.parse(
        (await get('/api/pull-requests/Acme-Corp/service-1/zero').expect(400)).body,
      );
      expect(invalid.issues?.map((issue) => issue.field)).toEqual(['number']);
    });
  });

  describe('GET /api/work-items', () => {
    it('answers every field of one project as Jira means it', async () => {
      const page = workItemListPageSchema.parse(
        (await get('/api/work-items?project=ACME&limit=500').expect(200)).body,
      );
      expect(page.nextCursor).toBeNull();
      expect(page.items).toEqual(workItems.filter((item) => item.project === 'ACME'));
      // The dataset must exercise the fields, or the comparison proves little.
      expect(page.items.some((item) => item.storyPoints !== null)).toBe(true);
      expect(page.items.some((item) => item.resolvedAt !== null)).toBe(true);
      expect(new Set(page.items.map((item) => item.statusCategory)).size).toBe(3);
    });

    it('counts reopens (done -> not done) from the changelog', () => {
      // Guard on the fixture: the seed gives at least one reopened item, checked field by field above.
      expect(workItems.some((item) => item.reopenCount > 0)).toBe(true);
    });

    it('pages through every project in (project, key number) order with no duplicate and no gap', async () => {
      const pages = await readAll('/api/work-items?limit=7', (body) =>
        workItemListPageSchema.parse(body),
      );
      expect(pages.flat()).toEqual(workItems);
      expect(
        pages
          .flat()
          .map((item) => item.key)
          .slice(8, 11),
      ).toEqual(['ACME-9', 'ACME-10', 'ACME-11']);
    });

    it('filters by status name (case-insensitive) and by status category, paging within the filter', async () => {
      const done = workItems.filter((item) => item.statusCategory === 'done');
      expect(
        (
          await readAll('/api/work-items?statusCategory=done&limit=4', (body) =>
            workItemListPageSchema.parse(body),
          )
        ).flat(),
      ).toEqual(done);
      const inProgress = workItems.filter(
        (item) => item.project === 'OPS' && item.status === 'In Progress',
      );
      const page = workItemListPageSchema.parse(
        (await get('/api/work-items?project=ops&status=in%20progress').expect(200)).body,
      );
      expect(page.items).toEqual(inProgress);
    });

    it('answers the context score at start from the analysis table, null where there is none', async () => {
      const dataSource = app.get(DataSource);
      await dataSource.query(
        `INSERT INTO work_item_context (work_item_id, work_item_key, started_at, started_from, score, components, details)
         SELECT id, key, created_at, 'created', 73, '[]', '{}' FROM work_item WHERE key = 'OPS-4'
         ON CONFLICT (work_item_id) DO UPDATE SET score = 73`,
      );
      await dataSource.query(`DELETE FROM work_item_context WHERE work_item_key = 'OPS-5'`);
      expect(
        workItemSchema.parse((await get('/api/work-items/OPS-4').expect(200)).body).contextScore,
      ).toBe(73);
      const page = workItemListPageSchema.parse(
        (await get('/api/work-items?project=OPS&limit=500').expect(200)).body,
      );
      const scoreOf = new Map(page.items.map((item) => [item.key, item.contextScore]));
      expect(scoreOf.get('OPS-4')).toBe(73);
      expect(scoreOf.get('OPS-5')).toBeNull();
    });

    it('answers an unknown project with an empty list', async () => {
      expect((await get('/api/work-items?project=NOPE').expect(200)).body).toEqual({
        items: [],
        nextCursor: null,
      });
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['project=ENG-1', 'project'],
      ['statusCategory=Done', 'statusCategory'],
      ['cursor=%2F%2F', 'cursor'],
    ])('refuses %s with 400 naming %s', async (query, field) => {
      const error = apiErrorSchema.parse((await get(`/api/work-items?${query}`).expect(400)).body);
      expect(error.issues?.map((issue) => issue.field)).toEqual([field]);
    });

    it('refuses a cursor from another project', async () => {
      const page = workItemListPageSchema.parse(
        (await get('/api/work-items?project=ACME&limit=2').expect(200)).body,
      );
      const error = apiErrorSchema.parse(
        (
          await get(`/api/work-items?project=OPS&limit=2&cursor=${page.nextCursor ?? ''}`).expect(
            400,
          )
        ).body,
      );
      expect(error.issues?.map((issue) => issue.field)).toEqual(['cursor']);
    });

    it('answers one work item by key (any case), and 404 when unknown', async () => {
      const expected = workItems.find((item) => item.key === 'ACME-2') as WorkItemView;
      expect(workItemSchema.parse((await get('/api/work-items/acme-2').expect(200)).body)).toEqual(
        expected,
      );
      expect(
        apiErrorSchema.parse((await get('/api/work-items/ACME-999').expect(404)).body),
      ).toMatchObject({ statusCode: 404, code: 'not_found' });
      await get('/api/work-items/not-a-key!').expect(400);
    });
  });

  it('documents both routes, their query parameters and answers at /api/docs', async () => {
    const document = (await get('/api/docs/openapi.json').expect(200)).body as {
      paths: Record<
        string,
        { get?: { parameters?: { name: string }[]; responses: Record<string, unknown> } }
      >;
    };
    const prs = document.paths['/api/pull-requests']?.get;
    const items = document.paths['/api/work-items']?.get;
    expect(prs?.parameters?.map((parameter) => parameter.name).sort()).toEqual([
      'cursor',
      'limit',
      'repo',
      'state',
    ]);
    expect(items?.parameters?.map((parameter) => parameter.name).sort()).toEqual([
      'cursor',
      'limit',
      'project',
      'status',
      'statusCategory',
    ]);
    expect(JSON.stringify(prs?.responses['200'])).toContain('firstReviewAt');
    expect(JSON.stringify(items?.responses['200'])).toContain('reopenCount');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/pull-requests/{owner}/{name}/{number}',
        '/api/work-items/{key}',
      ]),
    );
  });
});
