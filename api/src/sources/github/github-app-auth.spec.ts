import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { GithubConnection } from '../../config/app-config';
import { HistoryBuilder, isolateGitConfig } from '../git/evaluation/history-builder';
import { runGit } from '../git/git-command';
import { createMigratedDataSource, type TestDatabase } from '../../testing/test-database';
import { silentLogger } from '../../testing/silent-logger';
import { runGithubSync } from './github-sync';
import { verifyAppJwt } from './simulator/app-jwt';
import { generateOrganisation } from './simulator/dataset-generator';
import { GithubSimulator } from './simulator/github-simulator';

const keyPair = (): { privateKey: string; publicKey: string } =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });

function jwt(privateKey: string, claims: Record<string, number | string>): string {
  const encode = (value: object): string =>
    Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), privateKey).toString('base64url')}`;
}

describe('GitHub App authentication', () => {
  const app = keyPair();
  const dataset = generateOrganisation({ repositories: 1, pullRequestsPerRepository: 12, seed: 5 });
  let simulator: GithubSimulator;
  let dataSource: DataSource;
  let database: TestDatabase;
  let root: string;
  let restore: () => void;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'gh-app-'));
    restore = isolateGitConfig(root);
    const source = await HistoryBuilder.create(join(root, 'served', 'service-1'));
    await source.write('a.ts', 'export const a = 1;\n');
    await source.commit('first');
    const repo = dataset.repositories[0];
    if (repo === undefined) throw new Error('dataset too small');
    repo.gitDir = source.dir;
    simulator = await new GithubSimulator(dataset).start();
    // No token is good until the simulator issues one.
    simulator.requireTokens();
    simulator.registerApp({ appId: 4242, publicKey: app.publicKey, installations: [77] });
    ({ dataSource, database } = await createMigratedDataSource());
  });
  afterAll(async () => {
    await simulator.stop();
    await dataSource.destroy();
    await database.drop();
    restore();
    await rm(root, { recursive: true, force: true });
  });

  const connection = (privateKey: string, installationId = 77): GithubConnection => ({
    apiUrl: simulator.apiUrl,
    auth: { kind: 'app', appId: 4242, privateKey, installationId },
    org: 'acme',
    repos: [],
  });

  it('syncs with an installation token obtained with a signed JWT, for the API and for git', async () => {
    const report = await runGithubSync(
      {
        dataSource,
        connection: connection(app.privateKey),
        logger: silentLogger(),
        dataDir: join(root, 'data'),
      },
      { retryBaseMs: 10, graphqlGapMs: 0 },
    );
    expect(report.pullRequestsStored).toBe(12);
    expect(report.mirrors.failures).toEqual([]);
    expect(simulator.issuedTokens.map((issued) => issued.installationId)).toEqual([77]);
    expect(simulator.counters.unauthorized).toBe(0);
    const gitDir = join(root, 'data', 'git', 'acme', 'service-1.git');
    expect((await runGit(['--git-dir', gitDir, 'rev-parse', '--is-bare-repository'])).trim()).toBe(
      'true',
    );
  });

  it('fails when the JWT is signed with another key, or the installation is not the App’s', async () => {
    const other = keyPair();
    await expect(
      runGithubSync(
        { dataSource, connection: connection(other.privateKey), logger: silentLogger() },
        { retryBaseMs: 10, graphqlGapMs: 0 },
      ),
    ).rejects.toThrow(/could not be decoded/);
    await expect(
      runGithubSync(
        { dataSource, connection: connection(app.privateKey, 78), logger: silentLogger() },
        { retryBaseMs: 10, graphqlGapMs: 0 },
      ),
    ).rejects.toThrow(/Not Found/);
    expect(simulator.issuedTokens).toHaveLength(1);
  });

  it('checks the JWT claims the way GitHub does', () => {
    const now = Date.now();
    const seconds = Math.floor(now / 1000);
    const apps = [{ appId: 4242, publicKey: app.publicKey, installations: [77] }];
    expect(
      verifyAppJwt(
        jwt(app.privateKey, { iss: 4242, iat: seconds - 30, exp: seconds + 540 }),
        apps,
        now,
      ),
    ).toMatchObject({ ok: true });
    expect(
      verifyAppJwt(
        jwt(app.privateKey, { iss: '4242', iat: seconds - 30, exp: seconds + 540 }),
        apps,
        now,
      ),
    ).toMatchObject({ ok: true });
    expect(
      verifyAppJwt(
        jwt(app.privateKey, { iss: 4242, iat: seconds - 700, exp: seconds - 100 }),
        apps,
        now,
      ),
    ).toMatchObject({ ok: false });
    expect(
      verifyAppJwt(
        jwt(app.privateKey, { iss: 4242, iat: seconds, exp: seconds + 3600 }),
        apps,
        now,
      ),
    ).toMatchObject({ ok: false });
    expect(
      verifyAppJwt(jwt(app.privateKey, { iss: 1, iat: seconds, exp: seconds + 60 }), apps, now),
    ).toMatchObject({ ok: false, reason: 'Integration not found' });
    expect(verifyAppJwt('not.a.jwt', apps, now)).toMatchObject({ ok: false });
  });
});
