import { createHmac, randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import {
  auditListSchema,
  connectionsResponseSchema,
  connectionTestResultSchema,
} from '@rework-radar/shared';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { generateOrganisation } from '../sources/github/simulator/dataset-generator';
import { GithubSimulator } from '../sources/github/simulator/github-simulator';
import { generateJiraDataset } from '../sources/jira/simulator/dataset-generator';
import { startJiraSimulator, type JiraSimulator } from '../sources/jira/simulator/jira-simulator';
import { startTestApp } from '../testing/test-app';
import { bearerHeaders } from '../testing/test-auth';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

const githubToken = 'ghp_settingsSecret0123456789';
const jiraPat = 'jira-pat-settings-secret';
const webhookSecret = 'hook-secret-from-settings';

describe('connections saved in settings', () => {
  let app: INestApplication;
  let database: TestDatabase;
  let github: GithubSimulator;
  let jira: JiraSimulator;
  let admin: { Authorization: string };
  const server = () => app.getHttpServer() as Server;
  const secretsKey = randomBytes(32).toString('hex');

  beforeAll(async () => {
    github = await new GithubSimulator(
      generateOrganisation({ repositories: 1, pullRequestsPerRepository: 2, seed: 5 }),
    ).start();
    github.requireTokens(githubToken);
    jira = await startJiraSimulator({
      deployment: 'datacenter',
      dataset: generateJiraDataset({ seed: 5, issueCount: 3, projectKeys: ['ACME'] }),
      auth: { pat: jiraPat },
    });
    database = await createTestDatabase();
    // No GitHub or Jira in the environment would mean the demo: this is an install without it.
    app = await startTestApp(database.url, { SECRETS_KEY: secretsKey, DEMO: 'false' });
    admin = await bearerHeaders(app, 'admin');
  }, 60_000);

  afterAll(async () => {
    await app.close();
    await database.drop();
    await github.stop();
    await jira.close();
  });

  it('lists both sources as not configured on a fresh install', async () => {
    const answer = connectionsResponseSchema.parse(
      (await request(server()).get('/api/connections').set(admin).expect(200)).body,
    );
    expect(answer.connections.map((connection) => [connection.system, connection.source])).toEqual([
      ['github', 'none'],
      ['jira', 'none'],
    ]);
  });

  it('saves GitHub with the token sealed at rest, never answered back, and audited without it', async () => {
    const saved = await request(server())
      .put('/api/connections/github')
      .set(admin)
      .send({ apiUrl: github.apiUrl, token: githubToken, org: 'acme', webhookSecret })
      .expect(200);
    expect(JSON.stringify(saved.body)).not.toContain(githubToken);
    const summary = connectionsResponseSchema.parse(saved.body).connections[0];
    expect(summary).toMatchObject({
      system: 'github',
      source: 'settings',
      configured: true,
      baseUrl: github.apiUrl,
      scope: 'org acme',
      credentialKind: 'token',
      webhookSecretSet: true,
    });

    const rows: { settings: unknown; secrets: string }[] = await app
      .get(DataSource)
      .query(`SELECT settings, secrets FROM connection_setting WHERE system = 'github'`);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(githubToken);
    expect(stored).not.toContain(webhookSecret);
    expect(rows[0]?.secrets).toMatch(/^v1\.[0-9a-f]{8}\./);

    const audit = auditListSchema.parse(
      (await request(server()).get('/api/audit?action=connection.updated').set(admin).expect(200))
        .body,
    );
    expect(audit.events[0]).toMatchObject({ target: 'github' });
    expect(JSON.stringify(audit)).not.toContain(githubToken);
  });

  it('tests the saved GitHub connection against the service', async () => {
    const result = connectionTestResultSchema.parse(
      (await request(server()).post('/api/connections/github/test').set(admin).expect(200)).body,
    );
    expect(result).toMatchObject({ ok: true });
    expect(result.message).toContain('as rework-radar-sync; organisation acme is readable');
  });

  it('says what is wrong when the service refuses the credentials', async () => {
    await request(server())
      .put('/api/connections/github')
      .set(admin)
      .send({ apiUrl: github.apiUrl, token: 'ghp_revoked', org: 'acme' })
      .expect(200);
    const result = connectionTestResultSchema.parse(
      (await request(server()).post('/api/connections/github/test').set(admin).expect(200)).body,
    );
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/HTTP 401/);
    expect(result.message).not.toContain('ghp_revoked');
  });

  it('saves and tests a Jira Data Center connection', async () => {
    await request(server())
      .put('/api/connections/jira')
      .set(admin)
      .send({ baseUrl: jira.baseUrl, pat: jiraPat, projects: ['ACME'], deployment: 'datacenter' })
      .expect(200);
    const result = connectionTestResultSchema.parse(
      (await request(server()).post('/api/connections/jira/test').set(admin).expect(200)).body,
    );
    expect(result.ok).toBe(true);
    expect(result.message).toContain(`at ${jira.baseUrl}`);
  });

  it('refuses incomplete input with the field named, and keeps what was saved', async () => {
    const refused = await request(server())
      .put('/api/connections/jira')
      .set(admin)
      .send({ baseUrl: 'not a url', projects: [] })
      .expect(400);
    const fields = (refused.body as { issues: { field: string }[] }).issues.map(
      (issue) => issue.field,
    );
    expect(fields).toContain('baseUrl');
    const after = connectionsResponseSchema.parse(
      (await request(server()).get('/api/connections').set(admin).expect(200)).body,
    );
    expect(after.connections[1]).toMatchObject({ configured: true, baseUrl: jira.baseUrl });
  });

  it('verifies GitHub webhooks with the secret saved in settings', async () => {
    await request(server())
      .put('/api/connections/github')
      .set(admin)
      .send({ apiUrl: github.apiUrl, token: githubToken, org: 'acme', webhookSecret })
      .expect(200);
    const payload = JSON.stringify({ zen: 'Keep it logically awesome.', hook_id: 1 });
    const sign = (secret: string) =>
      `sha256=${createHmac('sha256', secret).update(payload).digest('hex')}`;
    const deliver = (signature: string) =>
      request(server())
        .post('/api/webhooks/github')
        .set('content-type', 'application/json')
        .set('x-github-event', 'ping')
        .set('x-github-delivery', randomBytes(8).toString('hex'))
        .set('x-hub-signature-256', signature)
        .send(payload);
    await deliver(sign('some other secret')).expect(401);
    const accepted = await deliver(sign(webhookSecret));
    expect(accepted.status).toBeLessThan(300);
  });

  it('is for admins only', async () => {
    for (const role of ['vp', 'director', 'manager'] as const) {
      const headers = await bearerHeaders(app, role, ['payments']);
      await request(server()).get('/api/connections').set(headers).expect(403);
      await request(server()).post('/api/connections/github/test').set(headers).expect(403);
    }
  });
});

describe('connections while the demo organisation runs', () => {
  let app: INestApplication;
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startTestApp(database.url, { SECRETS_KEY: randomBytes(32).toString('hex') });
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('refuses to save one, saying how to switch to your own organisation, and stores nothing', async () => {
    const admin = await bearerHeaders(app, 'admin');
    const server = app.getHttpServer() as Server;
    const refused = await request(server)
      .put('/api/connections/github')
      .set(admin)
      .send({ apiUrl: 'https://api.github.com', token: githubToken, org: 'acme' })
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'demo_running' });
    expect((refused.body as { message: string }).message).toMatch(
      /GITHUB_TOKEN.*restart.*DEMO=false/,
    );
    await request(server)
      .put('/api/connections/jira')
      .set(admin)
      .send({ baseUrl: 'https://jira.example.com', pat: jiraPat, projects: ['ACME'] })
      .expect(409);
    const listed = connectionsResponseSchema.parse(
      (await request(server).get('/api/connections').set(admin).expect(200)).body,
    );
    expect(listed.connections.map((connection) => connection.source)).toEqual(['none', 'none']);
  });
});
