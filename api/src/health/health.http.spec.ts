import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { apiErrorSchema, healthResponseSchema } from '@rework-radar/shared';
import request from 'supertest';
import { migrations } from '../database/migrations';
import { startTestApp } from '../testing/test-app';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

describe('GET /api/health', () => {
  let app: INestApplication;
  let database: TestDatabase;
  const server = () => app.getHttpServer() as Server;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startTestApp(database.url);
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('reports the engine, the server version and the migrations applied at start', async () => {
    const response = await request(server()).get('/api/health').expect(200);
    const health = healthResponseSchema.parse(response.body);
    expect(health.status).toBe('ok');
    expect(health.database).toMatchObject({
      engine: 'external',
      reachable: true,
      migrations: { applied: migrations.length, pending: 0, upToDate: true },
    });
    expect(health.database.serverVersion).toMatch(/^PostgreSQL \d+/);
  });

  it('documents the route in the OpenAPI document with the shared schema', async () => {
    const response = await request(server()).get('/api/docs/openapi.json').expect(200);
    const document = response.body as {
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
    };
    const responses = document.paths['/api/health']?.get?.responses ?? {};
    expect(Object.keys(responses).sort()).toEqual(['200', '503']);
    expect(JSON.stringify(responses['200'])).toContain('"migrations"');
  });

  it('answers an unknown api route with a JSON error in the shared shape', async () => {
    const response = await request(server()).get('/api/no-such-route').expect(404);
    expect(apiErrorSchema.parse(response.body)).toMatchObject({
      statusCode: 404,
      code: 'not_found',
    });
  });

  it('answers 503 with status down once the database is gone', async () => {
    await database.drop();
    const response = await request(server()).get('/api/health').expect(503);
    expect(healthResponseSchema.parse(response.body)).toMatchObject({
      status: 'down',
      database: { reachable: false, migrations: null },
    });
  });
});

describe('security headers', () => {
  let app: INestApplication;
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startTestApp(database.url);
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('forbids framing, sniffing and scripts from other origins, and hides the framework', async () => {
    const response = await request(app.getHttpServer() as Server)
      .get('/api/health')
      .expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});
