/**
 * From the commits that introduced the lines a fix changed (the SZZ tracer's output, mapped to
 * PRs), keeps the origins of a follow-up fix: merged within the window before the fix, not the
 * fix's own PR, grouped per PR. Commits pushed without a PR stay origins (prNumber null), since
 * untracked work is still work that had to be redone.
 */
export interface TracedIntroducer {
  sha: string;
  /** The PR that merged the commit, or null for a direct push. */
  prNumber: number | null;
  /** When the introducing work landed: the PR's merge time, else the commit time. */
  landedAt: Date;
  /** How many of the fix's changed lines this commit introduced. */
  lines: number;
}

export interface FollowUpFix {
  prNumber: number | null;
  mergedAt: Date;
}

export interface FollowUpOrigin {
  prNumber: number | null;
  shas: string[];
  lines: number;
  landedAt: Date;
  ageDays: number;
}

export type ExclusionReason = 'own_change' | 'outside_window' | 'after_fix';

export interface FollowUpSelection {
  origins: FollowUpOrigin[];
  excluded: Array<{ sha: string; prNumber: number | null; reason: ExclusionReason }>;
}

const dayMs = 86_400_000;

export function selectFollowUpOrigins(
  introducers: readonly TracedIntroducer[],
  fix: FollowUpFix,
  windowDays: number,
): FollowUpSelection {
  const excluded: FollowUpSelection['excluded'] = [];
  const groups = new Map<string, FollowUpOrigin>();
  for (const introducer of introducers) {
    const age = fix.mergedAt.getTime() - introducer.landedAt.getTime();
    let reason: ExclusionReason | null = null;
    if (fix.prNumber !== null && introducer.prNumber === fix.prNumber) reason = 'own_change';
    else if (age < 0) reason = 'after_fix';
    else if (age > windowDays * dayMs) reason = 'outside_window';
    if (reason !== null) {
      excluded.push({ sha: introducer.sha, prNumber: introducer.prNumber, reason });
      continue;
    }
    const key =
      introducer.prNumber === null ? `commit:${introducer.sha}` : `pr:${introducer.prNumber}`;
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, {
        prNumber: introducer.prNumber,
        shas: [introducer.sha],
        lines: introducer.lines,
        landedAt: introducer.landedAt,
        ageDays: age / dayMs,
      });
    } else {
      group.shas.push(introducer.sha);
      group.lines += introducer.lines;
      // The PR landed once; keep its earliest time so the age is the longest one.
      if (introducer.landedAt.getTime() < group.landedAt.getTime()) {
        group.landedAt = introducer.landedAt;
        group.ageDays = age / dayMs;
      }
    }
  }
  const origins = [...groups.values()].sort(
    (a, b) => b.lines - a.lines || a.landedAt.getTime() - b.landedAt.getTime(),
  );
  for (const origin of origins) origin.ageDays = Math.round(origin.ageDays * 100) / 100;
  return { origins, excluded };
}
