import { GitCommandError, runGit, runGitBytes } from './git-command';

/**
 * Reads many blobs through one `git cat-file --batch` process (one process per file would
 * dominate the tracer's cost). Keys are `<rev>:<path>`; missing objects map to undefined.
 */
export async function readBlobs(
  gitDir: string,
  specs: readonly string[],
): Promise<Map<string, string | undefined>> {
  const unique = [...new Set(specs)];
  const result = new Map<string, string | undefined>();
  // cat-file reads one object name per line, so a path with a newline cannot be asked for here.
  const askable = unique.filter((spec) => !spec.includes('\n'));
  for (const spec of unique) if (spec.includes('\n')) result.set(spec, undefined);
  if (askable.length === 0) return result;

  const output = await runGitBytes(['--git-dir', gitDir, 'cat-file', '--batch'], {
    input: askable.map((spec) => `${spec}\n`).join(''),
    maxBufferBytes: 1024 * 1024 * 1024,
  });
  let offset = 0;
  for (const spec of askable) {
    const newline = output.indexOf(0x0a, offset);
    if (newline < 0) break;
    const header = output.subarray(offset, newline).toString('utf8');
    offset = newline + 1;
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (match === null) {
      result.set(spec, undefined); // "<spec> missing" or "ambiguous"
      continue;
    }
    const size = Number(match[2]);
    result.set(
      spec,
      match[1] === 'blob' ? output.subarray(offset, offset + size).toString('utf8') : undefined,
    );
    offset += size + 1;
  }
  return result;
}

export interface CommitMeta {
  sha: string;
  parents: string[];
  authorTime: number;
  committerTime: number;
}

/** One line per named commit: its SHA, author and committer times, parents. */
const showCommitMetas = [
  'show',
  '-s',
  '--no-walk=unsorted',
  '--no-show-signature',
  '--format=%H %at %ct %P',
];

/**
 * Resolves any revision git understands to a commit; throws GitCommandError when it cannot. One
 * git call: every trace starts here, and starting git costs more than its work on small fixes.
 */
export async function resolveCommit(gitDir: string, revision: string): Promise<CommitMeta> {
  const output = await runGit([
    '--git-dir',
    gitDir,
    ...showCommitMetas,
    '--end-of-options',
    `${revision}^{commit}`,
  ]).catch(() => {
    throw new GitCommandError(
      ['rev-parse', revision],
      128,
      `unknown revision or not a commit: ${revision}`,
    );
  });
  const metas = parseCommitMetas(output);
  const [meta] = metas;
  // A range (`a..b`) names several commits: not one revision.
  if (meta === undefined || metas.length > 1)
    throw new GitCommandError(
      ['show', revision],
      128,
      `unknown revision or not a commit: ${revision}`,
    );
  return meta;
}

/** Parents and times of several commits in one call. */
export async function commitMetas(gitDir: string, shas: readonly string[]): Promise<CommitMeta[]> {
  if (shas.length === 0) return [];
  const output = await runGit(['--git-dir', gitDir, ...showCommitMetas, ...shas]);
  return parseCommitMetas(output);
}

function parseCommitMetas(output: string): CommitMeta[] {
  return output
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const [sha = '', authorTime = '0', committerTime = '0', ...parents] = line.split(' ');
      return {
        sha,
        parents: parents.filter((parent) => parent.length > 0),
        authorTime: Number(authorTime),
        committerTime: Number(committerTime),
      };
    });
}
