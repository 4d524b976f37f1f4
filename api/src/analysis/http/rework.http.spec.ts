import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import {
  auditListSchema,
  apiErrorSchema,
  reworkDetailSchema,
  reworkListResponseSchema,
  type ReworkListResponse,
} from '@rework-radar/shared';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../database/data-source-options';
import { runMigrations } from '../../database/migration-runner';
import { startTestApp } from '../../testing/test-app';
import { bearerHeaders } from '../../testing/test-auth';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';

async function seed(dataSource: DataSource, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    const id = `revert:github:acme/api#${100 + index}`;
    await dataSource.query(
      `INSERT INTO rework_item VALUES ($1, $2, 'github:acme/api', $3, '{}', NULL, $4, '{PAY-1}', 'revert:title', $5, 1, $7, 2.5, $6, $8, 1)`,
      [
        id,
        index % 2 === 0 ? 'revert' : 'follow-up-fix',
        [`github:acme/api#${100 + index}`],
        [`github:acme/api#${index + 1}`],
        JSON.stringify({ rules: ['revert:title'], facts: ['a fact'], links: [] }),
        new Date(Date.UTC(2025, 0, 1 + (index % 3))),
        10 + ((index * 7) % 5),
        new Date(Date.UTC(2025, 1, 1 + (index % 4))),
      ],
    );
    await dataSource.query(
      `INSERT INTO cause_attribution VALUES ($1, $2, 1, $3, $5, 2, 0.5, 'decided', $4)`,
      [
        `${id}@v1`,
        id,
        index % 2 === 0 ? 'execution' : 'missing_context',
        JSON.stringify([
          {
            signal: 'fault_text',
            side: 'execution',
            weight: 1.3,
            kind: 'defect_text',
            description: 'crash',
            url: 'https://github.com/acme/api/pull/100',
          },
        ]),
        0.5 + (index % 4) / 10,
      ],
    );
  }
  await dataSource.query(
    `INSERT INTO work_item_context VALUES ('jira:10001', 'PAY-1', '2024-12-01T09:00:00Z', 'status', 40, $1, '{}')`,
    [
      JSON.stringify([
        { name: 'acceptance_criteria', points: 0, max: 30, reason: 'no acceptance criteria' },
        { name: 'description', points: 25, max: 25, reason: '180 words' },
      ]),
    ],
  );
}

