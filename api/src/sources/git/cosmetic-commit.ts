import { codeOfLines, normalizeCode } from './code-lines';
import { runGit } from './git-command';
import { parseUnifiedDiff, type FilePatch } from './unified-diff.parser';

/**
 * A cosmetic commit changes layout or comments only (re-indentation, a formatter run, line
 * splits, quote style, comment edits, pure renames). The tracer blames through such commits with
 * `--ignore-rev`, the way MA-SZZ skips meta-changes, so the line is traced to whoever wrote it.
 */

/** True when every hunk's code, modulo layout and comments, is the same before and after. Pure. */
export function isFormattingOnlyPatch(files: readonly FilePatch[]): boolean {
  if (files.length === 0) return false;
  for (const file of files) {
    if (file.binary) return false;
    // Creating or deleting a file with code in it is not cosmetic.
    const path = file.newPath ?? file.oldPath ?? '';
    for (const hunk of file.hunks) {
      const removed = codeOfLines(path, hunk.removed.map((entry) => entry.text).join('\n'));
      const added = codeOfLines(path, hunk.added.map((entry) => entry.text).join('\n'));
      const before = hunk.removed.length === 0 ? '' : normalizeCode(removed.join(''));
      const after = hunk.added.length === 0 ? '' : normalizeCode(added.join(''));
      if (before !== after) return false;
    }
  }
  return true;
}

/** Memoised per git dir: the answer for a commit never changes. */
export class CosmeticCommitDetector {
  private readonly known = new Map<string, Promise<boolean>>();

  constructor(private readonly gitDir: string) {}

  isCosmetic(sha: string, parents: readonly string[]): Promise<boolean> {
    let answer = this.known.get(sha);
    if (answer === undefined) {
      answer = this.compute(sha, parents);
      this.known.set(sha, answer);
    }
    return answer;
  }

  private async compute(sha: string, parents: readonly string[]): Promise<boolean> {
    // Merges are resolved by blame itself (it walks every parent); root commits wrote everything.
    const [parent] = parents;
    if (parents.length !== 1 || parent === undefined) return false;
    const output = await runGit([
      '--git-dir',
      this.gitDir,
      'diff',
      '-U0',
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
      '--find-renames',
      '--src-prefix=a/',
      '--dst-prefix=b/',
      parent,
      sha,
    ]);
    return isFormattingOnlyPatch(parseUnifiedDiff(output));
  }
}
