import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistoryBuilder, isolateGitConfig } from '../../git/evaluation/history-builder';
import { runGit } from '../../git/git-command';
import { ensureMirror } from '../../git';
import { generateOrganisation } from './dataset-generator';
import { GithubSimulator } from './github-simulator';
import { tokenFromAuthorization } from './git-http-backend';

describe('GithubSimulator serves git over smart HTTP', () => {
  let root: string;
  let restore: () => void;
  let simulator: GithubSimulator;
  let head: string;
  const token = 'ghs_gitServingToken1';
  const dataset = generateOrganisation({ repositories: 2, pullRequestsPerRepository: 2, seed: 4 });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'sim-git-'));
    restore = isolateGitConfig(root);
    const source = await HistoryBuilder.create(join(root, 'work', 'service-1'));
    await source.write('README.md', 'hello\n');
    await source.commit('first');
    await source.write('README.md', 'hello again\n');
    head = await source.commit('second');
    await source.git(['update-ref', 'refs/pull/1/head', head]);
    const repo = dataset.repositories[0];
    if (repo === undefined) throw new Error('dataset too small');
    repo.gitDir = source.dir;
    simulator = await new GithubSimulator(dataset).start();
    simulator.requireTokens(token);
  });
  afterAll(async () => {
    await simulator.stop();
    restore();
    await rm(root, { recursive: true, force: true });
  });

  it('points clone_url and GraphQL url at its own web host, not the API prefix', async () => {
    const response = await fetch(`${simulator.apiUrl}/repos/acme/service-1`, {
      headers: { authorization: `token ${token}` },
    });
    const body = (await response.json()) as { clone_url: string; html_url: string };
    expect(body.html_url).toBe(`${simulator.rootUrl}/acme/service-1`);
    expect(body.clone_url).toBe(`${simulator.rootUrl}/acme/service-1.git`);
    const graphql = await fetch(`${simulator.rootUrl}/api/graphql`, {
      method: 'POST',
      headers: { authorization: `bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ repository(owner: "acme", name: "service-1") { url } }' }),
    });
    const data = (await graphql.json()) as { data: { repository: { url: string } } };
    expect(data.data.repository.url).toBe(`${simulator.rootUrl}/acme/service-1`);
  });

  it('lets ensureMirror clone with the right token and refuses a wrong one', async () => {
    const dataDir = join(root, 'data');
    const cloneUrl = `${simulator.rootUrl}/acme/service-1.git`;
    simulator.resetCounters();
    await expect(
      ensureMirror({ dataDir, fullName: 'acme/service-1', cloneUrl, token: 'ghs_wrong' }),
    ).rejects.toThrow(/git clone/);
    expect(simulator.counters.unauthorized).toBeGreaterThan(0);
    await expect(ensureMirror({ dataDir, fullName: 'acme/service-1', cloneUrl })).rejects.toThrow(
      /git clone/,
    );

    const gitDir = await ensureMirror({ dataDir, fullName: 'acme/service-1', cloneUrl, token });
    expect((await runGit(['--git-dir', gitDir, 'rev-parse', 'refs/heads/main'])).trim()).toBe(head);
    expect((await runGit(['--git-dir', gitDir, 'rev-parse', 'refs/pull/1/head'])).trim()).toBe(
      head,
    );
    expect(simulator.counters.gitRequests).toBeGreaterThan(0);
    // API counters are untouched by git traffic.
    expect(simulator.counters.requests).toBe(0);
    // A fetch over an existing mirror works too.
    await ensureMirror({ dataDir, fullName: 'acme/service-1', cloneUrl, token });
  });

  it('answers 404 for a repository without git data, and serves a bare repository once it has one', async () => {
    const dataDir = join(root, 'data-bare');
    const cloneUrl = `${simulator.rootUrl}/acme/service-2.git`;
    await expect(
      ensureMirror({ dataDir, fullName: 'acme/service-2', cloneUrl, token }),
    ).rejects.toThrow(/not found|404/i);
    const bare = join(root, 'bare', 'anything.git');
    await runGit(['clone', '--bare', '--quiet', join(root, 'work', 'service-1'), bare]);
    const repo = dataset.repositories[1];
    if (repo === undefined) throw new Error('dataset too small');
    repo.gitDir = bare;
    const gitDir = await ensureMirror({ dataDir, fullName: 'acme/service-2', cloneUrl, token });
    expect((await runGit(['--git-dir', gitDir, 'rev-parse', 'refs/heads/main'])).trim()).toBe(head);
  });

  it('reads the token from the header forms git and Octokit send', () => {
    expect(
      tokenFromAuthorization(`Basic ${Buffer.from('x-access-token:abc').toString('base64')}`),
    ).toBe('abc');
    expect(tokenFromAuthorization('Bearer abc')).toBe('abc');
    expect(tokenFromAuthorization('token abc')).toBe('abc');
    expect(
      tokenFromAuthorization(`Basic ${Buffer.from('nopassword').toString('base64')}`),
    ).toBeUndefined();
    expect(tokenFromAuthorization(undefined)).toBeUndefined();
  });
});
