import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { apiErrorSchema, reworkDetailSchema, reworkListResponseSchema } from '@rework-radar/shared';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../database/data-source-options';
import { runMigrations } from '../../database/migration-runner';
import { startTestApp } from '../../testing/test-app';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';

async function seed(dataSource: DataSource, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    const id = `revert:github:acme/api#${100 + index}`;
    await dataSource.query(
      `INSERT INTO rework_item VALUES ($1, $2, 'github:acme/api', $3, '{}', NULL, $4, '{PAY-1}', 'revert:title', $5, 1, 10, 2.5, $6, now(), 1)`,
      [
        id,
        index % 2 === 0 ? 'revert' : 'follow-up-fix',
        [`github:acme/api#${100 + index}`],
        [`github:acme/api#${index + 1}`],
        JSON.stringify({ rules: ['revert:title'], facts: ['a fact'], links: [] }),
        new Date(Date.UTC(2025, 0, 1 + (index % 3))),
      ],
    );
    await dataSource.query(
      `INSERT INTO cause_attribution VALUES ($1, $2, 1, $3, 0.6, 2, 0.5, 'decided', $4)`,
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
      ],
    );
  }
}

describe('rework API', () => {
  let app: INestApplication;
  let database: TestDatabase;
  let dataSource: DataSource;
  const server = () => app.getHttpServer() as Server;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(dataSourceOptions(database.url));
    await dataSource.initialize();
    await runMigrations(dataSource);
    await seed(dataSource, 7);
    app = await startTestApp(database.url);
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
      (await request(server()).get('/api/rework').query({ limit: 900, kind: 'nope' }).expect(400))
        .body,
    );
    expect(bad.issues?.map((issue) => issue.field).sort()).toEqual(['kind', 'limit']);
    const team = apiErrorSchema.parse(
      (await request(server()).get('/api/rework').query({ team: 'payments' }).expect(400)).body,
    );
    expect(team.message).toBe('unknown team');
  });

  it('overrides a cause with who and why, keeps the model answer beside it, and 404s an unknown id', async () => {
    const id = 'revert:github:acme/api#100';
    await request(server())
      .post(`/api/rework/${encodeURIComponent(id)}/override`)
      .send({ cause: 'nope', reason: '' })
      .expect(400);
    const response = await request(server())
      .post(`/api/rework/${encodeURIComponent(id)}/override`)
      .set('X-User', 'em@acme.test')
      .send({ cause: 'missing_context', reason: 'spec changed mid-sprint' })
      .expect(200);
    const detail = reworkDetailSchema.parse(response.body);
    expect(detail).toMatchObject({
      cause: 'missing_context',
      model: { cause: 'execution' },
      override: { by: 'em@acme.test', reason: 'spec changed mid-sprint' },
    });
    expect(detail.overrides).toHaveLength(1);
    await request(server())
      .get(`/api/rework/${encodeURIComponent('revert:nope')}`)
      .expect(404);
    await request(server())
      .post(`/api/rework/${encodeURIComponent('revert:nope')}/override`)
      .send({ cause: 'execution', reason: 'x' })
      .expect(404);
  });

  it('documents the routes with the shared schemas', async () => {
    const document = (await request(server()).get('/api/docs/openapi.json').expect(200)).body as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/rework', '/api/rework/{id}', '/api/rework/{id}/override']),
    );
  });
});
