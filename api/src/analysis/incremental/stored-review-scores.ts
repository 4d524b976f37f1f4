import type { EntityManager } from 'typeorm';
import type { PullRequestReviewScore } from '../storage/scores.entity';

/** Reads the stored review scores of the given PRs (an incremental run reuses those it did not recompute). */
export async function loadStoredReviewScores(
  manager: EntityManager,
  pullRequestIds: readonly string[],
): Promise<Map<string, PullRequestReviewScore>> {
  const scores = new Map<string, PullRequestReviewScore>();
  for (let start = 0; start < pullRequestIds.length; start += 10_000) {
    for (const row of await manager.query<
      {
        pull_request_id: string;
        risk: number;
        depth: number;
        risk_components: PullRequestReviewScore['riskComponents'];
        depth_components: PullRequestReviewScore['depthComponents'];
        rubber_stamp: boolean;
        over_review: boolean;
      }[]
    >(
      'SELECT pull_request_id, risk, depth, risk_components, depth_components, rubber_stamp, over_review FROM pull_request_review_score WHERE pull_request_id = ANY($1::text[])',
      [pullRequestIds.slice(start, start + 10_000)],
    ))
      scores.set(row.pull_request_id, {
        pullRequestId: row.pull_request_id,
        risk: row.risk,
        depth: row.depth,
        riskComponents: row.risk_components,
        depthComponents: row.depth_components,
        rubberStamp: row.rubber_stamp,
        overReview: row.over_review,
      });
  }
  return scores;
}

/** What the attribution reads: risk, depth, the rubber-stamp flag and the depth reasons quoted. */
export function sameReviewScore(
  stored: PullRequestReviewScore | undefined,
  fresh: PullRequestReviewScore,
): boolean {
  return (
    stored !== undefined &&
    stored.risk === fresh.risk &&
    stored.depth === fresh.depth &&
    stored.rubberStamp === fresh.rubberStamp &&
    stored.depthComponents.map((component) => component.reason).join('\n') ===
      fresh.depthComponents.map((component) => component.reason).join('\n')
  );
}
