/**
 * Parses `git diff -U0 --find-renames` output (with the explicit `a/` and `b/` prefixes) into
 * per-file hunks with the removed and added lines and their line numbers. Pure.
 */

export interface DiffLine {
  /** 1-based line number: in the old file for removed lines, in the new file for added ones. */
  line: number;
  text: string;
}

export interface DiffHunk {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  removed: DiffLine[];
  added: DiffLine[];
}

export interface FilePatch {
  /** Path before the change; null for a new file. */
  oldPath: string | null;
  /** Path after the change; null for a deleted file. */
  newPath: string | null;
  binary: boolean;
  hunks: DiffHunk[];
}

const hunkHeader = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Undoes git's C-style quoting of unusual paths (`"a/tab\there"`, octal UTF-8 bytes). */
export function unquoteGitPath(raw: string): string {
  if (!raw.startsWith('"') || !raw.endsWith('"') || raw.length < 2) return raw;
  const body = raw.slice(1, -1);
  const bytes: number[] = [];
  const simple: Record<string, number> = {
    n: 10,
    t: 9,
    r: 13,
    '"': 34,
    '\\': 92,
    a: 7,
    b: 8,
    f: 12,
    v: 11,
  };
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index] ?? '';
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = body[index + 1] ?? '';
    const octal = /^[0-7]{3}/.exec(body.slice(index + 1, index + 4));
    if (octal !== null) {
      bytes.push(parseInt(octal[0], 8));
      index += 3;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      index += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function pathAfterPrefix(raw: string, prefix: 'a/' | 'b/'): string | null {
  const path = unquoteGitPath(raw.replace(/\t$/, ''));
  if (path === '/dev/null') return null;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

export function parseUnifiedDiff(output: string): FilePatch[] {
  const files: FilePatch[] = [];
  let file: FilePatch | undefined;
  let hunk: DiffHunk | undefined;
  let oldLine = 0;
  let newLine = 0;

  for (const line of output.split('\n')) {
    if (line.startsWith('diff --git ')) {
      file = { oldPath: null, newPath: null, binary: false, hunks: [] };
      files.push(file);
      hunk = undefined;
      continue;
    }
    if (file === undefined) continue;
    if (hunk === undefined) {
      // Extended header lines, before the first hunk of a file.
      if (line.startsWith('rename from '))
        file.oldPath = unquoteGitPath(line.slice('rename from '.length));
      else if (line.startsWith('rename to '))
        file.newPath = unquoteGitPath(line.slice('rename to '.length));
      else if (line.startsWith('--- ')) file.oldPath = pathAfterPrefix(line.slice(4), 'a/');
      else if (line.startsWith('+++ ')) file.newPath = pathAfterPrefix(line.slice(4), 'b/');
      else if (line.startsWith('Binary files ') || line === 'GIT binary patch') file.binary = true;
    }
    const header = hunkHeader.exec(line);
    if (header !== null) {
      hunk = {
        oldStart: Number(header[1]),
        oldCount: header[2] === undefined ? 1 : Number(header[2]),
        newStart: Number(header[3]),
        newCount: header[4] === undefined ? 1 : Number(header[4]),
        removed: [],
        added: [],
      };
      file.hunks.push(hunk);
      oldLine = hunk.oldStart;
      newLine = hunk.newStart;
      continue;
    }
    if (hunk === undefined) continue;
    if (line.startsWith('-')) {
      hunk.removed.push({ line: oldLine, text: line.slice(1) });
      oldLine += 1;
    } else if (line.startsWith('+')) {
      hunk.added.push({ line: newLine, text: line.slice(1) });
      newLine += 1;
    } else if (line.startsWith(' ')) {
      // Context lines only appear when called with more than -U0; keep numbering right anyway.
      oldLine += 1;
      newLine += 1;
    }
  }
  return files;
}
