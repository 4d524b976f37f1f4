import picomatch from 'picomatch';
import {
  parseBlamePorcelain,
  type BlameCommitInfo,
  type BlameEntry,
} from './blame-porcelain.parser';
import { codeOfLines } from './code-lines';
import { CommitFacts } from './cosmetic-commit';
import { runGit } from './git-command';
import { readBlobs, showCommitPatch } from './git-objects';
import { selectTraceableLines, toLineRanges } from './traceable-lines';
import { traceOptionsSchema, type TraceOptions, type TraceOptionsInput } from './trace-options';

/**
 * SZZ-style line tracer: the lines a fix deleted or changed are blamed on the fix's first parent
 * to find the commits that last introduced them. Refinements over plain blame (see
 * trace-options.ts): layout-only and comment/blank lines are not traced, blame ignores
 * whitespace and walks through cosmetic commits, renames and moves are followed, and blame walks
 * every parent of a merge so a line is credited to the branch commit that wrote it.
 *
 * A fix that only adds lines has nothing to blame and yields no introducers: guessing from the
 * surrounding lines costs more precision than it gains recall.
 */

export interface BlamedLine {
  /** Path and 1-based line in the fix's parent. */
  path: string;
  line: number;
  /** Path and line in the introducing commit (differs after renames and moves). */
  originPath: string;
  originLine: number;
}

export interface IntroducingCommit {
  sha: string;
  authorName: string;
  authorEmail: string;
  authorTime: Date;
  committerTime: Date;
  summary: string;
  /** 2 or more for a merge that wrote the line itself (a conflict resolution). */
  parentCount: number;
  lines: BlamedLine[];
  lineCount: number;
  files: string[];
}

export interface TraceStats {
  filesChanged: number;
  filesTraced: number;
  removedLines: number;
  tracedLines: number;
  skippedCommentOrBlank: number;
  skippedFormattingOnly: number;
  skippedIgnoredPath: number;
  /** Cosmetic commits that blame was told to look through. */
  cosmeticCommits: string[];
  /** Lines still blamed on a cosmetic commit after ignoring it: dropped. */
  unresolvedCosmeticLines: number;
}

export interface TraceResult {
  fixSha: string;
  /** The first parent the fix was diffed against; null for a root commit. */
  parentSha: string | null;
  fixAuthorTime: Date;
  fixCommitTime: Date;
  /** Sorted by sha. Empty when the fix only added lines. */
  introducers: IntroducingCommit[];
  /** Every path the fix changed, before and after (renames give both). */
  changedPaths: string[];
  stats: TraceStats;
}

export interface TraceFixInput {
  gitDir: string;
  /** Any revision git understands. */
  fixSha: string;
  options?: TraceOptionsInput;
  /** Shared by the traces of one repository so each blamed commit is read once. */
  commitFacts?: CommitFacts;
}

interface FileTask {
  path: string;
  lines: number[];
}

const seconds = (value: number): Date => new Date(value * 1000);

async function blameLines(
  gitDir: string,
  parent: string,
  task: FileTask,
  ignoreRevs: ReadonlySet<string>,
  options: TraceOptions,
): Promise<ReturnType<typeof parseBlamePorcelain>> {
  const args = ['--git-dir', gitDir, 'blame', '--porcelain', '--no-ignore-revs-file'];
  if (options.ignoreWhitespace) args.push('-w');
  if (options.followRenames) args.push('-M', '-C');
  for (const rev of ignoreRevs) args.push('--ignore-rev', rev);
  for (const [start, end] of toLineRanges(task.lines)) args.push('-L', `${start},${end}`);
  args.push(parent, '--', task.path);
  return parseBlamePorcelain(await runGit(args));
}

