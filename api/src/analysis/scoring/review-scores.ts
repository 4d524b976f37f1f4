import type { EntityManager } from 'typeorm';
import {
  calibrationFlags,
  reviewDepth,
  reviewRisk,
  type AnalysisConfig,
  type ReviewComment,
  type ReviewRecord,
} from '../core';
import type { AnalysisDataset, PullRequestRecord } from '../domain/analysis-dataset';
import type { PullRequestReviewScore } from '../storage/scores.entity';

/**
 * Reads: files, reviews and comments of merged PRs, one repository at a time (memory-bounded).
 * Computes each PR's risk (hotspots and author experience from the PRs merged before it) and
 * review depth, and the rubber-stamp / over-review flags.
 */
const hotspotWindowMs = 30 * 86_400_000;
const reviewStates = new Set(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED']);

function isBot(login: string | null, agents: ReadonlySet<string>): boolean {
  if (login === null) return false;
  const lower = login.toLowerCase();
  return lower.endsWith('[bot]') || agents.has(lower);
}

function group<T extends { pull_request_id: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.pull_request_id) ?? [];
    list.push(row);
    map.set(row.pull_request_id, list);
  }
  return map;
}

export async function reviewScores(
  manager: EntityManager,
  dataset: AnalysisDataset,
  config: AnalysisConfig,
  /** Only these repositories (an incremental run); all when undefined. */
  repositoryIds?: ReadonlySet<string>,
): Promise<Map<string, PullRequestReviewScore>> {
  const agents = new Set(config.agentLogins.map((login) => login.toLowerCase()));
  const scores = new Map<string, PullRequestReviewScore>();
  const byRepo = new Map<string, PullRequestRecord[]>();
  for (const pr of dataset.pullRequests.values()) {
    if (repositoryIds !== undefined && !repositoryIds.has(pr.repositoryId)) continue;
    const list = byRepo.get(pr.repositoryId) ?? [];
    list.push(pr);
    byRepo.set(pr.repositoryId, list);
  }
  for (const [repositoryId, prs] of byRepo) {
    const files = group(
      await manager.query<
        { pull_request_id: string; path: string; additions: number; deletions: number }[]
      >(
        `SELECT f.pull_request_id, f.path, f.additions, f.deletions FROM pull_request_file f JOIN pull_request p ON p.id = f.pull_request_id WHERE p.repository_id = $1 AND p.state = 'merged'`,
        [repositoryId],
      ),
    );
    const reviews = group(
      await manager.query<
        {
          pull_request_id: string;
          author_login: string | null;
          state: string;
          submitted_at: Date | null;
        }[]
      >(
        `SELECT r.pull_request_id, r.author_login, r.state, r.submitted_at FROM pull_request_review r JOIN pull_request p ON p.id = r.pull_request_id WHERE p.repository_id = $1 AND p.state = 'merged'`,
        [repositoryId],
      ),
    );
    const comments = group(
      await manager.query<
        { pull_request_id: string; author_login: string | null; body: string; created_at: Date }[]
      >(
        `SELECT c.pull_request_id, c.author_login, c.body, c.created_at FROM pull_request_comment c JOIN pull_request p ON p.id = c.pull_request_id WHERE p.repository_id = $1 AND p.state = 'merged'`,
        [repositoryId],
      ),
    );
    const pathHistory = new Map<string, number[]>();
    const authorHistory = new Map<string, number>();
    const ordered = [...prs].sort((a, b) => a.mergedAt.getTime() - b.mergedAt.getTime());
    for (const pr of ordered) {
      const prFiles = files.get(pr.id) ?? [];
      const at = pr.createdAt.getTime();
      const recent: Record<string, number> = {};
      const prior: Record<string, number> = {};
      for (const file of prFiles) {
        recent[file.path] = (pathHistory.get(file.path) ?? []).filter(
          (time) => time <= at && at - time <= hotspotWindowMs,
        ).length;
        prior[file.path] = authorHistory.get(`${pr.authorLogin ?? ''}\u0000${file.path}`) ?? 0;
      }
      const risk = reviewRisk(
        {
          files: prFiles.map((file) => ({
            path: file.path,
            additions: file.additions,
            deletions: file.deletions,
          })),
          isAgentAuthored: pr.isAgent,
          recentChangesPerFile: recent,
          authorPriorChangesPerFile: prior,
        },
        config,
      );
      const reviewRecords: ReviewRecord[] = (reviews.get(pr.id) ?? [])
        .filter((review) => review.submitted_at !== null && reviewStates.has(review.state))
        .map((review) => ({
          reviewer: review.author_login ?? '',
          isBot: isBot(review.author_login, agents),
          state: review.state as ReviewRecord['state'],
          submittedAt: review.submitted_at ?? pr.createdAt,
        }));
      const commentRecords: ReviewComment[] = (comments.get(pr.id) ?? []).map((comment) => ({
        author: comment.author_login ?? '',
        isBot: isBot(comment.author_login, agents),
        body: comment.body,
        createdAt: comment.created_at,
      }));
      const depth = reviewDepth(
        {
          authorLogin: pr.authorLogin ?? '',
          additions: pr.additions,
          deletions: pr.deletions,
          reviewStartedAt: pr.createdAt,
          mergedAt: pr.mergedAt,
          reviews: reviewRecords,
          comments: commentRecords,
        },
        config,
      );
      const flags = calibrationFlags(risk.score, depth, config);
      scores.set(pr.id, {
        pullRequestId: pr.id,
        risk: risk.score,
        depth: depth.score,
        riskComponents: risk.components.map((component) => ({ ...component })),
        depthComponents: depth.components.map((component) => ({ ...component })),
        rubberStamp: flags.rubberStamp,
        overReview: flags.overReview,
      });
      for (const file of prFiles) {
        const history = pathHistory.get(file.path) ?? [];
        history.push(pr.mergedAt.getTime());
        // Only the window matters for hotspots: keep the list short.
        while (history.length > 0 && pr.mergedAt.getTime() - (history[0] ?? 0) > hotspotWindowMs)
          history.shift();
        pathHistory.set(file.path, history);
        const key = `${pr.authorLogin ?? ''}\u0000${file.path}`;
        authorHistory.set(key, (authorHistory.get(key) ?? 0) + 1);
      }
    }
  }
  return scores;
}
