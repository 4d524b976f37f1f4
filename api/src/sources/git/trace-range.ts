import { CommitFacts } from './cosmetic-commit';
import { traceFix, type IntroducingCommit, type TraceResult } from './szz-tracer';
import type { TraceOptionsInput } from './trace-options';

export interface RangeTraceResult {
  /** Full shas of the fix commits, in the order given. */
  fixShas: string[];
  /** Introducers over all fix commits, minus the fix commits themselves, sorted by sha. */
  introducers: IntroducingCommit[];
  perFix: TraceResult[];
}

/** Unions introducers of several traces; a commit in `exclude` (the fix itself) is dropped. Pure. */
export function mergeIntroducers(
  results: readonly TraceResult[],
  exclude: ReadonlySet<string>,
): IntroducingCommit[] {
  const merged = new Map<string, IntroducingCommit>();
  for (const result of results) {
    for (const introducer of result.introducers) {
      if (exclude.has(introducer.sha)) continue;
      const known = merged.get(introducer.sha);
      if (known === undefined) {
        merged.set(introducer.sha, {
          ...introducer,
          lines: [...introducer.lines],
          files: [...introducer.files],
        });
        continue;
      }
      known.lines.push(...introducer.lines);
      known.lineCount = known.lines.length;
      known.files = [...new Set([...known.files, ...introducer.files])].sort();
    }
  }
  return [...merged.values()].sort((a, b) => (a.sha < b.sha ? -1 : a.sha > b.sha ? 1 : 0));
}

/**
 * Traces a fix made of several commits (a pull request's commits): each is traced on its own,
 * and a fix commit blamed by a later one in the same set is not an introducer (the fix reworking
 * itself is not rework caused by earlier work).
 */
export async function traceFixRange(
  gitDir: string,
  shas: readonly string[],
  options?: TraceOptionsInput,
): Promise<RangeTraceResult> {
  const perFix: TraceResult[] = [];
  const commitFacts = new CommitFacts(gitDir);
  for (const sha of shas)
    perFix.push(
      await traceFix({
        gitDir,
        fixSha: sha,
        commitFacts,
        ...(options === undefined ? {} : { options }),
      }),
    );
  const fixShas = perFix.map((result) => result.fixSha);
  return { fixShas, introducers: mergeIntroducers(perFix, new Set(fixShas)), perFix };
}

export interface WindowFilter {
  /** Introducers authored more than this many days before the fix are dropped; omit for none. */
  maxAgeDays?: number;
  /** Drop introducers dated after the fix (clock skew, rebases); default true. */
  dropNewerThanFix?: boolean;
  /** Which timestamps to compare; default 'committer' (when the change landed). */
  basis?: 'author' | 'committer';
}

/** Keeps the introducers within a time window before the fix. Pure. */
export function filterIntroducersByWindow(
  introducers: readonly IntroducingCommit[],
  fixTime: { fixAuthorTime: Date; fixCommitTime: Date },
  window: WindowFilter,
): IntroducingCommit[] {
  const basis = window.basis ?? 'committer';
  const fixAt = (basis === 'author' ? fixTime.fixAuthorTime : fixTime.fixCommitTime).getTime();
  const dayMs = 24 * 60 * 60 * 1000;
  return introducers.filter((introducer) => {
    const at = (basis === 'author' ? introducer.authorTime : introducer.committerTime).getTime();
    if ((window.dropNewerThanFix ?? true) && at > fixAt) return false;
    if (window.maxAgeDays !== undefined && fixAt - at > window.maxAgeDays * dayMs) return false;
    return true;
  });
}