async function inPool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function traceFix(input: TraceFixInput): Promise<TraceResult> {
  const options = traceOptionsSchema.parse(input.options ?? {});
  const { gitDir } = input;
  const { meta: fix, patches } = await showCommitPatch(gitDir, input.fixSha, [
    '--ignore-submodules=all',
    options.followRenames ? '--find-renames' : '--no-renames',
  ]);
  const parent = fix.parents[0] ?? null;
  const stats: TraceStats = {
    filesChanged: 0,
    filesTraced: 0,
    removedLines: 0,
    tracedLines: 0,
    skippedCommentOrBlank: 0,
    skippedFormattingOnly: 0,
    skippedIgnoredPath: 0,
    cosmeticCommits: [],
    unresolvedCosmeticLines: 0,
  };
  const result: TraceResult = {
    fixSha: fix.sha,
    parentSha: parent,
    fixAuthorTime: seconds(fix.authorTime),
    fixCommitTime: seconds(fix.committerTime),
    introducers: [],
    changedPaths: [],
    stats,
  };
  if (parent === null) return result;

  stats.filesChanged = patches.length;
  result.changedPaths = [
    ...new Set(
      patches.flatMap((patch) =>
        [patch.oldPath, patch.newPath].filter((path): path is string => path !== null),
      ),
    ),
  ];
  const ignored =
    options.ignorePaths.length > 0 ? picomatch(options.ignorePaths, { dot: true }) : () => false;
  const candidates = patches.filter((patch) => {
    const removed = patch.hunks.reduce((sum, hunk) => sum + hunk.removed.length, 0);
    stats.removedLines += removed;
    if (patch.binary || patch.oldPath === null || removed === 0) return false;
    if (ignored(patch.oldPath)) {
      stats.skippedIgnoredPath += removed;
      return false;
    }
    return true;
  });

  const needsContent = options.skipCommentsAndBlanks || options.ignoreWhitespace;
  const blobs = needsContent
    ? await readBlobs(
        gitDir,
        candidates.flatMap((patch) => [
          `${parent}:${patch.oldPath ?? ''}`,
          ...(patch.newPath === null ? [] : [`${fix.sha}:${patch.newPath}`]),
        ]),
      )
    : new Map<string, string | undefined>();

  const tasks: FileTask[] = [];
  for (const patch of candidates) {
    const oldPath = patch.oldPath ?? '';
    const oldContent = blobs.get(`${parent}:${oldPath}`);
    const newContent =
      patch.newPath === null ? undefined : blobs.get(`${fix.sha}:${patch.newPath}`);
    const oldCode = oldContent === undefined ? [] : codeOfLines(oldPath, oldContent);
    const newCode =
      newContent === undefined ? [] : codeOfLines(patch.newPath ?? oldPath, newContent);
    const selection = selectTraceableLines(patch.hunks, oldCode, newCode, {
      skipCommentsAndBlanks: options.skipCommentsAndBlanks,
      skipFormattingOnly: options.ignoreWhitespace,
    });
    stats.skippedCommentOrBlank += selection.commentOrBlank;
    stats.skippedFormattingOnly += selection.formattingOnly;
    if (selection.lines.length > 0) tasks.push({ path: oldPath, lines: selection.lines });
  }
  stats.filesTraced = tasks.length;
  stats.tracedLines = tasks.reduce((sum, task) => sum + task.lines.length, 0);

  const entries = new Map<string, BlameEntry>(); // key path:line in the parent
  const commits = new Map<string, BlameCommitInfo>();
  const ignoreRevs = new Set<string>();
  const facts = input.commitFacts ?? new CommitFacts(gitDir);
  let pending = tasks;

  for (let round = 0; pending.length > 0; round += 1) {
    const outputs = await inPool(pending, options.concurrency, (task) =>
      blameLines(gitDir, parent, task, ignoreRevs, options),
    );
    pending.forEach((task, index) => {
      const output = outputs[index];
      if (output === undefined) return;
      for (const [sha, info] of output.commits)
        if (!commits.has(sha) || info.authorTime > 0) commits.set(sha, info);
      for (const entry of output.entries) entries.set(`${task.path}\n${entry.finalLine}`, entry);
    });
    if (!options.skipCosmeticCommits || round >= options.maxCosmeticRounds) break;

    const blamed = [...new Set([...entries.values()].map((entry) => entry.sha))].filter(
      (sha) => !ignoreRevs.has(sha),
    );
    const blamedFacts = await facts.of(blamed);
    const cosmetic = new Set(blamed.filter((sha) => blamedFacts.get(sha)?.cosmetic === true));
    if (cosmetic.size === 0) break;
    for (const sha of cosmetic) ignoreRevs.add(sha);
    // Re-blame only the lines that landed on a newly found cosmetic commit.
    const again = new Map<string, number[]>();
    for (const [key, entry] of entries) {
      if (!cosmetic.has(entry.sha)) continue;
      const [path = '', line = '0'] = key.split('\n');
      again.set(path, [...(again.get(path) ?? []), Number(line)]);
    }
    pending = [...again].map(([path, lines]) => ({ path, lines }));
  }
  stats.cosmeticCommits = [...ignoreRevs].sort();

  const byCommit = new Map<string, BlamedLine[]>();
  for (const [key, entry] of entries) {
    if (ignoreRevs.has(entry.sha)) {
      stats.unresolvedCosmeticLines += 1;
      continue;
    }
    const [path = '', line = '0'] = key.split('\n');
    const lines = byCommit.get(entry.sha) ?? [];
    lines.push({
      path,
      line: Number(line),
      originPath: entry.originPath,
      originLine: entry.originLine,
    });
    byCommit.set(entry.sha, lines);
  }
  const introducerFacts = await facts.of([...byCommit.keys()]);
  result.introducers = [...byCommit]
    .map(([sha, lines]): IntroducingCommit => {
      const info = commits.get(sha);
      lines.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
      return {
        sha,
        authorName: info?.authorName ?? '',
        authorEmail: info?.authorEmail ?? '',
        authorTime: seconds(info?.authorTime ?? 0),
        committerTime: seconds(info?.committerTime ?? 0),
        summary: info?.summary ?? '',
        parentCount: introducerFacts.get(sha)?.parents.length ?? 0,
        lines,
        lineCount: lines.length,
        files: [...new Set(lines.map((line) => line.originPath))].sort(),
      };
    })
    .sort((a, b) => (a.sha < b.sha ? -1 : a.sha > b.sha ? 1 : 0));
  return result;
}
