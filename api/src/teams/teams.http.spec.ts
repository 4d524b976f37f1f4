import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { teamsResponseSchema } from '@rework-radar/shared';
import request from 'supertest';
import { upsertIdentities } from '../identity/identity.store';
import { startTestApp } from '../testing/test-app';
import { bearerHeaders } from '../testing/test-auth';
import { createMigratedDataSource, type TestDatabase } from '../testing/test-database';

describe('GET/PUT /api/teams', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let auth: { Authorization: string };
  const server = (): Server => app.getHttpServer() as Server;

  beforeAll(async () => {
    const migrated = await createMigratedDataSource();
    database = migrated.database;
    const { dataSource } = migrated;
    const identity = (system: 'github' | 'jira', externalId: string) => ({
      id: `${system}:${externalId}`,
      externalId,
      displayName: externalId,
      email: null,
      isBot: false,
      rawPayloadId: null,
    });
    await upsertIdentities(dataSource.manager, 'github', [identity('github', 'ann')]);
    await upsertIdentities(dataSource.manager, 'jira', [identity('jira', 'acc-ann')]);
    await dataSource.destroy();
    app = await startTestApp(database.url);
    auth = await bearerHeaders(app, 'admin');
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('joins the GitHub and Jira accounts a member names into one person, and answers a member no identity matches yet as configured', async () => {
    const body = teamsResponseSchema.parse(
      (
        await request(server())
          .put('/api/teams/core')
          .set(auth)
          .send({
            name: 'Core',
            members: [
              { github: 'ann', jiraAccountId: 'acc-ann' },
              { github: 'bo', jiraAccountId: 'acc-bo', from: '2026-02-01' },
            ],
          })
          .expect(200)
      ).body,
    );
    const [core] = body.teams;
    expect(core?.members).toEqual([
      expect.objectContaining({ githubLogins: ['ann'], jiraAccountIds: ['acc-ann'] }),
    ]);
    expect(core?.unresolved).toEqual(['github:bo']);
    expect(core?.unresolvedMembers).toEqual([
      { github: 'bo', jiraAccountId: 'acc-bo', from: '2026-02-01' },
    ]);
  });
});