/** Every page of a sort, following nextCursor. */
async function allPages(
  server: () => Server,
  auth: { Authorization: string },
  sort: string,
): Promise<ReworkListResponse['items']> {
  const items: ReworkListResponse['items'] = [];
  let cursor: string | null = null;
  do {
    const response = await request(server())
      .get('/api/rework')
      .query({ sort, limit: 2, ...(cursor === null ? {} : { cursor }) })
      .set(auth)
      .expect(200);
    const page = reworkListResponseSchema.parse(response.body);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
}

describe('rework API', () => {
  let app: INestApplication;
  let auth: { Authorization: string };
  let database: TestDatabase;
  let dataSource: DataSource;
  const server = () => app.getHttpServer() as Server;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(dataSourceOptions(database.url));
    await dataSource.initialize();
    await runMigrations(dataSource);
    await seed(dataSource, 7);
    app = await startTestApp(database.url, {
      JIRA_BASE_URL: 'https://acme.atlassian.net',
      JIRA_PAT: 'unused',
    });
    auth = await bearerHeaders(app, 'admin', [], 'em@acme.test');
  });

  afterAll(async () => {
    await app.close();
    await dataSource.destroy();
    await database.drop();
  });

  it('pages through every item once, newest first, with a stable cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await request(server())
        .get('/api/rework')
        .set(auth)
        .query({ limit: 3, ...(cursor === null ? {} : { cursor }) })
        .expect(200);
      const page = reworkListResponseSchema.parse(response.body);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it('filters by kind, cause and time', async () => {
    const response = await request(server())
      .get('/api/rework')
      .set(auth)
      .query({ kind: 'revert', cause: 'execution', from: '2025-01-02T00:00:00Z' })
      .expect(200);
    const page = reworkListResponseSchema.parse(response.body);
    expect(page.items.length).toBeGreaterThan(0);
    expect(
      page.items.every(
        (item) =>
          item.kind === 'revert' && item.cause === 'execution' && item.occurredAt >= '2025-01-02',
      ),
    ).toBe(true);
  });

  it('answers 400 with field names for bad input, and for an unknown team', async () => {
    const bad = apiErrorSchema.parse(
      (
        await request(server())
          .get('/api/rework')
          .set(auth)
          .query({ limit: 900, kind: 'nope' })
          .expect(400)
      ).body,
    );
    expect(bad.issues?.map((issue) => issue.field).sort()).toEqual(['kind', 'limit']);
    const team = apiErrorSchema.parse(
      (await request(server()).get('/api/rework').set(auth).query({ team: 'payments' }).expect(400))
        .body,
    );
    expect(team.message).toBe('unknown team');
  });

  it('overrides a cause with who and why, keeps the model answer beside it, and 404s an unknown id', async () => {
    const id = 'revert:github:acme/api#100';
    await request(server())
      .post(`/api/rework/${encodeURIComponent(id)}/override`)
      .set(auth)
      .send({ cause: 'nope', reason: '' })
      .expect(400);
    const response = await request(server())
      .post(`/api/rework/${encodeURIComponent(id)}/override`)
      .set(auth)
      .send({ cause: 'missing_context', reason: 'spec changed mid-sprint' })
      .expect(200);
    const detail = reworkDetailSchema.parse(response.body);
    expect(detail).toMatchObject({
      cause: 'missing_context',
      model: { cause: 'execution' },
      override: { by: 'em@acme.test', reason: 'spec changed mid-sprint' },
    });
    expect(detail.overrides).toHaveLength(1);
    const audit = auditListSchema.parse(
      (await request(server()).get('/api/audit?action=rework.override').set(auth).expect(200)).body,
    );
    expect(audit.events[0]).toMatchObject({
      actor: 'em@acme.test',
      target: id,
      details: {
        cause: 'missing_context',
        reason: 'spec changed mid-sprint',
        modelCause: 'execution',
      },
    });
    await request(server())
      .get(`/api/rework/${encodeURIComponent('revert:nope')}`)
      .set(auth)
      .expect(404);
    await request(server())
      .post(`/api/rework/${encodeURIComponent('revert:nope')}/override`)
      .set(auth)
      .send({ cause: 'execution', reason: 'x' })
      .expect(404);
  });

  it('sorts on the server by each field either way, and pages through ties without skipping or repeating', async () => {
    const cases: Array<[string, (item: ReworkListResponse['items'][number]) => string | number]> = [
      ['confidence', (item) => item.confidence],
      ['effort', (item) => item.effort.lines],
      ['detectedAt', (item) => item.detectedAt],
    ];
    for (const [field, valueOf] of cases) {
      for (const descending of [false, true]) {
        const items = await allPages(server, auth, `${descending ? '-' : ''}${field}`);
        expect(items).toHaveLength(7);
        expect(new Set(items.map((item) => item.id)).size).toBe(7);
        const values = items.map(valueOf);
        const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(values).toEqual(descending ? sorted.reverse() : sorted);
      }
    }
    // A cursor belongs to its sort.
    const first = reworkListResponseSchema.parse(
      (
        await request(server())
          .get('/api/rework')
          .query({ sort: 'effort', limit: 2 })
          .set(auth)
          .expect(200)
      ).body,
    );
    await request(server())
      .get('/api/rework')
      .query({ sort: '-confidence', cursor: first.nextCursor ?? '' })
      .set(auth)
      .expect(400);
    await request(server()).get('/api/rework').query({ sort: 'title' }).set(auth).expect(400);
  });

  it('answers the list as CSV by format or Accept header, with the next cursor in a header', async () => {
    const byFormat = await request(server())
      .get('/api/rework')
      .query({ format: 'csv', sort: '-effort', limit: 3 })
      .set(auth)
      .expect(200);
    expect(byFormat.headers['content-type']).toMatch(/^text\/csv/);
    const lines = byFormat.text.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^id,kind,repo,occurred_at,detected_at,cause,model_cause,confidence/);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('revert:github:acme/api#');
    expect(byFormat.headers['x-next-cursor']).toEqual(expect.any(String));
    const json = reworkListResponseSchema.parse(
      (
        await request(server())
          .get('/api/rework')
          .query({ sort: '-effort', limit: 3 })
          .set(auth)
          .expect(200)
      ).body,
    );
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(
      json.items.map((item) => item.id),
    );
    const byAccept = await request(server())
      .get('/api/rework')
      .query({ sort: '-effort', limit: 3 })
      .set(auth)
      .set('Accept', 'text/csv')
      .expect(200);
    expect(byAccept.text).toBe(byFormat.text);
  });

  const detailOf = async (id: string) =>
    reworkDetailSchema.parse(
      (
        await request(server())
          .get(`/api/rework/${encodeURIComponent(id)}`)
          .set(auth)
          .expect(200)
      ).body,
    );

  it('links every pull request and work item the item names to GitHub and Jira', async () => {
    const detail = await detailOf('revert:github:acme/api#101');
    expect(detail.sourceLinks).toEqual([
      { ref: 'github:acme/api#101', url: 'https://github.com/acme/api/pull/101' },
      { ref: 'github:acme/api#2', url: 'https://github.com/acme/api/pull/2' },
      { ref: 'PAY-1', url: 'https://acme.atlassian.net/browse/PAY-1' },
    ]);
  });

  it("shows the origin work item's context score components as they were at start", async () => {
    const detail = await detailOf('revert:github:acme/api#101');
    expect(detail.originContexts).toEqual([
      {
        workItemKey: 'PAY-1',
        startedAt: '2024-12-01T09:00:00.000Z',
        startedFrom: 'status',
        score: 40,
        components: [
          { name: 'acceptance_criteria', points: 0, max: 30, reason: 'no acceptance criteria' },
          { name: 'description', points: 25, max: 25, reason: '180 words' },
        ],
      },
    ]);
  });

  it('documents the routes with the shared schemas', async () => {
    const document = (await request(server()).get('/api/docs/openapi.json').set(auth).expect(200))
      .body as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/rework', '/api/rework/{id}', '/api/rework/{id}/override']),
    );
  });
});
