import { writeFileSync, mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { rulesResponseSchema } from '@rework-radar/shared';
import request from 'supertest';
import { startTestApp } from '../testing/test-app';
import { bearerHeaders } from '../testing/test-auth';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { rulesDocumentSchema } from './rules.schema';

describe('GET /api/settings/rules', () => {
  let database: TestDatabase;
  let app: INestApplication;
  const server = () => app.getHttpServer() as Server;

  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rr-rules-')), 'analysis.json');
    writeFileSync(
      file,
      JSON.stringify({
        windows: { followUpFixDays: 21 },
        agentLogins: ['acme-agent[bot]'],
        criticalPathGlobs: ['src/payments/**'],
      }),
    );
    database = await createTestDatabase();
    app = await startTestApp(database.url, { ANALYSIS_CONFIG: file });
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('answers the configuration in force and names what the file changed', async () => {
    const answer = await request(server())
      .get('/api/settings/rules')
      .set(await bearerHeaders(app))
      .expect(200);
    // The answer is what the OpenAPI document says, and what the web parses.
    const rules = rulesDocumentSchema.parse(answer.body);
    expect(rulesResponseSchema.parse(answer.body).analysis).toEqual(rules.analysis);
    expect(rules.analysis.windows.followUpFixDays).toBe(21);
    expect(rules.analysis.windows.linkedBugDays).toBe(60);
    expect(rules.analysis.agentLogins).toEqual(['acme-agent[bot]']);
    expect(rules.analysis.criticalPathGlobs).toEqual(['src/payments/**']);
    expect(rules.analysis.signalWeights.missingContext.expectation_text).toBe(1.3);
    expect(rules.changedFromDefaults).toEqual([
      'agentLogins',
      'criticalPathGlobs',
      'windows.followUpFixDays',
    ]);
  });

  it('is for admins only', async () => {
    await request(server())
      .get('/api/settings/rules')
      .set(await bearerHeaders(app, 'manager', ['payments']))
      .expect(403);
  });
});
