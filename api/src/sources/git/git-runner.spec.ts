import { createHash } from 'node:crypto';
import { gitEnvironment, GitCommandError, runGit } from './git-command';
import { gitHelperPid, runGitProcess, stopGitHelper } from './git-runner';

const request = (args: string[], extra: { input?: string; timeoutMs?: number } = {}) => ({
  args,
  cwd: undefined,
  env: gitEnvironment(),
  maxBufferBytes: 1024 * 1024,
  timeoutMs: extra.timeoutMs ?? 30_000,
  ...(extra.input === undefined ? {} : { input: extra.input }),
});

describe('git started from the helper process', () => {
  afterAll(() => stopGitHelper());

  it('passes input to git and answers its output', async () => {
    const text = 'héllo\n\u0000binary\n';
    const bytes = Buffer.from(text, 'utf8');
    const blobId = createHash('sha1')
      .update(Buffer.concat([Buffer.from(`blob ${bytes.length}\u0000`), bytes]))
      .digest('hex');
    const result = await runGitProcess(request(['hash-object', '--stdin'], { input: text }));
    expect(result.code).toBe(0);
    expect(result.stdout.toString('utf8')).toBe(`${blobId}\n`);
  });

  it("reports git's exit code and its error text, which runGit turns into a GitCommandError", async () => {
    const result = await runGitProcess(request(['rev-parse', '--git-dir', '/nonexistent/repo']));
    expect(result.code).not.toBe(0);
    await expect(
      runGit(['--git-dir', '/nonexistent/repo', 'rev-parse', 'HEAD'], { secrets: ['repo'] }),
    ).rejects.toThrow(GitCommandError);
    await expect(
      runGit(['--git-dir', '/nonexistent/repo', 'rev-parse', 'HEAD'], { secrets: ['repo'] }),
    ).rejects.toThrow(/\/nonexistent\/\*\*\*/);
  });

  it('kills a git that runs past its time and says why', async () => {
    const started = Date.now();
    const result = await runGitProcess(
      request(['-c', 'alias.nap=!sleep 2', 'nap'], { timeoutMs: 200 }),
    );
    expect(result.code).toBeNull();
    expect(result.failure).toBe('timed out after 200 ms');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('starts a new helper when the last one died', async () => {
    await runGit(['--version']);
    const first = gitHelperPid();
    if (first === undefined) throw new Error('no helper after a git call');
    process.kill(first, 'SIGKILL');
    while (gitHelperPid() === first) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await runGit(['--version'])).toMatch(/^git version/);
    expect(gitHelperPid()).not.toBe(first);
  });
});
