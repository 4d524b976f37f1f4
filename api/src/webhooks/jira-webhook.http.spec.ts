import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { generateJiraDataset } from '../sources/jira/simulator/dataset-generator';
import { issueWebhook } from '../sources/jira/simulator/webhook.render';
import { startTestApp } from '../testing/test-app';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

const secret = 'jira-webhook-secret';

describe('POST /api/webhooks/jira', () => {
  let app: INestApplication;
  let database: TestDatabase;
  const server = () => app.getHttpServer() as Server;
  const dataset = generateJiraDataset({ seed: 21, issueCount: 3 });
  const issue = dataset.issues[0]!;
  const count = async (table: string) =>
    Number(
      (await app.get(DataSource).query<{ n: string }[]>(`SELECT count(*) AS n FROM "${table}"`))[0]
        ?.n,
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startTestApp(database.url, { JIRA_WEBHOOK_SECRET: secret });
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const post = (path: string, delivery: { headers: Record<string, string>; rawBody: string }) =>
    request(server()).post(path).set(delivery.headers).send(delivery.rawBody);

  it('refuses a delivery signed with another secret and writes nothing', async () => {
    const forged = issueWebhook(dataset, 'jira:issue_created', issue, 'not-the-secret', 'd-0');
    const response = await post('/api/webhooks/jira', forged).expect(401);
    expect(response.body).toMatchObject({ outcome: 'rejected' });
    expect(await count('work_item')).toBe(0);
  });

  it('applies a signed issue event, and a redelivery changes nothing', async () => {
    const delivery = issueWebhook(dataset, 'jira:issue_created', issue, secret, 'd-1');
    const first = await post('/api/webhooks/jira', delivery).expect(200);
    expect(first.body).toMatchObject({ outcome: 'applied', issueKey: issue.key });
    expect(await count('work_item')).toBe(1);
    const again = await post('/api/webhooks/jira', delivery).expect(200);
    expect(again.body).toMatchObject({ outcome: 'duplicate' });
    expect(await count('work_item')).toBe(1);
  });

  it('refuses a delivery carrying a NUL character with 400 and writes nothing', async () => {
    const delivery = issueWebhook(
      dataset,
      'jira:issue_created',
      dataset.issues[2]!,
      secret,
      'd-nul',
    );
    const payload = JSON.parse(delivery.rawBody) as { issue: { fields: { summary: string } } };
    payload.issue.fields.summary = 'broken\u0000summary';
    const rawBody = JSON.stringify(payload);
    const headers = {
      ...delivery.headers,
      'x-hub-signature': `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`,
    };
    const before = await count('work_item');
    const response = await post('/api/webhooks/jira', { headers, rawBody }).expect(400);
    expect(response.body).toMatchObject({ outcome: 'rejected' });
    expect(await count('work_item')).toBe(before);
  });

  it('accepts the secret in the URL when the delivery carries no signature', async () => {
    const { headers, rawBody } = issueWebhook(
      dataset,
      'jira:issue_created',
      dataset.issues[1]!,
      secret,
      'd-2',
    );
    const { 'x-hub-signature': _signature, ...unsigned } = headers;
    await post(`/api/webhooks/jira?secret=${secret}`, { headers: unsigned, rawBody }).expect(200);
    await post('/api/webhooks/jira?secret=wrong', { headers: unsigned, rawBody }).expect(401);
    expect(await count('work_item')).toBe(2);
  });
});
