import type { IntroducingCommit } from './szz-tracer';

/**
 * Maps a commit sha to the pull request(s) that contain it. The analysis engine builds one from
 * the GitHub connector's pull_request_commit table; a commit can belong to several PRs.
 */
export type PullRequestLookup = (sha: string) => number | readonly number[] | undefined;

export interface OriginPullRequest {
  number: number;
  /** Introducing commits of this PR, sorted. */
  shas: string[];
  /** Traced lines the PR's commits introduced: a weight for attributing rework. */
  lineCount: number;
}

export interface PullRequestMapping {
  /** Sorted by line count (descending), then PR number. */
  pullRequests: OriginPullRequest[];
  /** Introducers in no known PR (direct pushes, history before the connector's window). */
  unmatchedShas: string[];
}

/** Groups introducing commits by the pull requests they belong to. Pure. */
export function mapIntroducersToPullRequests(
  introducers: readonly IntroducingCommit[],
  lookup: PullRequestLookup,
): PullRequestMapping {
  const byNumber = new Map<number, OriginPullRequest>();
  const unmatchedShas: string[] = [];
  for (const introducer of introducers) {
    const found = lookup(introducer.sha);
    const numbers =
      found === undefined ? [] : typeof found === 'number' ? [found] : [...new Set(found)];
    if (numbers.length === 0) unmatchedShas.push(introducer.sha);
    for (const number of numbers) {
      const pullRequest = byNumber.get(number) ?? { number, shas: [], lineCount: 0 };
      pullRequest.shas.push(introducer.sha);
      pullRequest.lineCount += introducer.lineCount;
      byNumber.set(number, pullRequest);
    }
  }
  const pullRequests = [...byNumber.values()]
    .map((pullRequest) => ({ ...pullRequest, shas: [...new Set(pullRequest.shas)].sort() }))
    .sort((a, b) => b.lineCount - a.lineCount || a.number - b.number);
  return { pullRequests, unmatchedShas: unmatchedShas.sort() };
}
