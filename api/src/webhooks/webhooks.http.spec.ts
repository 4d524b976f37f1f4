import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { apiErrorSchema } from '@rework-radar/shared';
import request from 'supertest';
import { startTestApp } from '../testing/test-app';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

const secret = 'webhook-secret-for-tests';

function sign(body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

const releaseEvent = JSON.stringify({
  action: 'published',
  repository: { id: 1, name: 'api', full_name: 'acme/api', owner: { login: 'acme' } },
  release: {
    id: 77,
    tag_name: 'v1.2.0',
    name: 'v1.2.0',
    draft: false,
    prerelease: false,
    created_at: '2026-11-01T10:00:00Z',
    published_at: '2026-11-01T10:05:00Z',
    author: { login: 'ada', id: 5, type: 'User' },
  },
  sender: { login: 'ada', id: 5, type: 'User' },
});

describe('POST /api/webhooks/github', () => {
  let app: INestApplication;
  let database: TestDatabase;
  const server = () => app.getHttpServer() as Server;
  const countRaw = async () => {
    const { DataSource } = await import('typeorm');
    const rows = await app
      .get(DataSource)
      .query<{ count: string }[]>('SELECT count(*) FROM raw_payload');
    return Number(rows[0]?.count);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startTestApp(database.url, { GITHUB_WEBHOOK_SECRET: secret });
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const deliver = (body: string, signature: string, delivery = 'delivery-1') =>
    request(server())
      .post('/api/webhooks/github')
      .set('content-type', 'application/json')
      .set('x-github-event', 'release')
      .set('x-github-delivery', delivery)
      .set('x-hub-signature-256', signature)
      .send(body);

  it('refuses a delivery whose signature does not match and writes nothing', async () => {
    await deliver(releaseEvent, sign(`${releaseEvent} `)).expect(401);
    expect(await countRaw()).toBe(0);
  });

  it('applies a signed delivery once, and answers a repeated delivery as a duplicate', async () => {
    await deliver(releaseEvent, sign(releaseEvent)).expect(202);
    const stored = await countRaw();
    expect(stored).toBeGreaterThan(0);
    const again = await deliver(releaseEvent, sign(releaseEvent)).expect(200);
    expect(again.body).toMatchObject({ duplicate: true });
    expect(await countRaw()).toBe(stored);
  });

  it('refuses a signed delivery carrying a NUL character (PostgreSQL cannot store it) with 400 and writes nothing', async () => {
    const body = JSON.stringify({ zen: 'a\u0000b', hook_id: 1 });
    const before = await countRaw();
    const response = await request(server())
      .post('/api/webhooks/github')
      .set('content-type', 'application/json')
      .set('x-github-event', 'pull_request')
      .set('x-github-delivery', 'delivery-nul')
      .set('x-hub-signature-256', sign(body))
      .send(body)
      .expect(400);
    expect(response.body).toMatchObject({ error: expect.stringContaining('NUL') as unknown });
    expect(await countRaw()).toBe(before);
  });

  it('answers malformed JSON with a JSON 400, not an HTML page', async () => {
    const response = await deliver('{"action": ', sign('{"action": '), 'delivery-2').expect(400);
    expect(apiErrorSchema.parse(response.body)).toMatchObject({
      code: 'invalid_input',
      message: 'The body is not valid JSON',
    });
  });

  it('answers a body over the size limit of an ordinary route with 413 in the shared shape', async () => {
    const response = await request(server())
      .post('/api/health')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ padding: 'x'.repeat(1_100_000) }))
      .expect(413);
    expect(apiErrorSchema.parse(response.body).code).toBe('payload_too_large');
  });
});
