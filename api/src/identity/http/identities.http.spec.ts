import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { unmatchedPageSchema } from '@rework-radar/shared';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from '../../testing/test-app';
import { bearerHeaders } from '../../testing/test-auth';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';

/**
 * Ann: GitHub + Jira merged, in a team (matched). Bob: GitHub only, in a team (no Jira).
 * Cy: Jira only, in no team. Dee: GitHub only, in no team (both reasons). A bot: never listed.
 */
async function seed(dataSource: DataSource): Promise<void> {
  for (const [id, name] of [
    ['person:ann', 'Ann'],
    ['person:bob', 'Bob'],
    ['person:cy', 'Cy'],
    ['person:dee', 'Dee'],
    ['person:bot', 'ci-bot'],
  ])
    await dataSource.query(`INSERT INTO person (id, display_name) VALUES ($1, $2)`, [id, name]);
  for (const [id, system, externalId, personId, isBot] of [
    ['github:ann', 'github', 'ann', 'person:ann', false],
    ['jira:acc-ann', 'jira', 'acc-ann', 'person:ann', false],
    ['github:bob', 'github', 'bob', 'person:bob', false],
    ['jira:acc-cy', 'jira', 'acc-cy', 'person:cy', false],
    ['github:dee', 'github', 'dee', 'person:dee', false],
    ['github:ci-bot', 'github', 'ci-bot', 'person:bot', true],
  ] as const)
    await dataSource.query(
      `INSERT INTO identity (id, system, external_id, display_name, person_id, is_bot) VALUES ($1, $2, $3, $3, $4, $5)`,
      [id, system, externalId, personId, isBot],
    );
  await dataSource.query(
    `INSERT INTO team (slug, name, member_config, updated_at) VALUES ('payments', 'Payments', '[]', now())`,
  );
  for (const person of ['person:ann', 'person:bob'])
    await dataSource.query(
      `INSERT INTO team_membership (id, team_slug, person_id) VALUES ($1, 'payments', $2)`,
      [`payments:${person}`, person],
    );
}

describe('GET /api/identities/unmatched', () => {
  let database: TestDatabase;
  let app: INestApplication;
  const server = () => app.getHttpServer() as Server;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startTestApp(database.url);
    await seed(app.get(DataSource));
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('lists identities in no team and GitHub accounts with no Jira account, with their reasons', async () => {
    const answer = await request(server())
      .get('/api/identities/unmatched')
      .set(await bearerHeaders(app))
      .expect(200);
    const page = unmatchedPageSchema.parse(answer.body);
    expect(page.items.map((item) => [item.id, item.reasons])).toEqual([
      ['github:bob', ['no_jira_identity']],
      ['github:dee', ['not_in_team', 'no_jira_identity']],
      ['jira:acc-cy', ['not_in_team']],
    ]);
    expect(page.totals).toEqual({ not_in_team: 2, no_jira_identity: 2 });
    expect(page.nextCursor).toBeNull();
  });

  it('filters by reason and pages by cursor', async () => {
    const admin = await bearerHeaders(app);
    const first = unmatchedPageSchema.parse(
      (
        await request(server())
          .get('/api/identities/unmatched?reason=not_in_team&limit=1')
          .set(admin)
          .expect(200)
      ).body,
    );
    expect(first.items.map((item) => item.id)).toEqual(['github:dee']);
    const second = unmatchedPageSchema.parse(
      (
        await request(server())
          .get(
            `/api/identities/unmatched?reason=not_in_team&limit=1&cursor=${first.nextCursor ?? ''}`,
          )
          .set(admin)
          .expect(200)
      ).body,
    );
    expect(second.items.map((item) => item.id)).toEqual(['jira:acc-cy']);
    expect(second.nextCursor).toBeNull();
  });

  it('is for admins only, and refuses unknown reasons', async () => {
    await request(server())
      .get('/api/identities/unmatched')
      .set(await bearerHeaders(app, 'vp'))
      .expect(403);
    await request(server())
      .get('/api/identities/unmatched?reason=lonely')
      .set(await bearerHeaders(app))
      .expect(400);
  });
});
