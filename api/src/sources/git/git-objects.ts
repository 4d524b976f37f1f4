import { GitCommandError, runGit, runGitBytes } from './git-command';
import { parseUnifiedDiff, type FilePatch } from './unified-diff.parser';

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

export interface ShownCommit {
  meta: CommitMeta;
  /** The `-U0` patch against the first parent; empty for a root commit and a merge shown without. */
  patches: FilePatch[];
}

/** Diff arguments whose output `parseUnifiedDiff` reads: no context, explicit prefixes, no tools. */
export const zeroContextDiff = [
  '-U0',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--src-prefix=a/',
  '--dst-prefix=b/',
];

/**
 * Each commit's record opens a line with a NUL, then SHA, author and committer times, parents.
 * A diff can hold NUL bytes (a file the attributes say to diff as text), but every diff line
 * opens with its own marker (`+`, `-`, `@`, a header word), never with a NUL.
 */
const recordFormat = '--format=%x00%H %at %ct %P';

/**
 * Metadata and patch of several commits in one `git show`: starting git costs more than its work
 * on the small commits a tracer reads. Root commits show no patch (`log.showRoot=false`): a root
 * commit's "patch" is the whole tree.
 */
async function showCommits(
  gitDir: string,
  revisions: readonly string[],
  diffArgs: readonly string[],
): Promise<ShownCommit[]> {
  const output = await runGit([
    '-c',
    'log.showRoot=false',
    '--git-dir',
    gitDir,
    'show',
    '--no-walk=unsorted',
    '--no-show-signature',
    recordFormat,
    ...diffArgs,
    '--end-of-options',
    ...revisions,
  ]);
  return `\n${output}`
    .split('\n\0')
    .slice(1)
    .map((record) => {
      const newline = record.indexOf('\n');
      const metaLine = newline < 0 ? record : record.slice(0, newline);
      const [sha = '', authorTime = '0', committerTime = '0', ...parents] = metaLine.split(' ');
      return {
        meta: {
          sha,
          parents: parents.filter((parent) => parent.length > 0),
          authorTime: Number(authorTime),
          committerTime: Number(committerTime),
        },
        patches: newline < 0 ? [] : parseUnifiedDiff(record.slice(newline + 1)),
      };
    });
}

/**
 * Resolves any revision git understands to one commit, with its patch against its first parent
 * (`diffArgs` added to `zeroContextDiff`); throws GitCommandError when it names no commit, or
 * several. One git call: every trace starts here.
 */
export async function showCommitPatch(
  gitDir: string,
  revision: string,
  diffArgs: readonly string[],
): Promise<ShownCommit> {
  const notOneCommit = (): GitCommandError =>
    new GitCommandError(['show', revision], 128, `unknown revision or not a commit: ${revision}`);
  const shown = await showCommits(
    gitDir,
    [`${revision}^{commit}`],
    [...zeroContextDiff, '--diff-merges=first-parent', ...diffArgs],
  ).catch(() => {
    throw notOneCommit();
  });
  const [commit] = shown;
  if (commit === undefined || shown.length > 1) throw notOneCommit();
  return commit;
}

/** Several commits by SHA with their `-U0 --find-renames` patches; merges show none. */
export async function showCommitPatches(
  gitDir: string,
  shas: readonly string[],
): Promise<ShownCommit[]> {
  const shown: ShownCommit[] = [];
  // Bounded so the argument list stays far below the system's limit.
  for (let start = 0; start < shas.length; start += 1000)
    shown.push(
      ...(await showCommits(gitDir, shas.slice(start, start + 1000), [
        ...zeroContextDiff,
        '--diff-merges=off',
        '--find-renames',
      ])),
    );
  return shown;
}
