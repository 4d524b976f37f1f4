import { unquoteGitPath } from './unified-diff.parser';

/**
 * Parses `git blame --porcelain` output. Commit details are printed only the first time a commit
 * appears, and its file name only when it changes, so both are carried over between entries. Pure.
 */

export interface BlameCommitInfo {
  sha: string;
  authorName: string;
  authorEmail: string;
  /** Seconds since the epoch. */
  authorTime: number;
  committerTime: number;
  summary: string;
  /** Set when blame stopped at the edge of the range it was asked to look at. */
  boundary: boolean;
}

export interface BlameEntry {
  sha: string;
  /** Path and line number in the commit that introduced the line. */
  originPath: string;
  originLine: number;
  /** Line number in the blamed revision. */
  finalLine: number;
}

export interface BlameOutput {
  entries: BlameEntry[];
  commits: Map<string, BlameCommitInfo>;
}

const entryHeader = /^([0-9a-f]{40,64}) (\d+) (\d+)(?: \d+)?$/;

export function parseBlamePorcelain(output: string): BlameOutput {
  const entries: BlameEntry[] = [];
  const commits = new Map<string, BlameCommitInfo>();
  const pathBySha = new Map<string, string>();
  let current: { sha: string; originLine: number; finalLine: number } | undefined;

  for (const line of output.split('\n')) {
    if (current === undefined) {
      const header = entryHeader.exec(line);
      if (header === null) continue;
      const sha = header[1] ?? '';
      current = { sha, originLine: Number(header[2]), finalLine: Number(header[3]) };
      if (!commits.has(sha)) {
        commits.set(sha, {
          sha,
          authorName: '',
          authorEmail: '',
          authorTime: 0,
          committerTime: 0,
          summary: '',
          boundary: false,
        });
      }
      continue;
    }
    if (line.startsWith('\t')) {
      entries.push({
        sha: current.sha,
        originPath: pathBySha.get(current.sha) ?? '',
        originLine: current.originLine,
        finalLine: current.finalLine,
      });
      current = undefined;
      continue;
    }
    const space = line.indexOf(' ');
    const key = space < 0 ? line : line.slice(0, space);
    const value = space < 0 ? '' : line.slice(space + 1);
    const info = commits.get(current.sha);
    if (info === undefined) continue;
    switch (key) {
      case 'author':
        info.authorName = value;
        break;
      case 'author-mail':
        info.authorEmail = value.replace(/^<|>$/g, '');
        break;
      case 'author-time':
        info.authorTime = Number(value);
        break;
      case 'committer-time':
        info.committerTime = Number(value);
        break;
      case 'summary':
        info.summary = value;
        break;
      case 'boundary':
        info.boundary = true;
        break;
      case 'filename':
        pathBySha.set(current.sha, unquoteGitPath(value));
        break;
      default:
        break;
    }
  }
  return { entries, commits };
}
