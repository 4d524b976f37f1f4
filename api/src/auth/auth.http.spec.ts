import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import {
  apiErrorSchema,
  apiTokenCreatedSchema,
  apiTokenListSchema,
  auditListSchema,
  currentUserSchema,
  userSummarySchema,
} from '@rework-radar/shared';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { applyTeamsConfig } from '../teams/teams.store';
import { startTestApp } from '../testing/test-app';
import { bearerHeaders } from '../testing/test-auth';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { UserAccount } from './auth.entities';
import { ensureFirstAdmin, generatedAdminEmail } from './first-admin';

const adminEmail = 'Root@Acme.test';
const adminPassword = 'correct horse battery staple';

describe('sign-in, sessions, API tokens and roles', () => {
  let app: INestApplication;
  let database: TestDatabase;
  const server = () => app.getHttpServer() as Server;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startTestApp(database.url);
    await ensureFirstAdmin(app.get(DataSource), { email: adminEmail, password: adminPassword });
    await app.get(DataSource).transaction((manager) =>
      applyTeamsConfig(manager, {
        teams: [
          {
            slug: 'payments',
            name: 'Payments',
            members: [],
            repositories: ['acme/pay'],
            jiraProjects: ['PAY'],
          },
          {
            slug: 'search',
            name: 'Search',
            members: [],
            repositories: ['acme/search'],
            jiraProjects: ['SRCH'],
          },
        ],
      }),
    );
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  /** Signs a supertest agent in as the admin, from its own client address (rate limits are per address). */
  const signIn = (agent: ReturnType<typeof request.agent>, address: string) =>
    agent
      .post('/api/auth/login')
      .set('X-Forwarded-For', address)
      .send({ email: adminEmail, password: adminPassword })
      .expect(200);

  const login = (email: string, password: string, address = '10.0.0.1') =>
    request(server())
      .post('/api/auth/login')
      .set('X-Forwarded-For', address)
      .send({ email, password });

  describe('sign-in', () => {
    it('sets an http-only, SameSite=Lax session cookie and answers who signed in (e-mail case-insensitive)', async () => {
      const response = await login('root@acme.TEST', adminPassword).expect(200);
      const user = currentUserSchema.parse(response.body);
      expect(user).toMatchObject({ email: 'root@acme.test', role: 'admin', via: 'session' });
      const cookie = String(response.headers['set-cookie']);
      expect(cookie).toMatch(/^rr_session=rrs_[\w-]{43};/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
    });

    it('stores neither the password nor the session value in clear', async () => {
      const response = await login(adminEmail, adminPassword).expect(200);
      const cookieValue =
        /rr_session=([^;]+)/.exec(String(response.headers['set-cookie']))?.[1] ?? '';
      const rows: { password_hash: string }[] = await app
        .get(DataSource)
        .query(`SELECT password_hash FROM user_account WHERE email = 'root@acme.test'`);
      expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$/);
      const sessions: { token_hash: string }[] = await app
        .get(DataSource)
        .query('SELECT token_hash FROM auth_session');
      expect(sessions.map((row) => row.token_hash)).not.toContain(cookieValue);
      expect(sessions.every((row) => /^[0-9a-f]{64}$/.test(row.token_hash))).toBe(true);
    });

    it('answers a wrong password and an unknown e-mail the same way', async () => {
      const wrong = await login(adminEmail, 'not the password', '10.0.0.2').expect(401);
      const unknown = await login('nobody@acme.test', 'not the password', '10.0.0.2').expect(401);
      expect(apiErrorSchema.parse(wrong.body)).toEqual(apiErrorSchema.parse(unknown.body));
      expect(wrong.headers['set-cookie']).toBeUndefined();
    });

    it('refuses a malformed body with the field named, not a 500', async () => {
      const response = await request(server())
        .post('/api/auth/login')
        .send({ email: 42 })
        .expect(400);
      expect(apiErrorSchema.parse(response.body).issues?.map((issue) => issue.field)).toEqual(
        expect.arrayContaining(['email', 'password']),
      );
    });

    it('limits guessing: the sixth attempt on one account within a minute gets 429', async () => {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        await login(adminEmail, `guess ${attempt}`, '10.0.0.3').expect(401);
      }
      const limited = await login(adminEmail, adminPassword, '10.0.0.3').expect(429);
      expect(limited.headers['retry-after-sign-in-per-account']).toBeDefined();
      // Another client address is not locked out by someone else's guessing.
      await login(adminEmail, adminPassword, '10.0.0.4').expect(200);
    });

    it('a session cookie authenticates reads, and sign-out ends it', async () => {
      const agent = request.agent(server());
      await signIn(agent, '10.0.0.5');
      await agent.get('/api/auth/me').expect(200);
      await agent.post('/api/auth/logout').expect(204);
      await agent.get('/api/auth/me').expect(401);
    });

    it('refuses a write a page on another origin makes with the cookie', async () => {
      const agent = request.agent(server());
      await signIn(agent, '10.0.0.6');
      const forged = await agent
        .post('/api/auth/tokens')
        .set('Origin', 'https://evil.test')
        .set('Sec-Fetch-Site', 'cross-site')
        .send({ name: 'forged' })
        .expect(403);
      expect(apiErrorSchema.parse(forged.body).code).toBe('cross_origin_write');
      await agent
        .post('/api/auth/tokens')
        .set('Sec-Fetch-Site', 'same-origin')
        .send({ name: 'mine' })
        .expect(201);
    });
  });

  describe('API tokens', () => {
    it('are shown once, work as Bearer on any route, and stop working when revoked', async () => {
      const agent = request.agent(server());
      await signIn(agent, '10.0.0.7');
      const created = apiTokenCreatedSchema.parse(
        (await agent.post('/api/auth/tokens').send({ name: 'ci export' }).expect(201)).body,
      );
      expect(created.token).toMatch(/^rrt_/);
      const listed = apiTokenListSchema.parse(
        (await agent.get('/api/auth/tokens').expect(200)).body,
      );
      expect(JSON.stringify(listed)).not.toContain(created.token);
      expect(listed.tokens.find((token) => token.id === created.id)?.prefix).toBe(
        created.token.slice(0, 10),
      );

      const bearer = { Authorization: `Bearer ${created.token}` };
      const me = currentUserSchema.parse(
        (await request(server()).get('/api/auth/me').set(bearer).expect(200)).body,
      );
      expect(me).toMatchObject({ email: 'root@acme.test', via: 'token' });
      await request(server()).get('/api/teams').set(bearer).expect(200);
      const used = apiTokenListSchema.parse((await agent.get('/api/auth/tokens').expect(200)).body);
      expect(used.tokens.find((token) => token.id === created.id)?.lastUsedAt).not.toBeNull();

      await agent.delete(`/api/auth/tokens/${created.id}`).expect(204);
      await request(server()).get('/api/auth/me').set(bearer).expect(401);
    });

    it('a wrong bearer token is refused even with a valid session cookie beside it', async () => {
      const agent = request.agent(server());
      await signIn(agent, '10.0.0.8');
      await agent.get('/api/auth/me').set('Authorization', 'Bearer rrt_not-a-token').expect(401);
    });
  });

  describe('roles', () => {
    it('asks for sign-in on every non-public route, and leaves health public', async () => {
      const response = await request(server()).get('/api/teams').expect(401);
      expect(apiErrorSchema.parse(response.body).code).toBe('sign_in_required');
      await request(server()).get('/api/health').expect(200);
    });

    it('lets VPs and directors read every team but not change settings', async () => {
      for (const role of ['vp', 'director'] as const) {
        const headers = await bearerHeaders(app, role);
        await request(server()).get('/api/rework').set(headers).expect(200);
        await request(server()).get('/api/rework?team=search').set(headers).expect(200);
        await request(server()).put('/api/teams').set(headers).send({ teams: [] }).expect(403);
        await request(server()).get('/api/users').set(headers).expect(403);
      }
    });

    it('keeps an engineering manager to their own teams, by team, repository and project', async () => {
      const headers = await bearerHeaders(app, 'manager', ['payments']);
      await request(server()).get('/api/rework?team=payments').set(headers).expect(200);
      const foreign = await request(server())
        .get('/api/rework?team=search')
        .set(headers)
        .expect(403);
      expect(apiErrorSchema.parse(foreign.body).code).toBe('outside_your_teams');
      const orgWide = await request(server()).get('/api/rework').set(headers).expect(403);
      expect(apiErrorSchema.parse(orgWide.body).message).toMatch(/team=payments/);
      await request(server()).get('/api/pull-requests?repo=acme/pay').set(headers).expect(200);
      await request(server()).get('/api/pull-requests?repo=acme/search').set(headers).expect(403);
      await request(server()).get('/api/work-items?project=PAY').set(headers).expect(200);
      await request(server()).get('/api/work-items?project=SRCH').set(headers).expect(403);
      await request(server()).get('/api/work-items/SRCH-1').set(headers).expect(403);
    });

    it('lets an admin create accounts and change roles, audited, and signs the changed account out', async () => {
      const admin = await bearerHeaders(app, 'admin');
      const created = userSummarySchema.parse(
        (
          await request(server())
            .post('/api/users')
            .set(admin)
            .send({
              email: 'em@acme.test',
              displayName: 'Em',
              role: 'manager',
              teamSlugs: ['payments'],
              password: 'a long enough password',
            })
            .expect(201)
        ).body,
      );
      await request(server())
        .post('/api/users')
        .set(admin)
        .send({ email: 'EM@acme.test', displayName: 'Em again', role: 'vp' })
        .expect(409);

      const agent = request.agent(server());
      await agent
        .post('/api/auth/login')
        .set('X-Forwarded-For', '10.0.0.9')
        .send({ email: 'em@acme.test', password: 'a long enough password' })
        .expect(200);
      await agent.get('/api/rework').expect(403);

      const promoted = userSummarySchema.parse(
        (
          await request(server())
            .patch(`/api/users/${created.id}`)
            .set(admin)
            .send({ role: 'director' })
            .expect(200)
        ).body,
      );
      expect(promoted).toMatchObject({ role: 'director', teamSlugs: [] });
      await agent.get('/api/auth/me').expect(401);

      const audit = auditListSchema.parse(
        (await request(server()).get('/api/audit?action=user.role-changed').set(admin).expect(200))
          .body,
      );
      expect(audit.events[0]).toMatchObject({
        action: 'user.role-changed',
        target: 'em@acme.test',
        details: { before: { role: 'manager' }, after: { role: 'director' } },
      });
    });

    it('audits team changes with who made them', async () => {
      const admin = await bearerHeaders(app, 'admin', [], 'teams-admin@acme.test');
      await request(server())
        .put('/api/teams/payments')
        .set(admin)
        .send({
          name: 'Payments & Billing',
          members: [],
          repositories: ['acme/pay'],
          jiraProjects: ['PAY'],
        })
        .expect(200);
      const audit = auditListSchema.parse(
        (await request(server()).get('/api/audit?action=team.updated').set(admin).expect(200)).body,
      );
      expect(audit.events[0]).toMatchObject({
        actor: 'teams-admin@acme.test',
        target: 'payments',
        details: { name: 'Payments & Billing' },
      });
    });

    it('a disabled account can no longer sign in, and its session and API tokens stop working', async () => {
      const admin = await bearerHeaders(app, 'admin');
      const created = userSummarySchema.parse(
        (
          await request(server())
            .post('/api/users')
            .set(admin)
            .send({
              email: 'leaver@acme.test',
              displayName: 'Leaver',
              role: 'vp',
              password: 'a long enough password',
            })
            .expect(201)
        ).body,
      );
      const leaver = request.agent(server());
      await leaver
        .post('/api/auth/login')
        .set('X-Forwarded-For', '10.0.0.11')
        .send({ email: 'leaver@acme.test', password: 'a long enough password' })
        .expect(200);
      const { token } = apiTokenCreatedSchema.parse(
        (await leaver.post('/api/auth/tokens').send({ name: 'script' }).expect(201)).body,
      );
      const bearer = { Authorization: `Bearer ${token}` };
      await request(server()).get('/api/auth/me').set(bearer).expect(200);
      await request(server())
        .patch(`/api/users/${created.id}`)
        .set(admin)
        .send({ disabled: true })
        .expect(200);
      await login('leaver@acme.test', 'a long enough password', '10.0.0.10').expect(401);
      await leaver.get('/api/auth/me').expect(401);
      await request(server()).get('/api/auth/me').set(bearer).expect(401);
    });
  });

  describe('first admin', () => {
    it('generates one admin with a printed-once password only when no account exists, and only once', async () => {
      const empty = await createTestDatabase();
      const other = await startTestApp(empty.url);
      try {
        const first = await ensureFirstAdmin(other.get(DataSource), undefined);
        expect(first).toMatchObject({ kind: 'generated', email: generatedAdminEmail });
        const second = await ensureFirstAdmin(other.get(DataSource), undefined);
        expect(second).toEqual({ kind: 'exists' });
        expect(await other.get(DataSource).manager.count(UserAccount)).toBe(1);
        if (first.kind !== 'generated') throw new Error('expected a generated admin');
        await request(other.getHttpServer() as Server)
          .post('/api/auth/login')
          .send({ email: generatedAdminEmail, password: first.password })
          .expect(200);
      } finally {
        await other.close();
        await empty.drop();
      }
    });
  });
});
