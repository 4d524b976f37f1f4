import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { runGit } from './git-command';

/**
 * Bare mirror clones under `<dataDir>/git/<owner>/<name>.git`, created once with
 * `git clone --mirror` (which also brings GitHub's `refs/pull/*` heads) and then fetched
 * incrementally with `--prune`. A token travels as an HTTP header in git's environment
 * configuration (GIT_CONFIG_COUNT...), so it is never written into the mirror's config, never
 * appears on a command line (visible to other users in `ps`), and is redacted from errors.
 */

export interface EnsureMirrorInput {
  dataDir: string;
  /** `owner/name`. */
  fullName: string;
  /** https URL, ssh URL, file:// URL or local path. */
  cloneUrl: string;
  /** GitHub token (or installation token) for https remotes. */
  token?: string;
}

const fullNamePattern = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

export function mirrorPath(dataDir: string, fullName: string): string {
  if (
    !fullNamePattern.test(fullName) ||
    fullName.split('/').some((part) => part === '.' || part === '..')
  ) {
    throw new Error(`not a repository name (owner/name): ${fullName}`);
  }
  const [owner = '', name = ''] = fullName.split('/');
  return join(dataDir, 'git', owner, `${name}.git`);
}

/** Git configuration passed through the environment for one command. */
export function authEnvironment(token: string | undefined): Record<string, string> {
  if (token === undefined || token.length === 0) return {};
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
  return {
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'http.extraHeader',
    GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`,
  };
}

function secretsOf(token: string | undefined): string[] {
  if (token === undefined || token.length === 0) return [];
  return [token, Buffer.from(`x-access-token:${token}`).toString('base64')];
}

/** One clone or fetch at a time per mirror within this process. */
const inFlight = new Map<string, Promise<string>>();

export function ensureMirror(input: EnsureMirrorInput): Promise<string> {
  const gitDir = mirrorPath(input.dataDir, input.fullName);
  const running = inFlight.get(gitDir) ?? Promise.resolve(gitDir);
  const next = running.catch(() => gitDir).then(() => syncMirror(gitDir, input));
  inFlight.set(gitDir, next);
  const cleanup = (): void => {
    if (inFlight.get(gitDir) === next) inFlight.delete(gitDir);
  };
  next.then(cleanup, cleanup);
  return next;
}

async function syncMirror(gitDir: string, input: EnsureMirrorInput): Promise<string> {
  const options = { env: authEnvironment(input.token), secrets: secretsOf(input.token) };
  if (existsSync(join(gitDir, 'HEAD'))) {
    // The remote may have moved (a renamed repository): keep the URL current, then fetch.
    await runGit(['--git-dir', gitDir, 'remote', 'set-url', 'origin', input.cloneUrl], options);
    await runGit(['--git-dir', gitDir, 'fetch', '--prune', '--quiet', 'origin'], options);
    return gitDir;
  }
  // Clone next to the final place and rename, so a crash never leaves a half mirror behind.
  await mkdir(dirname(gitDir), { recursive: true });
  const partial = `${gitDir}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  try {
    await runGit(['clone', '--mirror', '--quiet', '--', input.cloneUrl, partial], options);
    // Keep tracing fast: blame reads history a lot, so pack it and write the commit-graph.
    await runGit(['--git-dir', partial, 'config', 'core.commitGraph', 'true'], options);
    await runGit(['--git-dir', partial, 'config', 'fetch.writeCommitGraph', 'true'], options);
    await rename(partial, gitDir);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
  return gitDir;
}
