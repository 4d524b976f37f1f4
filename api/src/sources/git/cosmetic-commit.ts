import { codeOfLines, normalizeCode } from './code-lines';
import { showCommitPatches } from './git-objects';
import type { FilePatch } from './unified-diff.parser';

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

export interface CommitFact {
  parents: string[];
  cosmetic: boolean;
}

/**
 * What the tracer asks of blamed commits, memoised: history never changes, and the fixes of one
 * repository keep blaming the same commits. Share one instance across a repository's traces.
 */
export class CommitFacts {
  private readonly known = new Map<string, CommitFact>();

  constructor(readonly gitDir: string) {}

  async of(shas: readonly string[]): Promise<Map<string, CommitFact>> {
    const unknown = [...new Set(shas)].filter((sha) => !this.known.has(sha));
    for (const { meta, patches } of await showCommitPatches(this.gitDir, unknown))
      this.known.set(meta.sha, {
        parents: meta.parents,
        // Merges are resolved by blame itself (it walks every parent); root commits wrote everything.
        cosmetic: meta.parents.length === 1 && isFormattingOnlyPatch(patches),
      });
    const facts = new Map<string, CommitFact>();
    for (const sha of shas) {
      const fact = this.known.get(sha);
      if (fact !== undefined) facts.set(sha, fact);
    }
    return facts;
  }
}
