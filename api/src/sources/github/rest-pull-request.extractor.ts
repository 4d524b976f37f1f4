import { z } from 'zod';
import { actorFromRest } from './delivery.extractor';
import type { Extraction, GithubPullRequestRecord, GithubReviewRecord } from './github-records';

/** Reads: REST / webhook pull request and review objects. Writes: source records (no nested lists). */

const isoTime = z.iso.datetime({ offset: true });
const restUser = z.object({ login: z.string(), type: z.string().optional() }).nullable();

export const restPullRequestSchema = z.object({
  node_id: z.string(),
  number: z.number().int(),
  title: z.string(),
  body: z.string().nullable(),
  state: z.enum(['open', 'closed']),
  draft: z.boolean().optional(),
  created_at: isoTime,
  updated_at: isoTime,
  merged_at: isoTime.nullable(),
  closed_at: isoTime.nullable(),
  additions: z.number().int().optional(),
  deletions: z.number().int().optional(),
  changed_files: z.number().int().optional(),
  head: z.object({ ref: z.string() }),
  base: z.object({ ref: z.string() }),
  merge_commit_sha: z.string().nullable(),
  user: restUser,
  labels: z.array(z.object({ name: z.string() })).optional(),
});

export function extractRestPullRequest(
  repository: string,
  payload: unknown,
): Extraction<GithubPullRequestRecord> {
  const parsed = restPullRequestSchema.safeParse(payload);
  if (!parsed.success) {
    const id = (payload as { node_id?: unknown } | null)?.node_id;
    return {
      records: [],
      rejected: [
        {
          kind: 'pull-request',
          sourceId: typeof id === 'string' ? id : `${repository}#?`,
          reason: parsed.error.issues[0]?.message ?? 'invalid',
        },
      ],
    };
  }
  const pr = parsed.data;
  return {
    rejected: [],
    records: [
      {
        nodeId: pr.node_id,
        repository,
        number: pr.number,
        title: pr.title,
        body: pr.body ?? '',
        state: pr.merged_at !== null ? 'merged' : pr.state,
        isDraft: pr.draft ?? false,
        createdAt: pr.created_at,
        updatedAt: pr.updated_at,
        mergedAt: pr.merged_at,
        closedAt: pr.closed_at,
        additions: pr.additions ?? 0,
        deletions: pr.deletions ?? 0,
        changedFiles: pr.changed_files ?? 0,
        headRef: pr.head.ref,
        baseRef: pr.base.ref,
        mergeCommitSha: pr.merge_commit_sha,
        author: actorFromRest(pr.user),
        labels: (pr.labels ?? []).map((label) => label.name),
        readyForReviewAt: null,
        firstReviewRequestAt: null,
        activity: null,
      },
    ],
  };
}

export const restReviewSchema = z.object({
  node_id: z.string(),
  state: z.string(),
  body: z.string().nullable(),
  submitted_at: isoTime.nullable().optional(),
  user: restUser,
});

export function extractRestReview(payload: unknown): Extraction<GithubReviewRecord> {
  const parsed = restReviewSchema.safeParse(payload);
  if (!parsed.success)
    return {
      records: [],
      rejected: [
        {
          kind: 'review',
          sourceId: 'unknown',
          reason: parsed.error.issues[0]?.message ?? 'invalid',
        },
      ],
    };
  return {
    rejected: [],
    records: [
      {
        nodeId: parsed.data.node_id,
        // Webhooks spell review states in lower case; GraphQL in upper case.
        state: parsed.data.state.toUpperCase(),
        body: parsed.data.body ?? '',
        submittedAt: parsed.data.submitted_at ?? null,
        author: actorFromRest(parsed.data.user),
      },
    ],
  };
}
