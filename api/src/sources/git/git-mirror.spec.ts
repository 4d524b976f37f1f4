import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistoryBuilder, isolateGitConfig } from './evaluation/history-builder';
import { runGit } from './git-command';
import { ensureMirror, mirrorPath } from './git-mirror';

/** Serves a repository over git's smart HTTP protocol (git-http-backend as CGI), behind a token. */
function smartHttpServer(projectRoot: string, token: string, seenAuth: string[]): Server {
  return createServer((request, response) => {
    const auth = request.headers.authorization ?? '';
    seenAuth.push(auth);
    const expected = `Basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
    if (auth !== expected) {
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' }).end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    const cgi = spawn('git', ['http-backend'], {
      env: {
        ...process.env,
        GIT_PROJECT_ROOT: projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        REQUEST_METHOD: request.method ?? 'GET',
        PATH_INFO: url.pathname,
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: request.headers['content-type'] ?? '',
        ...(request.headers['git-protocol'] === undefined
          ? {}
          : { GIT_PROTOCOL: String(request.headers['git-protocol']) }),
      },
    });
    request.pipe(cgi.stdin);
    const chunks: Buffer[] = [];
    cgi.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    cgi.on('close', () => {
      const output = Buffer.concat(chunks);
      const split = output.indexOf('\r\n\r\n');
      const head = output.subarray(0, split).toString('utf8');
      const headers: Record<string, string> = {};
      let status = 200;
      for (const line of head.split('\r\n')) {
        const [key = '', ...rest] = line.split(': ');
        if (key.toLowerCase() === 'status') status = Number(rest.join(': ').split(' ')[0]);
        else headers[key] = rest.join(': ');
      }
      response.writeHead(status, headers).end(output.subarray(split + 4));
    });
  });
}

describe('ensureMirror', () => {
  let root: string;
  let restore: () => void;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'git-mirror-'));
    restore = isolateGitConfig(root);
  });
  afterAll(async () => {
    restore();
    await rm(root, { recursive: true, force: true });
  });

  it('clones a bare mirror once, then fetches new commits and prunes deleted branches', async () => {
    const source = await HistoryBuilder.create(join(root, 'source'));
    await source.write('a.txt', 'one\n');
    const first = await source.commit('first');
    await source.git(['branch', 'topic']);
    const dataDir = join(root, 'data');

    const gitDir = await ensureMirror({ dataDir, fullName: 'acme/shop', cloneUrl: source.dir });
    expect(gitDir).toBe(join(dataDir, 'git', 'acme', 'shop.git'));
    expect((await runGit(['--git-dir', gitDir, 'rev-parse', '--is-bare-repository'])).trim()).toBe(
      'true',
    );
    expect((await runGit(['--git-dir', gitDir, 'rev-parse', 'refs/heads/main'])).trim()).toBe(
      first,
    );

    await source.write('a.txt', 'two\n');
    const second = await source.commit('second');
    await source.git(['branch', '-D', 'topic']);
    // Two callers at once share one fetch instead of racing on the same directory.
    const [again, third] = await Promise.all([
      ensureMirror({ dataDir, fullName: 'acme/shop', cloneUrl: `file://${source.dir}` }),
      ensureMirror({ dataDir, fullName: 'acme/shop', cloneUrl: `file://${source.dir}` }),
    ]);
    expect([again, third]).toEqual([gitDir, gitDir]);
    expect((await runGit(['--git-dir', gitDir, 'rev-parse', 'refs/heads/main'])).trim()).toBe(
      second,
    );
    expect(
      (await runGit(['--git-dir', gitDir, 'for-each-ref', '--format=%(refname)'])).trim(),
    ).toBe('refs/heads/main');
  });

  it('sends the token as an HTTP header without storing or leaking it', async () => {
    const projects = join(root, 'served');
    const source = await HistoryBuilder.create(join(projects, 'shop'));
    await source.write('a.txt', 'one\n');
    const head = await source.commit('first');
    await source.git(['update-ref', 'refs/pull/7/head', head]);
    const token = 'ghs_secretTokenValue123';
    const seen: string[] = [];
    const server = smartHttpServer(projects, token, seen);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const cloneUrl = `http://127.0.0.1:${port}/shop/.git`;
    const dataDir = join(root, 'data-http');
    try {
      await expect(
        ensureMirror({ dataDir, fullName: 'acme/shop', cloneUrl, token: 'wrong-token' }),
      ).rejects.toThrow(/git clone/);
      const failure = await ensureMirror({
        dataDir,
        fullName: 'acme/shop',
        cloneUrl,
        token: 'wrong-token',
      }).catch((error: unknown) => error);
      expect(String(failure)).not.toContain('wrong-token');

      const gitDir = await ensureMirror({ dataDir, fullName: 'acme/shop', cloneUrl, token });
      expect((await runGit(['--git-dir', gitDir, 'rev-parse', 'refs/pull/7/head'])).trim()).toBe(
        head,
      );
      await ensureMirror({ dataDir, fullName: 'acme/shop', cloneUrl, token });
      const config = await readFile(join(gitDir, 'config'), 'utf8');
      expect(config).not.toContain(token);
      expect(config).not.toContain(Buffer.from(`x-access-token:${token}`).toString('base64'));
      expect(seen.filter((auth) => auth.length > 0).length).toBeGreaterThan(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses names that would escape the data directory', () => {
    expect(() => mirrorPath('/data', '../etc')).toThrow(/owner\/name/);
    expect(() => mirrorPath('/data', 'acme/..')).toThrow(/owner\/name/);
    expect(mirrorPath('/data', 'acme/shop.web')).toBe('/data/git/acme/shop.web.git');
  });
});
