import { transformFileSync } from '@swc/core';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { HistoryBuilder, isolateGitConfig } from './evaluation/history-builder';

/**
 * Spawns the real CLI. The compiled dist may not exist during tests, so this folder's sources
 * are compiled with SWC into a temp dir first; packages resolve through NODE_PATH.
 */

const sourceDir = __dirname;
const nodeModules = resolve(__dirname, '..', '..', '..', '..', 'node_modules');

async function compileFolder(outDir: string): Promise<void> {
  const files = (await readdir(sourceDir, { recursive: true })).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'),
  );
  for (const file of files) {
    const { code } = transformFileSync(join(sourceDir, file), {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    });
    const target = join(outDir, file.replace(/\.ts$/, '.js'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, code);
  }
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe('trace CLI', () => {
  let root: string;
  let restore: () => void;
  let cli: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'trace-cli-'));
    restore = isolateGitConfig(root);
    await compileFolder(join(root, 'dist'));
    cli = join(root, 'dist', 'trace.cli.js');
  }, 60_000);
  afterAll(async () => {
    restore();
    await rm(root, { recursive: true, force: true });
  });

  const run = (args: string[], cwd = root): Promise<Run> =>
    new Promise((done) => {
      execFile(
        process.execPath,
        [cli, ...args],
        { cwd, env: { ...process.env, NODE_PATH: nodeModules, INIT_CWD: cwd } },
        (error, stdout, stderr) =>
          done({
            code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1,
            stdout,
            stderr,
          }),
      );
    });

  it('prints only the sorted full shas of the introducers, for work trees and bare repositories', async () => {
    const repo = await HistoryBuilder.create(join(root, 'shop'));
    await repo.write('a.js', 'const a = 1;\nconst b = 2;\nconst c = 3;\n');
    const initial = await repo.commit('initial');
    await repo.edit('a.js', (c) => c.replace('a = 1', 'a = 10'));
    const one = await repo.commit('one');
    await repo.edit('a.js', (c) => c.replace('c = 3', 'c = 30'));
    const two = await repo.commit('two');
    await repo.edit('a.js', (c) => c.replace('a = 10', 'a = 1').replace('c = 30', 'c = 3'));
    await repo.commit('fix');
    const expected = `${[one, two].sort().join('\n')}\n`;

    const relative = await run(['--repo', 'shop', '--fix', 'HEAD']);
    expect(relative).toMatchObject({ code: 0, stdout: expected });
    expect(relative.stderr).toContain('2 commits');

    await repo.git(['clone', '-q', '--bare', repo.dir, join(root, 'shop.git')]);
    expect(await run([`--repo=${join(root, 'shop.git')}`, '--fix=main'])).toMatchObject({
      code: 0,
      stdout: expected,
    });
    expect(await run(['--repo', 'shop', '--fix', 'HEAD~2'])).toMatchObject({
      code: 0,
      stdout: `${initial}\n`,
    });
    // The root commit has no parent to blame: success, and an empty answer.
    expect(await run(['--repo', 'shop', '--fix', 'HEAD~3'])).toMatchObject({ code: 0, stdout: '' });
  }, 30_000);

  it('fails with a clear message and nothing on stdout', async () => {
    const bad = await run(['--repo', root, '--fix', 'HEAD']);
    expect(bad).toMatchObject({ code: 1, stdout: '' });
    expect(bad.stderr).toMatch(/not a git repository/);
    const unknown = await run(['--repo', 'shop', '--fix', 'deadbeef']);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toMatch(/unknown revision/);
    const range = await run(['--repo', 'shop', '--fix', 'HEAD~2..HEAD']);
    expect(range).toMatchObject({ code: 1, stdout: '' });
    expect(range.stderr).toMatch(/unknown revision or not a commit: HEAD~2\.\.HEAD/);
    const usage = await run(['--repo', 'shop']);
    expect(usage).toMatchObject({ code: 2, stdout: '' });
    expect(usage.stderr).toMatch(/missing --fix/);
  }, 30_000);
});
