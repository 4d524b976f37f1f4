import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { currentUserSchema } from '@rework-radar/shared';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp } from '../../testing/test-app';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { createAccount } from '../accounts.store';
import { UserAccount } from '../auth.entities';
import { startOidcTestProvider, type OidcTestProvider } from './testing/oidc-test-provider';

const redirectUri = 'http://rework-radar.test/api/auth/oidc/callback';
const person = { sub: 'alice-0001', email: 'alice@acme.test', name: 'Alice Example' };

/** Plays the browser at the provider: follows its redirects with its cookies until it sends us back. */
async function throughProvider(authorizeUrl: string): Promise<string> {
  const cookies = new Map<string, string>();
  let url = authorizeUrl;
  for (let hop = 0; hop < 10; hop += 1) {
    if (url.startsWith(redirectUri)) return url;
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      cookies.set(name.trim(), value);
    }
    const location = response.headers.get('location');
    if (location === null)
      throw new Error(`the provider stopped at ${url} with ${response.status}`);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects at the provider');
}

describe('single sign-on with OpenID Connect', () => {
  let provider: OidcTestProvider;
  let database: TestDatabase;
  let app: INestApplication;
  const server = () => app.getHttpServer() as Server;

  const oidcEnv = (extra: Record<string, string> = {}) => ({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: 'rework-radar',
    OIDC_CLIENT_SECRET: 'client secret for the tests',
    OIDC_REDIRECT_URI: redirectUri,
    ...extra,
  });

  /** The whole round trip; answers where the app finally sends the browser, and the session cookie. */
  async function signInThroughProvider(target: INestApplication, next = '/rework') {
    const started = await request(target.getHttpServer() as Server)
      .get(`/api/auth/oidc/start?next=${encodeURIComponent(next)}`)
      .expect(302);
    const pendingCookie = String(started.headers['set-cookie']).split(';')[0] ?? '';
    expect(pendingCookie).toMatch(/^rr_oidc=/);
    const authorize = new URL(String(started.headers.location));
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    const back = new URL(await throughProvider(authorize.href));
    const finished = await request(target.getHttpServer() as Server)
      .get(`/api/auth/oidc/callback${back.search}`)
      .set('Cookie', pendingCookie)
      .expect(302);
    const session = (finished.headers['set-cookie'] as unknown as string[] | undefined)?.find(
      (cookie) => cookie.startsWith('rr_session='),
    );
    return { location: String(finished.headers.location), session: session?.split(';')[0] };
  }

  beforeAll(async () => {
    provider = await startOidcTestProvider({
      clientId: 'rework-radar',
      clientSecret: 'client secret for the tests',
      redirectUri,
      person,
    });
    database = await createTestDatabase();
    app = await startTestApp(database.url, oidcEnv());
  }, 60_000);

  afterAll(async () => {
    await app.close();
    await database.drop();
    await provider.stop();
  });

  it('tells the sign-in page where single sign-on starts', async () => {
    const answer = await request(server()).get('/api/auth/providers').expect(200);
    expect(answer.body).toEqual({
      password: true,
      oidc: { startUrl: '/api/auth/oidc/start', issuer: provider.issuer },
    });
  });

  it('refuses a person with no account, saying why, when no default role is configured', async () => {
    const { location, session } = await signInThroughProvider(app);
    expect(location).toBe(
      `/sign-in?error=${encodeURIComponent('there is no account for alice@acme.test: ask an admin to add you')}`,
    );
    expect(session).toBeUndefined();
  });

  it('signs in to the account with the verified e-mail, links it, and lands on next', async () => {
    await createAccount(app.get(DataSource).manager, {
      email: person.email,
      displayName: 'Alice',
      role: 'director',
      teamSlugs: [],
      passwordHash: null,
    });
    const { location, session } = await signInThroughProvider(app, '/quarterly?quarter=2026-Q3');
    expect(location).toBe('/quarterly?quarter=2026-Q3');
    expect(session).toMatch(/^rr_session=rrs_/);
    const me = currentUserSchema.parse(
      (
        await request(server())
          .get('/api/auth/me')
          .set('Cookie', session ?? '')
          .expect(200)
      ).body,
    );
    expect(me).toMatchObject({ email: person.email, role: 'director' });
    const linked = await app
      .get(DataSource)
      .manager.findOneByOrFail(UserAccount, { email: person.email });
    expect(linked.oidcSubject).toBe(`${provider.issuer}|${person.sub}`);
  });

  it('refuses a callback whose state was not issued to this browser', async () => {
    const started = await request(server()).get('/api/auth/oidc/start').expect(302);
    const back = new URL(await throughProvider(String(started.headers.location)));
    back.searchParams.set('state', 'forged-state');
    const finished = await request(server())
      .get(`/api/auth/oidc/callback${back.search}`)
      .set('Cookie', String(started.headers['set-cookie']).split(';')[0] ?? '')
      .expect(302);
    expect(String(finished.headers.location)).toMatch(/^\/sign-in\?error=/);
    expect(String(finished.headers['set-cookie'])).not.toContain('rr_session=rrs_');
  });

  it('never redirects outside the app after signing in', async () => {
    const { location } = await signInThroughProvider(app, 'https://evil.test/');
    expect(location).toBe('/overview');
  });

  it('creates the account with OIDC_DEFAULT_ROLE on first sign-in when configured', async () => {
    const fresh = await createTestDatabase();
    const other = await startTestApp(fresh.url, oidcEnv({ OIDC_DEFAULT_ROLE: 'vp' }));
    try {
      const { session } = await signInThroughProvider(other);
      const me = currentUserSchema.parse(
        (
          await request(other.getHttpServer() as Server)
            .get('/api/auth/me')
            .set('Cookie', session ?? '')
            .expect(200)
        ).body,
      );
      expect(me).toMatchObject({ email: person.email, role: 'vp', displayName: person.name });
    } finally {
      await other.close();
      await fresh.drop();
    }
  });
});
